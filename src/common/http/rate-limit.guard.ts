import { Injectable, Logger, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { InjectConfig } from '../config/config.module.js';
import { REQUEST_PATH_COMMAND_TIMEOUT_MS } from '../../infra/redis/redis-options.js';
import { firstConnection, InjectRedis } from '../../infra/redis/redis.module.js';
import { TooManyRequestsError } from '../errors/domain-error.js';
import { errorMessage } from '../errors/error-message.js';
import { BatchedHitCounter, type WindowCount } from './batched-hit-counter.js';
import { RouteMetadata } from './route-metadata.js';

const SKIP = 'rate-limit:skip';
/** Exempts a route or controller from rate limiting (health checks). */
export const SkipRateLimit = () => SetMetadata(SKIP, true);

const WINDOW_MS = 60_000;

// One fixed window per client and minute, shared by every API process through Redis. ARGV[2]
// hits at once: the requests that arrived while the client's previous count was out.
const INCREMENT = `
local hits = redis.call('INCRBY', KEYS[1], ARGV[2])
if hits == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {hits, redis.call('PTTL', KEYS[1])}
`;

/** The script's name on the shared client: sent once, then run by its SHA (EVALSHA). */
const COMMAND = 'plannerRateLimitHits';
type CountingRedis = Redis & {
  [COMMAND]: (key: string, windowMs: number, hits: number) => Promise<WindowCount>;
};

/** After Redis failed to answer, the limiter counts in the process for this long before trying it again. */
const REDIS_RETRY_MS = 5_000;
/** Most client addresses the in-process fallback remembers (older windows are dropped first). */
const LOCAL_MAX_CLIENTS = 10_000;

/**
 * Global rate limit per client address, counted in Redis so that it holds across any number of
 * API processes. A client's requests that arrive while its count is out in Redis are counted
 * together by the next command (BatchedHitCounter): one round trip per client at a time, not
 * one per request.
 *
 * When Redis does not answer (down, or connected but stalled: its commands time out after
 * REQUEST_PATH_COMMAND_TIMEOUT_MS), the limit FAILS OPEN TO A LOCAL COUNT: each API process
 * counts the same limit per address in memory, so a request never waits on Redis for longer
 * than that timeout and a client is still bounded (to the limit times the number of API
 * processes). One warning is logged when it starts, one line when Redis counts again; during
 * the outage Redis is retried every REDIS_RETRY_MS, the other requests do not touch it.
 *
 * Written here rather than with @nestjs/throttler: its latest release (6.7.1) is CommonJS and
 * require()s the ESM-only @nestjs/common 12, which Node 20 does but Jest 30 cannot before Node
 * 24.9, so no test could load the app; and its Redis storage package peers on Nest <= 11.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');
  /** Until when the limiter counts locally (0: Redis counts). */
  private localUntil = 0;
  private local = new Map<string, { resetAt: number; hits: number }>();
  /** One Redis command in flight per client; the requests meanwhile share the next one. */
  private readonly counter: BatchedHitCounter;
  private readonly skip: RouteMetadata<boolean>;

  constructor(
    reflector: Reflector,
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.skip = new RouteMetadata(reflector, SKIP);
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: INCREMENT });
    this.counter = new BatchedHitCounter((key, hits) =>
      (redis as CountingRedis)[COMMAND](key, WINDOW_MS, hits),
    );
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http' || this.skip.of(context)) return true;
    return this.count(context);
  }

  private async count(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const limit = this.config.http.rateLimitPerMinute;
    const [hits, ttlMs] = (await this.countInRedis(request.ip)) ?? this.countLocally(request.ip);
    void reply.header('x-ratelimit-limit', limit).header('x-ratelimit-remaining', Math.max(0, limit - hits));
    if (hits > limit) {
      const retryAfter = Math.max(1, Math.ceil(ttlMs / 1000));
      throw new TooManyRequestsError(
        `Too many requests: at most ${limit} a minute; retry in ${retryAfter} s`,
        retryAfter,
      );
    }
    return true;
  }

  /** [hits, ms left in the window], or null when Redis did not answer. */
  private async countInRedis(ip: string): Promise<WindowCount | null> {
    const now = Date.now();
    if (now < this.localUntil) return null;
    try {
      await firstConnection(this.redis, REQUEST_PATH_COMMAND_TIMEOUT_MS);
      const counted = await this.counter.hit(`${this.config.redis.prefix}:ratelimit:${ip}`);
      if (this.localUntil) {
        this.logger.log('Rate limiting counts in Redis again');
        this.localUntil = 0;
        this.local.clear();
      }
      return counted;
    } catch (error) {
      if (!this.localUntil)
        this.logger.warn(
          `Redis did not answer the rate limiter (${errorMessage(error)}): counting per process ` +
            `until it does (retried every ${REDIS_RETRY_MS / 1000} s)`,
        );
      this.localUntil = Date.now() + REDIS_RETRY_MS;
      return null;
    }
  }

  /** The same fixed window, counted in this process. */
  private countLocally(ip: string): WindowCount {
    const now = Date.now();
    let entry = this.local.get(ip);
    if (!entry || entry.resetAt <= now) {
      if (this.local.size >= LOCAL_MAX_CLIENTS) {
        for (const [key, value] of this.local) if (value.resetAt <= now) this.local.delete(key);
        if (this.local.size >= LOCAL_MAX_CLIENTS) this.local.delete(this.local.keys().next().value!);
      }
      entry = { resetAt: now + WINDOW_MS, hits: 0 };
      this.local.set(ip, entry);
    }
    entry.hits++;
    return [entry.hits, entry.resetAt - now];
  }
}
