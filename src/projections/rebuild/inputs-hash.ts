import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';

/**
 * Bumped when the projection method changes in a way that changes figures for the same data,
 * so that equal hashes always mean equal snapshots.
 */
export const PROJECTION_METHOD_VERSION = 1;

/** sha256 (hex) of the canonical JSON of a value: object keys sorted, no whitespace. */
export function inputsHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/**
 * Object keys sorted (by UTF-16 code unit), no whitespace, undefined fields left out, what
 * JSON.stringify writes for everything else (safe-stable-stringify; checked to give the same
 * bytes as the hand-written version it replaced, so stored hashes stay valid).
 */
export function canonicalJson(value: unknown): string {
  return stringify(value) ?? 'null';
}
