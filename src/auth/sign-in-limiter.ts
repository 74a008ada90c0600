import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, MoreThan, type DataSource, type EntityManager, type Repository } from 'typeorm';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { Clock } from '../common/time/clock.js';
import { newId } from '../infra/database/new-id.js';
import { SignInFailure } from './sign-in-failure.entity.js';

interface LimitKey {
  key: string;
  max: number;
}

/** An attempt let through: its failure rows, taken back if the password was right. */
export interface SignInAttempt {
  ids: string[];
}

/** First key of the PostgreSQL advisory locks of the limiter (the second is the key's hash). */
const LOCK_NAMESPACE = 7_310_013;

/**
 * Limits failed sign-ins per account (email) and per client address within a sliding window
 * (`SIGN_IN_ACCOUNT_LIMIT`, `SIGN_IN_ADDRESS_LIMIT`, `SIGN_IN_WINDOW_MINUTES`).
 * Counted in the database, which every API process shares and the sign-in path needs anyway,
 * so a stalled Redis cannot hang or open the sign-in.
 *
 * Checking and counting are one step (`attempt`): every attempt is recorded as a failure before
 * the password is checked, in a transaction that holds the keys (an advisory lock per key on
 * PostgreSQL; SQLite transactions take turns), and a right password takes its rows back. So
 * concurrent wrong passwords cannot get more than the limit of tries between them.
 */
@Injectable()
export class SignInLimiter {
  constructor(
    @InjectRepository(SignInFailure) private readonly failures: Repository<SignInFailure>,
    @InjectConfig() private readonly config: AppConfig,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  keys(email: string, address: string): LimitKey[] {
    return [
      { key: `account:${email}`, max: this.config.auth.maxFailuresPerAccount },
      { key: `address:${address}`, max: this.config.auth.maxFailuresPerAddress },
    ];
  }

  /**
   * Atomically: the seconds to wait when a key is locked out, else the attempt, counted as a
   * failure of every key until `succeed` takes it back.
   */
  async attempt(keys: LimitKey[]): Promise<{ retryAfterSeconds: number } | SignInAttempt> {
    return this.dataSource.transaction(async (manager) => {
      if (this.dataSource.options.type === 'postgres') {
        for (const key of keys.map((k) => k.key).sort())
          await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, key]);
      }
      const wait = await this.retryAfterSeconds(keys, manager);
      if (wait !== null) return { retryAfterSeconds: wait };
      const now = this.clock.now();
      const rows = keys.map(({ key }) => ({ id: newId(), key, at: now }));
      await manager.insert(SignInFailure, rows);
      return { ids: rows.map((r) => r.id) };
    });
  }

  /** Seconds until the first of the keys that is locked out may try again, or null when none is. */
  private async retryAfterSeconds(keys: LimitKey[], manager: EntityManager): Promise<number | null> {
    const now = this.clock.now().getTime();
    const window = this.config.auth.failureWindowMs;
    let wait = 0;
    for (const { key, max } of keys) {
      const recent = await manager.find(SignInFailure, {
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

  /** A successful sign-in takes its attempt back and clears the account's failures (not the address's). */
  async succeed(keys: LimitKey[], attempt: SignInAttempt): Promise<void> {
    const account = keys.filter((k) => k.key.startsWith('account:')).map((k) => k.key);
    // One statement, so the attempt's account row (matched by both) is deleted once.
    await this.failures.delete([{ id: In(attempt.ids) }, { key: In(account) }]);
  }

  /**
   * A failed sign-in keeps its attempt counted. Only failures leave rows behind, so this is where
   * the ones that left the window are swept (outside the locked transaction: no count reads them).
   */
  async fail(): Promise<void> {
    const windowStart = this.clock.now().getTime() - this.config.auth.failureWindowMs;
    await this.failures.delete({ at: LessThan(new Date(windowStart)) });
  }
}
