import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, MoreThan, type Repository } from 'typeorm';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { Clock } from '../common/time/clock.js';
import { newId } from '../infra/database/new-id.js';
import { SignInFailure } from './sign-in-failure.entity.js';

interface LimitKey {
  key: string;
  max: number;
}

/**
 * Limits failed sign-ins per account (email) and per client address within a sliding window
 * (`SIGN_IN_ACCOUNT_LIMIT`, `SIGN_IN_ADDRESS_LIMIT`, `SIGN_IN_WINDOW_MINUTES`).
 * Counted in the database, which every API process shares and the sign-in path needs anyway,
 * so a stalled Redis cannot hang or open the sign-in.
 */
@Injectable()
export class SignInLimiter {
  constructor(
    @InjectRepository(SignInFailure) private readonly failures: Repository<SignInFailure>,
    @InjectConfig() private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  keys(email: string, address: string): LimitKey[] {
    return [
      { key: `account:${email}`, max: this.config.auth.maxFailuresPerAccount },
      { key: `address:${address}`, max: this.config.auth.maxFailuresPerAddress },
    ];
  }

  /** Seconds until the first of the keys that is locked out may try again, or null when none is. */
  async retryAfterSeconds(keys: LimitKey[]): Promise<number | null> {
    const now = this.clock.now().getTime();
    const window = this.config.auth.failureWindowMs;
    let wait = 0;
    for (const { key, max } of keys) {
      const recent = await this.failures.find({
        where: { key, at: MoreThan(new Date(now - window)) },
        order: { at: 'DESC' },
        take: max,
        select: { id: true, at: true },
      });
      // Locked while `max` failures are in the window; it opens when the oldest of them leaves it.
      if (recent.length >= max) wait = Math.max(wait, recent[max - 1].at.getTime() + window - now);
    }
    return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : null;
  }

  /** Counts a failure against every key, and forgets failures that have left the window. */
  async fail(keys: LimitKey[]): Promise<void> {
    const now = this.clock.now();
    await this.failures.insert(keys.map(({ key }) => ({ id: newId(), key, at: now })));
    await this.failures.delete({ at: LessThan(new Date(now.getTime() - this.config.auth.failureWindowMs)) });
  }

  /** A successful sign-in clears the account's failures (not the address's). */
  async succeed(keys: LimitKey[]): Promise<void> {
    const account = keys.filter((k) => k.key.startsWith('account:')).map((k) => k.key);
    if (account.length) await this.failures.delete({ key: In(account) });
  }
}
