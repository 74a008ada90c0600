import { createHash } from 'node:crypto';

/**
 * Bumped when the projection method changes in a way that changes figures for the same data,
 * so that equal hashes always mean equal snapshots.
 */
export const PROJECTION_METHOD_VERSION = 1;

/** sha256 (hex) of the canonical JSON of a value: object keys sorted, no whitespace. */
export function inputsHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
