import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** The API's Content-Security-Policy (Swagger UI and the queue dashboard need inline scripts and styles). */
export const API_HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'", 'https:'],
      imgSrc: ["'self'", 'data:', 'https:'],
      fontSrc: ["'self'", 'https:', 'data:'],
    },
  },
};

/**
 * The headers helmet sets for these options, worked out once. Helmet's own headers do not depend
 * on the request unless a CSP directive is a function, which these options never use (a function
 * is refused here rather than frozen to one request's value).
 */
export function staticSecurityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      return response;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  const request = {
    get headers(): never {
      throw new Error('staticSecurityHeaders: a helmet option depends on the request');
    },
  };
  helmet(options)(request as unknown as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error) throw error instanceof Error ? error : new Error('helmet refused its options');
  });
  return headers;
}

/**
 * Sets helmet's headers on every response from one precomputed object, in one synchronous
 * hook, with the request id (`x-request-id`) every response carries. `@fastify/helmet` rebuilds
 * the whole helmet middleware (CSP parsing included) on every request, about 6 % of a small
 * request's CPU time. A scope may still replace a header (the console's stricter CSP in onSend).
 */
export function registerSecurityHeaders(fastify: FastifyInstance, options: HelmetOptions): void {
  const headers = staticSecurityHeaders(options);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    done();
  });
}
