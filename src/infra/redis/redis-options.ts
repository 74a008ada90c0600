import type { RedisOptions } from 'ioredis';

/** ioredis options from a `redis://[user:pass@]host:port[/db]` or `rediss://` URL. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace(/^\//, '');
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: db ? Number(db) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

/** The Redis every process uses when REDIS_URL is not set. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Connection options of producers: while Redis is down, commands fail at once instead of
 * waiting in an offline queue (BullMQ requires `maxRetriesPerRequest: null`; the producer bounds
 * a command caught by a disconnect with its own timeout).
 */
export const producerRedisOptions = (url: string): RedisOptions => ({
  ...redisOptionsFromUrl(url),
  enableOfflineQueue: false,
  maxRetriesPerRequest: null,
  connectTimeout: 2_000,
  retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
});

/** Connection options of workers: wait and reconnect for as long as it takes. */
export const workerRedisOptions = (url: string): RedisOptions => ({
  ...redisOptionsFromUrl(url),
  maxRetriesPerRequest: null,
  retryStrategy: (attempt) => Math.min(attempt * 500, 5_000),
});
