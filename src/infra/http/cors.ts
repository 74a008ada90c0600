import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** The response headers a script on another origin may read. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'etag'];
/** Every method the API answers (the plugin's default leaves PUT, PATCH and DELETE out of preflights). */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * CORS for the configured origins (`true`: any), as @fastify/cors registered on Fastify itself,
 * before Nest's middleware, so a preflight is answered before them. Any origin is answered with
 * `Access-Control-Allow-Origin: *`: credentials are never allowed across origins (the console's
 * session cookie works on its own origin only), so reflecting each caller's origin would add
 * nothing but a `Vary`. Nest's `enableCors` wraps the same plugin and then copies every header
 * the reply has so far onto the raw response, on every request: with helmet's dozen headers that
 * was a third of a small request's CPU time.
 */
export async function registerCors(fastify: FastifyInstance, origins: string[] | true): Promise<void> {
  if (origins !== true && !origins.length) return;
  await fastify.register(cors, {
    origin: origins === true ? '*' : origins,
    methods: METHODS,
    exposedHeaders: EXPOSED_HEADERS,
  });
}
