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
 * How long a command on the request path may wait for Redis. A Redis that is connected but does
 * not answer (paused, swapping, a stuck network) would otherwise hold the request for as long as
 * it lasts: past this, the command fails and the caller's policy applies (rate limit: count in
 * the process; producers: 503 `queue_unavailable`; readiness: 503).
 */
export const REQUEST_PATH_COMMAND_TIMEOUT_MS = 500;

/**
 * Connection options of producers (BullMQ queues in a process that serves HTTP): while Redis is
 * down, commands fail at once instead of waiting in an offline queue (BullMQ requires
 * `maxRetriesPerRequest: null`). A stalled Redis is bounded by `queueCall`'s timeout, not by
 * `commandTimeout`: the workers of `npm start`'s combined process start from these options (with
 * their offline queue back, see PatientWorker) and their blocking commands wait longer on purpose.
 */
export const producerRedisOptions = (url: string): RedisOptions => ({
  ...redisOptionsFromUrl(url),
  enableOfflineQueue: false,
  maxRetriesPerRequest: null,
  connectTimeout: 2_000,
  retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
});

/**
 * The shared client of the request path (rate limits, readiness, small keys): fail-fast as a
 * producer, and every command fails after REQUEST_PATH_COMMAND_TIMEOUT_MS when Redis is
 * connected but does not answer.
 */
export const requestPathRedisOptions = (url: string): RedisOptions => ({
  ...producerRedisOptions(url),
  commandTimeout: REQUEST_PATH_COMMAND_TIMEOUT_MS,
  // The commands of concurrent requests (one rate-limit count each) leave in one write.
  enableAutoPipelining: true,
});

/** Connection options of workers: wait and reconnect for as long as it takes. */
export const workerRedisOptions = (url: string): RedisOptions => ({
  ...redisOptionsFromUrl(url),
  maxRetriesPerRequest: null,
  retryStrategy: (attempt) => Math.min(attempt * 500, 5_000),
});
