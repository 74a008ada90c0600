import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import { newId } from '../../infra/database/new-id.js';
import type { User } from '../../users/user.entity.js';
import { ApiToken, type TokenPurpose } from './api-token.entity.js';
import { LOOKUP_TRUST_MS, TrustedLookups } from './trusted-lookups.js';

const PREFIX: Record<TokenPurpose, string> = { api: 'trp', calendar: 'trc' };
const TOUCH_EVERY_MS = 5 * 60_000;

interface CachedToken {
  recordId: string;
  user: User;
  lastUsedAt: number;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Opaque tokens: 32 random bytes, shown once, stored as SHA-256 (a fast hash is right for
 * high-entropy secrets: there is nothing to brute-force).
 */
@Injectable()
export class TokenService {
  /** Live token lookups by token, kept in this process's memory only. */
  private readonly cache = new TrustedLookups<CachedToken>(LOOKUP_TRUST_MS);

  constructor(@InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>) {}

  /** Creates a token for the user; returns the only copy of it in clear. */
  async issue(
    userId: string,
    purpose: TokenPurpose,
    manager?: EntityManager,
    name: string | null = null,
  ): Promise<{ token: string; record: ApiToken }> {
    const token = `${PREFIX[purpose]}_${randomBytes(32).toString('base64url')}`;
    const repo = manager ? manager.getRepository(ApiToken) : this.tokens;
    const record = repo.create({
      id: newId(),
      userId,
      purpose,
      name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      lastUsedAt: null,
      revokedAt: null,
    });
    await repo.insert(record);
    return { token, record };
  }

  /** The user a live token of that purpose belongs to, or null. */
  async resolve(token: string, purpose: TokenPurpose): Promise<User | null> {
    if (!token.startsWith(`${PREFIX[purpose]}_`)) return null;
    // Keyed by the token itself (its prefix names the purpose).
    const now = Date.now();
    let cached = this.cache.get(token, now);
    if (!cached) {
      const hash = hashToken(token);
      // One query (findOne with a relation would add a DISTINCT pre-query for its LIMIT).
      const record = await this.tokens
        .createQueryBuilder('t')
        .innerJoinAndSelect('t.user', 'user')
        .where('t.tokenHash = :hash AND t.purpose = :purpose AND t.revokedAt IS NULL', { hash, purpose })
        .getOne();
      if (!record?.user) return null;
      cached = { recordId: record.id, user: record.user, lastUsedAt: record.lastUsedAt?.getTime() ?? 0 };
      this.cache.set(token, cached, now);
    }
    if (now - cached.lastUsedAt > TOUCH_EVERY_MS) {
      cached.lastUsedAt = now;
      await this.tokens.update(cached.recordId, { lastUsedAt: new Date(now) });
    }
    return cached.user;
  }

  /** Drops this process's cached lookups of the user's tokens (revoked, or the user changed). */
  forgetUser(userId: string): void {
    this.cache.forgetUser(userId);
  }

  /** The user's tokens of that purpose, newest first (revoked ones too). */
  list(userId: string, purpose: TokenPurpose): Promise<ApiToken[]> {
    return this.tokens.find({ where: { userId, purpose }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /**
   * Revokes one of the user's tokens at once (the next request with it is refused). Answers
   * false when the user has no token with that id, so another user's id looks like a missing one.
   */
  async revoke(userId: string, id: string, purpose: TokenPurpose): Promise<boolean> {
    const record = await this.tokens.findOneBy({ id, userId, purpose });
    if (!record) return false;
    if (!record.revokedAt) {
      await this.tokens.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    }
    this.cache.forget((cached) => cached.recordId === id);
    return true;
  }

  /** Revokes every live token of that purpose for the user; returns how many. */
  async revokeAll(userId: string, purpose: TokenPurpose): Promise<number> {
    const result = await this.tokens.update(
      { userId, purpose, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    this.forgetUser(userId);
    return result.affected ?? 0;
  }
}
