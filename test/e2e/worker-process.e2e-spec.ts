import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { spawnNode, type Spawned } from '../support/spawn-process.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

async function waitForState(t: TestApp, admin: TestUser, url: string, state: string) {
  let body: { state: string; result?: { pid: number } } = { state: '' };
  for (let i = 0; i < 200 && body.state !== state; i++) {
    body = (await t.http.get(url).set(admin.auth).expect(200)).body;
    if (body.state !== state) await new Promise((r) => setTimeout(r, 50));
  }
  return body;
}

/** The API process only adds jobs; a separate worker process (the compiled `worker.js`) runs them. */
describe('API and worker as separate processes', () => {
  let api: TestApp;
  let admin: TestUser;
  let worker: Spawned;

  beforeAll(async () => {
    api = await createTestApp({ withWorker: false });
    admin = await createUser(api.app, 'admin');
  });
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api.close();
  });

  it('leaves jobs waiting while no worker runs, and a worker process then takes them', async () => {
    const queued = await api.http.post('/api/v1/jobs/ping').set(admin.auth).expect(202);
    await new Promise((r) => setTimeout(r, 300));
    expect((await api.http.get(queued.body.statusUrl).set(admin.auth)).body.state).toBe('waiting');

    worker = spawnNode('dist/src/worker.js', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: api.db.url,
      REDIS_URL: api.config.redis.url ?? undefined,
      REDIS_PREFIX: api.config.redis.prefix,
    });
    await worker.waitFor(/is taking jobs/);
    const done = await waitForState(api, admin, queued.body.statusUrl, 'completed');
    expect(done.result?.pid).toBe(worker.child.pid);
    expect(done.result?.pid).not.toBe(process.pid);
  });

  it('stops gracefully on SIGTERM', async () => {
    expect(await worker.stop('SIGTERM')).toBe(0);
  });
});
