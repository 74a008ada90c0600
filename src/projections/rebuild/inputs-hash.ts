import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import type { ProjectionInput } from '../math/projection-math.js';

/**
 * Bumped when the projection method changes in a way that changes figures for the same data,
 * so that equal hashes always mean equal snapshots.
 */
export const PROJECTION_METHOD_VERSION = 5;

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

/**
 * A projection's input as it is hashed: all of it, with each contribution's daily figures kept
 * from its first to its last non-zero day (and where that run starts). Equal inputs still give
 * equal forms and different ones different forms, but a city's hundreds of events are no longer
 * hashed as hundreds of years of mostly zeros.
 */
export function hashedInput(input: ProjectionInput): unknown {
  return {
    ...input,
    contributions: input.contributions.map((c) => {
      const first = c.daily.findIndex((v) => v !== 0);
      const last = c.daily.findLastIndex((v) => v !== 0);
      return { ...c, daily: first < 0 ? [] : c.daily.slice(first, last + 1), from: Math.max(first, 0) };
    }),
  };
}
