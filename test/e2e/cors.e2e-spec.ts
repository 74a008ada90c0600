import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('CORS over HTTP', () => {
  describe('any origin (CORS_ORIGINS=*)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { CORS_ORIGINS: '*' } });
    });
    afterAll(() => t.close());

    it('lets any origin read answers and the headers scripts need, without credentials', async () => {
      const res = await t.http.get('/health').set('Origin', 'https://elsewhere.example').expect(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-expose-headers']).toBe('x-request-id, retry-after, etag');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      // Errors carry them too, so a script can read why it was refused.
      const refused = await t.http.get('/api/v1/me').set('Origin', 'https://elsewhere.example').expect(401);
      expect(refused.headers['access-control-allow-origin']).toBe('*');
    });

    it('answers a preflight for every method the API has, before authentication', async () => {
      const res = await t.http
        .options('/api/v1/events/some-id')
        .set('Origin', 'https://elsewhere.example')
        .set('Access-Control-Request-Method', 'PATCH')
        .set('Access-Control-Request-Headers', 'authorization,content-type')
        .expect(204);
      expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
      expect(res.headers['access-control-allow-headers']).toBe('authorization,content-type');
    });
  });

  describe('listed origins', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { CORS_ORIGINS: 'https://a.example, https://b.example' } });
    });
    afterAll(() => t.close());

    it('names a listed origin and varies on it; another origin gets no CORS header', async () => {
      const listed = await t.http.get('/health').set('Origin', 'https://b.example').expect(200);
      expect(listed.headers['access-control-allow-origin']).toBe('https://b.example');
      expect(listed.headers.vary).toMatch(/origin/i);
      const other = await t.http.get('/health').set('Origin', 'https://c.example').expect(200);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('no origin (CORS_ORIGINS empty, the production default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { CORS_ORIGINS: '' } });
    });
    afterAll(() => t.close());

    it('sends no CORS header and answers no preflight', async () => {
      const res = await t.http.get('/health').set('Origin', 'https://elsewhere.example').expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      await t.http
        .options('/api/v1/me')
        .set('Origin', 'https://elsewhere.example')
        .set('Access-Control-Request-Method', 'GET')
        .expect(404);
    });
  });
});
