import type { User } from '../../users/user.entity.js';

/**
 * How long a process trusts its lookup of an API token or a console session (the user included)
 * before reading the database again: what another API process (or a command-line run) revoked,
 * closed or changed still holds here for at most this long.
 */
export const LOOKUP_TRUST_MS = 2_000;

/**
 * Who a secret (an API token, a session cookie) belongs to, as this process looked it up last,
 * trusted for `ttlMs` before the database is read again. Keyed by the secret itself, so a hit
 * costs no hashing. What this process changes (a revoked token, a closed session, a user's new
 * role) it drops at once; what another process changes holds here for at most `ttlMs`.
 */
export class TrustedLookups<V extends { user: User }> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  /** @param max most lookups kept; past it the cache starts empty again (only live ones are kept). */
  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  /** The lookup of `key` while it is trusted at `now` (ms), else undefined. */
  get(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > now) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V, now: number): void {
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key, { value, until: now + this.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops the lookups that match. */
  forget(match: (value: V) => boolean): void {
    for (const [key, entry] of this.entries) if (match(entry.value)) this.entries.delete(key);
  }

  /** Drops the lookups of this user's secrets (their role, organization or sign-ins changed). */
  forgetUser(userId: string): void {
    this.forget((value) => value.user.id === userId);
  }
}
