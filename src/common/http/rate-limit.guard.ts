import {
  Injectable,
  Logger,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { InjectConfig } from '../config/config.module.js';
import { REQUEST_PATH_COMMAND_TIMEOUT_MS } from '../../infra/redis/redis-options.js';
import { firstConnection, InjectRedis } from '../../infra/redis/redis.module.js';
import { TooManyRequestsError } from '../errors/domain-error.js';
import { errorMessage } from '../errors/error-message.js';
import { SharedWindowCounter, type WindowCount } from './shared-window-counter.js';
import { RouteMetadata } from './route-metadata.js';

const SKIP = 'rate-limit:skip';
/** Exempts a route or controller from rate limiting (health checks). */
export const SkipRateLimit = () => SetMetadata(SKIP, true);

const WINDOW_MS = 60_000;
/** Least time between two counts of one client sent to Redis by one process. */
const SYNC_MS = 100;
/** After Redis failed to answer, the limiter counts in the process for this long before trying it again. */
const REDIS_RETRY_MS = 5_000;
/** Most client addresses a process remembers (the least recently seen are forgotten first). */
const MAX_CLIENTS = 10_000;

// One fixed window per client and minute, shared by every API process through Redis: adds
// ARGV[2] hits and answers the total and the ms left (a key found without an expiry gets one).
const INCREMENT = `
local hits = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {hits, ttl}
`;

/** The script's name on the shared client: sent once, then run by its SHA (EVALSHA). */
const COMMAND = 'plannerRateLimitHits';
type CountingRedis = Redis & {
  [COMMAND]: (key: string, windowMs: number, hits: number) => Promise<WindowCount>;
};

/**
 * Global rate limit per client address, one fixed window a minute, counted in Redis so that it
 * holds across any number of API processes, and decided without waiting for Redis
 * (SharedWindowCounter): a request is counted on what Redis last answered for its client plus
 * the requests this process saw since, and the counts go to Redis in the background, at most
 * one command per client every SYNC_MS. Exact with one API process; with several, a client can
 * get about SYNC_MS of its requests per process past the limit before every process refuses it.
 *
 * When Redis does not answer (down, or connected but stalled: its commands time out after
 * REQUEST_PATH_COMMAND_TIMEOUT_MS), the limit FAILS OPEN TO A LOCAL COUNT: each API process
 * goes on counting the same limit per address in memory, so a client is still bounded (to the
 * limit times the number of API processes), and no request ever waits on Redis. One warning is
 * logged when it starts, one line when Redis counts again; meanwhile Redis is tried again every
 * REDIS_RETRY_MS.
 *
 * Written here rather than with @nestjs/throttler: its latest release (6.7.1) is CommonJS and
 * require()s the ESM-only @nestjs/common 12, which Node 20 does but Jest 30 cannot before Node
 * 24.9, so no test could load the app; and its Redis storage package peers on Nest <= 11.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private readonly counter: SharedWindowCounter;
  private readonly skip: RouteMetadata<boolean>;

  constructor(
    reflector: Reflector,
    @InjectRedis() redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.skip = new RouteMetadata(reflector, SKIP);
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: INCREMENT });
    const send = async (key: string, hits: number): Promise<WindowCount> => {
      await firstConnection(redis, REQUEST_PATH_COMMAND_TIMEOUT_MS);
      return (redis as CountingRedis)[COMMAND](key, WINDOW_MS, hits);
    };
    this.counter = new SharedWindowCounter(send, {
      windowMs: WINDOW_MS,
      syncMs: SYNC_MS,
      retryMs: REDIS_RETRY_MS,
      maxKeys: MAX_CLIENTS,
      onStoreDown: (error) =>
        this.logger.warn(
          `Redis did not answer the rate limiter (${errorMessage(error)}): counting per process ` +
            `until it does (retried every ${REDIS_RETRY_MS / 1000} s)`,
        ),
      onStoreBack: () => this.logger.log('Rate limiting counts in Redis again'),
    });
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http' || this.skip.of(context)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const limit = this.config.http.rateLimitPerMinute;
    const [hits, msLeft] = this.counter.hit(`${this.config.redis.prefix}:ratelimit:${request.ip}`);
    void http
      .getResponse<FastifyReply>()
      .header('x-ratelimit-limit', limit)
      .header('x-ratelimit-remaining', Math.max(0, limit - hits));
    if (hits > limit) {
      const retryAfter = Math.max(1, Math.ceil(msLeft / 1000));
      throw new TooManyRequestsError(
        `Too many requests: at most ${limit} a minute; retry in ${retryAfter} s`,
        retryAfter,
      );
    }
    return true;
  }

  onModuleDestroy(): void {
    this.counter.close();
  }
}
