import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startPrivateRedis, type RunningRedis } from '../../src/infra/redis/embedded-redis.js';
import { createVenue } from '../factories/planning.factory.js';
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

/**
 * Issue 10, item 7: a Redis that is connected but does not answer (paused with SIGSTOP) must not
 * hang the API. Every request answers within 2 s: reads 200, writes that only mark projections
 * dirty 2xx (their rebuild is queued later by the sweep), writes that must queue a job 503
 * `queue_unavailable`, readiness 503; after SIGCONT everything is normal again.
 */
describe('when Redis stalls', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-stall-'));
  let redis: RunningRedis;
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let targetId: string;
  let paused = false;

  const within2s = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await call();
    const ms = Date.now() - started;
    if (ms >= 2_000) throw new Error(`${what} took ${ms} ms while Redis was stalled`);
    return result;
  };
  const pause = () => {
    process.kill(redis.pid!, 'SIGSTOP');
    paused = true;
  };
  const resume = () => {
    if (paused) process.kill(redis.pid!, 'SIGCONT');
    paused = false;
  };

  beforeAll(async () => {
    redis = await startPrivateRedis(dir, { persist: false });
    t = await createTestApp({ withWorker: false, env: { REDIS_URL: redis.url } });
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    await createVenue(t.http, admin);
    const target = await t.http
      .post('/api/v1/targets')
      .set(planner.auth)
      .send({
        year: 2022,
        metric: 'visitors',
        scope: 'city',
        baselineYear: 2021,
        growthRate: 0.3,
        targetTotal: 500_000,
      })
      .expect(201);
    targetId = target.body.id;
  });
  afterAll(async () => {
    resume();
    await t.close();
    await redis.stop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every request within 2 s while Redis is paused', async () => {
    pause();
    // Reads.
    for (const path of ['/api/v1/me', '/api/v1/events', '/api/v1/venues', `/api/v1/targets/${targetId}`]) {
      await within2s(`GET ${path}`, () => t.http.get(path).set(admin.auth).expect(200));
    }
    await within2s('GET /api/v1/public/events', () => t.http.get('/api/v1/public/events').expect(200));
    await within2s('GET /health', () => t.http.get('/health').expect(200));
    const ready = await within2s('GET /health/ready', () => t.http.get('/health/ready').expect(503));
    expect(ready.body.checks.redis.status).toBe('down');
    expect(ready.body.checks.database).toEqual({ status: 'up' });
    // A write whose rebuild is queued best effort: committed, answered, the target stays dirty.
    await within2s('PUT /api/v1/actuals', () =>
      t.http
        .put('/api/v1/actuals')
        .set(planner.auth)
        .send({ date: '2022-01-10', metric: 'visitors', value: 4_000, source: 'stall' })
        .expect(200),
    );
    await within2s('POST /api/v1/campaigns', () =>
      t.http
        .post('/api/v1/campaigns')
        .set(planner.auth)
        .send({
          name: 'Written while Redis stalls',
          channel: 'online',
          budgetYuan: 1_000,
          startDate: '2022-05-01',
          endDate: '2022-05-31',
          responsibleUnit: 'Bureau',
        })
        .expect(201),
    );
    // Writes that exist to queue a job: a clear 503.
    for (const [path, by, body] of [
      ['/api/v1/jobs/ping', admin, {}],
      [`/api/v1/targets/${targetId}/rebuild`, planner, {}],
      ['/api/v1/reports/weekly/send', admin, { week: '2022-W14' }],
    ] as const) {
      const res = await within2s(`POST ${path}`, () => t.http.post(path).set(by.auth).send(body));
      expect([path, res.status, res.body.code]).toEqual([path, 503, 'queue_unavailable']);
    }
    // Many requests at once: none waits on Redis.
    const started = Date.now();
    const many = await Promise.all(
      Array.from({ length: 20 }, () => t.http.get('/api/v1/events').set(admin.auth)),
    );
    expect(many.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('is back to normal once Redis resumes', async () => {
    resume();
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await t.http.get('/health/ready')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    await t.http.post('/api/v1/jobs/ping').set(admin.auth).expect(202);
    // The rate limiter counts in Redis again (after its retry interval).
    await new Promise((r) => setTimeout(r, 5_100));
    const res = await t.http.get('/api/v1/me').set(admin.auth).expect(200);
    expect(Number(res.headers['x-ratelimit-remaining'])).toBeGreaterThan(0);
  });
});
