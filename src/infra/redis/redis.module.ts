import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../common/config/app-config.js';
import { APP_CONFIG } from '../../common/config/config.module.js';
import { DEFAULT_REDIS_URL, requestPathRedisOptions } from './redis-options.js';

export const REDIS = Symbol('REDIS');

/**
 * Resolves once a client that is still making its first connection is ready (or after
 * `timeoutMs`). A fail-fast client rejects commands until then, which right after start would
 * look like an outage.
 */
export async function firstConnection(redis: Redis, timeoutMs: number): Promise<void> {
  if (!['wait', 'connecting', 'connect'].includes(redis.status)) return;
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
    redis.once('ready', () => resolve());
  });
  clearTimeout(timer);
}

/** Injects the shared fail-fast Redis client (rate limits, readiness, small keys). */
export const InjectRedis = () => Inject(REDIS);

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/**
 * One ioredis client per process for everything that is not a BullMQ queue or worker; its
 * commands time out (see requestPathRedisOptions), so a stalled Redis never holds a request.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const redis = new Redis(requestPathRedisOptions(config.redis.url ?? DEFAULT_REDIS_URL));
        redis.on('error', () => undefined); // reported by readiness, not as log noise
        return redis;
      },
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
