import { ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { ValidationError } from './domain-error.js';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Flattens class-validator's tree into one entry per field path (`contact.email`, `rows.3.date`). */
export function flattenValidationErrors(errors: ClassValidatorError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * The global pipe: strips nothing silently (unknown fields are a 400 naming them), converts
 * query strings and JSON to the DTO's types, and reports every bad field at once.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const message = details.flatMap((d) => d.problems).join('; ');
      return new ValidationError(message || 'The request is not valid', details);
    },
  });
}
