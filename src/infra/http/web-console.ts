import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Paths the console never answers: the API and the server's own pages keep their 404s. */
const SERVER_PREFIXES = ['/api', '/docs', '/admin', '/health', '/public'];

/**
 * The console's Content-Security-Policy, stricter than the one helmet gives the API docs and the
 * queue dashboard: its own scripts only, no inline script, no eval. Ant Design writes its styles
 * into `<style>` elements at run time, hence `'unsafe-inline'` for styles (and nothing else);
 * icons and charts use `data:` images.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** `dist/web` of the project, whether this runs compiled (dist/src/…) or from source (tests). */
export function defaultConsoleRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  // Compiled, this file sits under <project>/dist/src/…, and dist/ has no package.json.
  return join(dir, 'dist', 'web');
}

/**
 * Serves the built web console at `/`: hashed assets under /assets with immutable caching, and
 * index.html (never cached) at `/` and for every other GET that asks for HTML outside the
 * server's own prefixes, so that client routes such as /events/42 load the console. When the console has not
 * been built, `/` says so with a 503 instead of failing. What the console serves carries its own
 * CSP; what it leaves to the server (`reply.callNotFound()`) keeps the server's headers.
 */
export async function registerWebConsole(
  fastify: FastifyInstance,
  root = defaultConsoleRoot(),
): Promise<void> {
  const indexFile = join(resolve(root), 'index.html');
  const built = existsSync(indexFile);
  await fastify.register(async (scope) => {
    if (built) {
      await scope.register(fastifyStatic, {
        root: resolve(root),
        prefix: '/',
        wildcard: false,
        index: false,
        decorateReply: false,
        cacheControl: false,
        preCompressed: true,
        serveDotFiles: false,
        globIgnore: ['index.html', '**/*.gz', '**/*.br'],
        setHeaders: (reply: FastifyReply, path: string) => {
          void reply
            .header('content-security-policy', CONSOLE_CSP)
            .header(
              'cache-control',
              path.includes(`${join(resolve(root), 'assets')}`) ? IMMUTABLE : 'public, max-age=3600',
            );
        },
      });
    }
    const index = built ? readFileSync(indexFile) : null;
    const page = async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0];
      const accepts = request.headers.accept ?? '';
      // `/` is the console whatever the client accepts (`curl http://host/` included); other
      // paths are client routes only for requests that ask for HTML.
      if (
        SERVER_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`)) ||
        (path !== '/' && !accepts.includes('text/html'))
      ) {
        return reply.callNotFound();
      }
      void reply.header('content-security-policy', CONSOLE_CSP);
      if (!index) {
        return reply
          .status(503)
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(
            '<!doctype html><html lang="en"><meta charset="utf-8"><title>Console not built</title>' +
              '<h1>The web console has not been built</h1>' +
              '<p>Run <code>npm run build</code> and restart the planner. The API is at <a href="/docs">/docs</a>.</p></html>',
          );
      }
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
    };
    scope.get('/', page);
    scope.get('/*', page);
  });
}
