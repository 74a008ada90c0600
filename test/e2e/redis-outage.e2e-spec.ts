import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startPrivateRedis, type RunningRedis } from '../../src/infra/redis/embedded-redis.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Readiness and producers while the Redis the app uses goes away and comes back. */
describe('when Redis goes down', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-outage-'));
  let redis: RunningRedis;
  let port: number;
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    redis = await startPrivateRedis(dir, { persist: false });
    port = Number(new URL(redis.url).port);
    t = await createTestApp({ withWorker: false, env: { REDIS_URL: redis.url } });
    admin = await createUser(t.app, 'admin');
  });
  afterAll(async () => {
    await t.close();
    await redis.stop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is ready while Redis answers', async () => {
    await t.http.get('/health/ready').expect(200);
  });

  it('turns readiness to 503 naming Redis, and producers fail fast with 503', async () => {
    await redis.stop?.();
    const ready = await t.http.get('/health/ready').expect(503);
    expect(ready.body.status).toBe('unavailable');
    expect(ready.body.checks.database).toEqual({ status: 'up' });
    expect(ready.body.checks.redis.status).toBe('down');
    const started = Date.now();
    const res = await t.http.post('/api/v1/jobs/ping').set(admin.auth).expect(503);
    expect(res.body.code).toBe('queue_unavailable');
    expect(Date.now() - started).toBeLessThan(3_500);
    // Routes that need no queue keep working (rate limiting fails open).
    await t.http.get('/api/v1/me').set(admin.auth).expect(200);
  });

  it('returns to 200 when Redis is back', async () => {
    redis = await startPrivateRedis(dir, { persist: false, port });
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await t.http.get('/health/ready')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    await t.http.post('/api/v1/jobs/ping').set(admin.auth).expect(202);
  });
});
