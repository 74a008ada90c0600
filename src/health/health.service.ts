import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { withTimeout } from '../common/async/with-timeout.js';
import type { Redis } from 'ioredis';
import { firstConnection, InjectRedis } from '../infra/redis/redis.module.js';
import { errorMessage } from '../common/errors/error-message.js';

type Check = { status: 'up' } | { status: 'down'; error: string };
export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: { database: Check; redis: Check };
}

const TIMEOUT_MS = 1_500;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async readiness(): Promise<ReadinessReport> {
    const [database, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.pingRedis()),
    ]);
    return {
      status: database.status === 'up' && redis.status === 'up' ? 'ok' : 'unavailable',
      checks: { database, redis },
    };
  }

  /** The client fails fast while disconnected; just after start it may still be connecting. */
  private async pingRedis(): Promise<unknown> {
    await firstConnection(this.redis, TIMEOUT_MS);
    return this.redis.ping();
  }
}

async function probe(check: () => Promise<unknown>): Promise<Check> {
  try {
    await withTimeout(check(), TIMEOUT_MS);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: errorMessage(error) };
  }
}
