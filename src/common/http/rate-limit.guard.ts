import { Injectable, Logger, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { InjectConfig } from '../config/config.module.js';
import { firstConnection, InjectRedis } from '../../infra/redis/redis.module.js';
import { DomainError } from '../errors/domain-error.js';

const SKIP = 'rate-limit:skip';
/** Exempts a route or controller from rate limiting (health checks). */
export const SkipRateLimit = () => SetMetadata(SKIP, true);

const WINDOW_MS = 60_000;

// One fixed window per client and minute, shared by every API process through Redis.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {hits, redis.call('PTTL', KEYS[1])}
`;

/**
 * Global rate limit per client address, counted in Redis so that it holds across any number of
 * API processes. If Redis is down the limiter lets requests through (and logs once): an outage
 * of the counter must not take the API down with it.
 *
 * Written here rather than with @nestjs/throttler: its latest release (6.7.1) is CommonJS and
 * require()s the ESM-only @nestjs/common 12, which Node 20 does but Jest 30 cannot before Node
 * 24.9, so no test could load the app; and its Redis storage package peers on Nest <= 11.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');
  private warned = false;

  constructor(
    private readonly reflector: Reflector,
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(SKIP, [context.getHandler(), context.getClass()]))
      return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const limit = this.config.http.rateLimitPerMinute;
    const key = `${this.config.redis.prefix}:ratelimit:${request.ip}`;
    let hits: number;
    let ttlMs: number;
    try {
      await firstConnection(this.redis, 1_000);
      [hits, ttlMs] = (await this.redis.eval(INCREMENT, 1, key, WINDOW_MS)) as [number, number];
      this.warned = false;
    } catch (error) {
      if (!this.warned)
        this.logger.warn(`Rate limiting paused, Redis unavailable: ${(error as Error).message}`);
      this.warned = true;
      return true;
    }
    void reply.header('x-ratelimit-limit', limit).header('x-ratelimit-remaining', Math.max(0, limit - hits));
    if (hits > limit) {
      const retryAfter = Math.max(1, Math.ceil(ttlMs / 1000));
      void reply.header('retry-after', retryAfter);
      throw new DomainError(
        429,
        'rate_limited',
        `Too many requests: at most ${limit} a minute; retry in ${retryAfter} s`,
      );
    }
    return true;
  }
}
