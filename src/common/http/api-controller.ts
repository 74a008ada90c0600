import { applyDecorators, Controller } from '@nestjs/common';
import { ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ErrorBody } from '../errors/error-body.js';

/** Where every API route lives. */
export const API_PREFIX = 'api/v1';

/**
 * A controller of the public API: its routes under `/api/v1/<path>`, grouped under `tag` in
 * OpenAPI, each documented with the 429 of the global rate limit (RateLimitGuard), which a
 * route may override with its own.
 */
export const ApiController = (tag: string, path?: string) =>
  applyDecorators(
    Controller(path ? `${API_PREFIX}/${path}` : API_PREFIX),
    ApiTags(tag),
    ApiTooManyRequestsResponse({
      description: '`rate_limited`: too many requests from this address this minute; see Retry-After',
      type: ErrorBody,
    }),
  );
