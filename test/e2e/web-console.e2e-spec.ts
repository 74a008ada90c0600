import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import request from 'supertest';
import {
  CONSOLE_CSP,
  IMMUTABLE,
  defaultConsoleRoot,
  registerWebConsole,
} from '../../src/infra/http/web-console.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The console as the planner serves it: the build `npm test`'s pre-script made in dist/web. */
describe('the web console served at /', () => {
  let t: TestApp;
  const index = readFileSync(join(defaultConsoleRoot(), 'index.html'), 'utf8');
  const script = index.match(/src="(\/assets\/[^"]+\.js)"/)?.[1] ?? '';

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
  });
  afterAll(async () => t.close());

  it('answers / with index.html, never cached, under the console’s own CSP', async () => {
    const res = await t.http.get('/').set('Accept', 'text/html').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect(res.text).toContain('<div id="root"></div>');
    // A first look from a terminal (curl sends Accept: */*) finds the console too.
    const curl = await t.http.get('/').set('Accept', '*/*').expect(200);
    expect(curl.text).toContain('<div id="root"></div>');
  });

  it('falls back to index.html for client routes such as /events/42 and /invite/<token>', async () => {
    for (const path of ['/events/42', '/invite/abc.def', '/calendar?view=week']) {
      const res = await t.http.get(path).set('Accept', 'text/html,application/xhtml+xml').expect(200);
      expect(res.text).toBe(index);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('leaves the API, docs, health and unknown non-HTML requests to the server', async () => {
    const api = await t.http.get('/api/v1/nothing-here').set('Accept', 'text/html').expect(404);
    expect(api.body.code).toBeDefined();
    expect(api.headers['content-type']).toMatch(/json/);
    await t.http.get('/health').set('Accept', 'text/html').expect(200);
    const docs = await t.http.get('/docs').set('Accept', 'text/html').expect(200);
    expect(docs.text).toContain('swagger');
    expect(docs.headers['content-security-policy']).not.toBe(CONSOLE_CSP);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // The API's answers carry the API's header set (security-headers.ts), the pages theirs.
    expect(api.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(api.headers['x-frame-options']).toBe('DENY');
    expect(api.headers['x-xss-protection']).toBeUndefined();
    expect(docs.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(api.headers['x-request-id']).toBeDefined();
    await t.http.get('/public/anything').set('Accept', 'text/html').expect(404);
    await t.http.get('/events/42').set('Accept', 'application/json').expect(404);
    await t.http.post('/events/42').set('Accept', 'text/html').expect(404);
  });

  it('serves hashed assets as immutable, precompressed when the client accepts it', async () => {
    expect(script).toMatch(/^\/assets\/.+-[\w-]{8}\.js$/);
    const res = await t.http.get(script).set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['content-encoding']).toBe('gzip');
    const plain = await t.http.get(script).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    await t.http.get('/assets/missing-12345678.js').expect(404);
  });

  it('says clearly, with a 503 and not a 500, when the console was not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'planner-no-console-'));
    const fastify = Fastify();
    try {
      await registerWebConsole(fastify, empty);
      const res = await request(await fastify.ready().then(() => fastify.server))
        .get('/')
        .set('Accept', 'text/html');
      expect(res.status).toBe(503);
      expect(res.text).toContain('npm run build');
    } finally {
      await fastify.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
