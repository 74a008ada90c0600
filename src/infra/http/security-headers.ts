import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's options for the pages the server renders: the API docs (Swagger UI) and the queue
 * dashboard need inline scripts and styles; the console replaces this CSP with its own
 * (web-console.ts).
 */
export const DOCUMENT_HELMET_OPTIONS: HelmetOptions = {
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
 * Helmet's options for the API's answers (JSON, CSV, iCalendar: nothing a browser renders as a
 * page), as OWASP's REST Security Cheat Sheet asks of an API: a CSP that allows nothing and no
 * framing, `nosniff`, `X-Frame-Options: DENY`, HSTS; with helmet's Cross-Origin-Resource-Policy
 * and Referrer-Policy kept. Helmet's headers for pages (COOP, Origin-Agent-Cluster, the DNS
 * prefetch, download, cross-domain-policy and XSS-filter switches) are left out: six headers
 * instead of twelve, and a CSP of 41 bytes instead of 274, on every API response.
 */
export const API_HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  xFrameOptions: { action: 'deny' },
};

/** The API's paths (its JSON, CSV and iCalendar answers, and the health checks). */
const API_PATH = /^\/(api|health)(\/|\?|$)/;

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
 * Sets helmet's headers on every response from precomputed objects (the API's set on its paths,
 * the pages' set elsewhere), in one synchronous hook, with the request id (`x-request-id`) every
 * response carries. `@fastify/helmet` rebuilds the whole helmet middleware (CSP parsing included)
 * on every request, about 6 % of a small request's CPU time. A route may still replace a header
 * (the console sets its stricter CSP on what it serves).
 */
export function registerSecurityHeaders(fastify: FastifyInstance): void {
  const api = staticSecurityHeaders(API_HELMET_OPTIONS);
  const documents = staticSecurityHeaders(DOCUMENT_HELMET_OPTIONS);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(API_PATH.test(request.url) ? api : documents);
    reply.header('x-request-id', request.id);
    done();
  });
}
