// The planner's OpenAPI document as the real HTTP app serves it at /docs-json.
//
// Built from dist/ (so `npm run build:server` first) over a throwaway SQLite file and read through
// Fastify's inject, without listening on any port. Used by `api:generate`/`api:check` (the
// console's types) and `api:lint` (Redocly's recommended rules).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function loadOpenApiDocument() {
  const { createHttpApp } = await import(join(root, 'dist/src/app/http-app.js'));
  const { loadConfig } = await import(join(root, 'dist/src/common/config/app-config.js'));
  const dir = mkdtempSync(join(tmpdir(), 'planner-openapi-'));
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: `sqlite:${join(dir, 'openapi.db')}`,
      REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `openapi${process.pid}`,
      PUBLIC_URL: 'http://127.0.0.1:3000',
      PATH: process.env.PATH,
    });
    const app = await createHttpApp(config, { withWorker: false });
    try {
      await app.init();
      const fastify = app.getHttpAdapter().getInstance();
      await fastify.ready();
      const response = await fastify.inject({ method: 'GET', url: '/docs-json' });
      if (response.statusCode !== 200) throw new Error(`/docs-json answered ${response.statusCode}`);
      return JSON.parse(response.body);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
