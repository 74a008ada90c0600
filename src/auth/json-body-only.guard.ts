import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UnsupportedMediaTypeError } from '../common/errors/domain-error.js';

/**
 * Refuses any body but JSON (415) before it is read into a DTO. The routes that take it open a
 * session without one, so they cannot check a CSRF token; an HTML form of another site can only
 * send form or text bodies, and a cross-site JSON request needs a CORS preflight.
 */
@Injectable()
export class JsonBodyOnly implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const type = context.switchToHttp().getRequest<FastifyRequest>().headers['content-type'];
    if (typeof type === 'string' && /^application\/json\s*(;|$)/i.test(type)) return true;
    throw new UnsupportedMediaTypeError('Send the body as application/json');
  }
}
