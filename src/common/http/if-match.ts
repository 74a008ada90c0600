import { AsyncLocalStorage } from 'node:async_hooks';
import { ConflictError, DomainError, ValidationError } from '../errors/domain-error.js';

/** The ETag of a version: `"3"` (strong: a version is one exact state of the resource). */
export const etagOf = (version: number): string => `"${version}"`;

/** `*`, or the versions an `If-Match` header lists (`"3"`, `"3", "4"`). */
export type IfMatch = '*' | number[];

/** Reads an `If-Match` header; a value that is not `*` or a list of quoted versions is a 400. */
export function parseIfMatch(header: string | string[] | undefined): IfMatch | null {
  if (header === undefined) return null;
  const text = (Array.isArray(header) ? header.join(',') : header).trim();
  if (text === '*') return '*';
  const tags = text.split(',').map((t) => t.trim());
  const versions = tags.map((t) => /^"(\d{1,9})"$/.exec(t));
  if (!text || versions.some((m) => !m)) {
    throw new ValidationError(
      `If-Match must be * or the ETag of a version, quoted ("3"); got ${JSON.stringify(text)}`,
      [{ field: 'If-Match', problems: ['If-Match must be * or a list of quoted ETags such as "3"'] }],
      'bad_if_match',
    );
  }
  return versions.map((m) => Number(m![1]));
}

/** The SET of a write to a versioned row: its version goes up by one (a TypeORM raw expression). */
export const NEXT_VERSION = (): string => '"version" + 1';

/** A compare-and-set on a row's version found another version: someone wrote in between (409). */
export const changedMeanwhile = (what: string, id: string): ConflictError =>
  new ConflictError('concurrent_change', `${what} ${id} changed meanwhile; read it again and retry`);

export class PreconditionFailedError extends DomainError {
  constructor(what: string, id: string, currentVersion: number) {
    super(
      412,
      'precondition_failed',
      `${what} ${id} is at version ${currentVersion}, not the one If-Match names; read it again and retry`,
      { currentVersion, etag: etagOf(currentVersion) },
    );
  }
}

interface Expectation {
  table: string;
  what: string;
  id: string;
  ifMatch: IfMatch;
  checked: boolean;
}

const expectations = new AsyncLocalStorage<Expectation>();

/** Runs a write with the request's `If-Match` in scope, for {@link assertIfMatch} to check. */
export const withIfMatch = <T>(expectation: Omit<Expectation, 'checked'>, run: () => T): T =>
  expectations.run({ ...expectation, checked: false }, run);

export function matches(ifMatch: IfMatch, version: number): boolean {
  return ifMatch === '*' || ifMatch.includes(version);
}

/**
 * Called where a service reads the row it is about to change (the version its compare-and-set
 * update then requires): the first read of the request's resource is held to `If-Match`, so a
 * write that raced in after the interceptor's own check is still refused, atomically.
 */
export function assertIfMatch(table: string, id: string, version: number): void {
  const expectation = expectations.getStore();
  if (!expectation || expectation.checked || expectation.table !== table || expectation.id !== id) return;
  expectation.checked = true;
  if (!matches(expectation.ifMatch, version))
    throw new PreconditionFailedError(expectation.what, id, version);
}
