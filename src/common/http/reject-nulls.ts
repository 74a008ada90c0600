import { ValidationError } from '../errors/domain-error.js';

/**
 * PATCH bodies may set optional fields to null, but not required ones: class-validator's
 * `@IsOptional()` lets null through, so update services call this with their required fields.
 */
export function rejectNulls(dto: object, fields: readonly string[]): void {
  const bad = fields.filter((f) => (dto as Record<string, unknown>)[f] === null);
  if (!bad.length) return;
  throw new ValidationError(
    bad.map((f) => `${f} must not be null`).join('; '),
    bad.map((field) => ({ field, problems: [`${field} must not be null`] })),
  );
}
