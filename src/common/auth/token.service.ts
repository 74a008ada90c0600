import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import { newId } from '../../infra/database/new-id.js';
import type { User } from '../../users/user.entity.js';
import { ApiToken, type TokenPurpose } from './api-token.entity.js';

const PREFIX: Record<TokenPurpose, string> = { api: 'trp', calendar: 'trc' };
const TOUCH_EVERY_MS = 5 * 60_000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Opaque tokens: 32 random bytes, shown once, stored as SHA-256 (a fast hash is right for
 * high-entropy secrets: there is nothing to brute-force).
 */
@Injectable()
export class TokenService {
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
    const record = await this.tokens.findOne({
      where: { tokenHash: hashToken(token), purpose, revokedAt: IsNull() },
      relations: { user: true },
    });
    if (!record?.user) return null;
    const now = Date.now();
    if (!record.lastUsedAt || now - record.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await this.tokens.update(record.id, { lastUsedAt: new Date(now) });
    }
    return record.user;
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
    return true;
  }

  /** Revokes every live token of that purpose for the user; returns how many. */
  async revokeAll(userId: string, purpose: TokenPurpose): Promise<number> {
    const result = await this.tokens.update(
      { userId, purpose, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    return result.affected ?? 0;
  }
}
