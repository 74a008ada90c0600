import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type EntityManager, type Repository } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { InjectConfig } from '../config/config.module.js';
import { Clock } from '../time/clock.js';
import { newId } from '../../infra/database/new-id.js';
import type { User } from '../../users/user.entity.js';
import { Session } from './session.entity.js';
import { hashToken } from './token.service.js';
import { LOOKUP_TRUST_MS, TrustedLookups } from './trusted-lookups.js';

/** How often a session's `lastSeenAt` is written (at most): the idle expiry is this precise. */
const TOUCH_EVERY_MS = 60_000;

export type SessionLookup =
  | { status: 'live'; session: Session; user: User; expiresAt: Date }
  | { status: 'expired' }
  | { status: 'unknown' };

/** A session with its user, as a lookup found it. */
type SessionWithUser = Session & { user: User };

/**
 * Server-side console sessions in the database (they survive Redis restarts). Each process trusts
 * its lookup of a live session for LOOKUP_TRUST_MS, as it does an API token's: the console sends
 * several requests per page and polls, and a lookup is a join of two tables. The session's expiry
 * is judged on every request all the same; signing out, a new password or a changed user drop the
 * lookup in the process that did it, other processes follow within LOOKUP_TRUST_MS.
 */
@Injectable()
export class SessionService {
  private readonly cache = new TrustedLookups<SessionWithUser>(LOOKUP_TRUST_MS);

  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectConfig() private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Opens a session; returns the cookie value (the only copy) and the stored row. */
  async open(
    userId: string,
    manager?: EntityManager,
  ): Promise<{ cookie: string; session: Session; expiresAt: Date }> {
    const repo = manager ? manager.getRepository(Session) : this.sessions;
    const now = this.clock.now();
    const cookie = randomBytes(32).toString('base64url');
    const session = repo.create({
      id: newId(),
      userId,
      tokenHash: hashToken(cookie),
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.auth.sessionMaxMs),
    });
    await repo.insert(session);
    return { cookie, session, expiresAt: this.expiryOf(session) };
  }

  /** The live session of a cookie (its idle clock restarted), or why there is none. */
  async resolve(cookie: string): Promise<SessionLookup> {
    const now = this.clock.now();
    let session = this.cache.get(cookie, now.getTime());
    const trusted = session !== undefined;
    if (!session) {
      // One query (findOne with a relation would add a DISTINCT pre-query for its LIMIT).
      const found = await this.sessions
        .createQueryBuilder('s')
        .innerJoinAndSelect('s.user', 'user')
        .where('s.tokenHash = :hash', { hash: hashToken(cookie) })
        .getOne();
      if (!found?.user) return { status: 'unknown' };
      session = found as SessionWithUser;
      this.cache.set(cookie, session, now.getTime());
    }
    if (this.expiryOf(session) <= now) {
      this.cache.delete(cookie);
      // Judged on the stored row before it is deleted (another process may have used it since).
      if (trusted) return this.resolve(cookie);
      await this.sessions.delete(session.id);
      return { status: 'expired' };
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      session.lastSeenAt = now;
      await this.sessions.update(session.id, { lastSeenAt: now });
    }
    return { status: 'live', session, user: session.user, expiresAt: this.expiryOf(session) };
  }

  /** Ends the session of this cookie, if any. */
  async close(cookie: string): Promise<void> {
    this.cache.delete(cookie);
    await this.sessions.delete({ tokenHash: hashToken(cookie) });
  }

  /** Ends every session of the user (a new password, a removed account). */
  async closeAllFor(userId: string, manager?: EntityManager): Promise<void> {
    this.forgetUser(userId);
    await (manager ? manager.getRepository(Session) : this.sessions).delete({ userId });
  }

  /**
   * Drops this process's lookups of the user's sessions (the user changed, or their sessions were
   * closed in a transaction: call it again after the commit, when a lookup made meanwhile by a
   * request on another connection may have kept the old rows).
   */
  forgetUser(userId: string): void {
    this.cache.forgetUser(userId);
  }

  /** Deletes sessions past their absolute or idle expiry. */
  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    const absolute = await this.sessions.delete({ expiresAt: LessThan(now) });
    const idle = await this.sessions.delete({
      lastSeenAt: LessThan(new Date(now.getTime() - this.config.auth.sessionIdleMs)),
    });
    return (absolute.affected ?? 0) + (idle.affected ?? 0);
  }

  /** When the session ends unless used again: the earlier of its idle and absolute expiry. */
  expiryOf(session: Session): Date {
    const idle = session.lastSeenAt.getTime() + this.config.auth.sessionIdleMs;
    return new Date(Math.min(idle, session.expiresAt.getTime()));
  }
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
