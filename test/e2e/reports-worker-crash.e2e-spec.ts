import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createSubscription,
  settled,
  waitForDeliveries,
  type SubscriptionView,
} from '../factories/report.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { spawnNode, type Spawned } from '../support/spawn-process.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const READERS = 30;
const WEEK = '2022-W14';

/**
 * Separate worker processes (the compiled `worker.js`): one is killed with SIGKILL in the middle
 * of a weekly run, another starts, and every reader still gets exactly one message.
 */
describe('a worker process killed during a weekly run', () => {
  const sink = new SmtpSink();
  let api: TestApp;
  let admin: TestUser;
  let readers: SubscriptionView[];
  const workers: Spawned[] = [];

  const startWorker = () => {
    const worker = spawnNode('dist/src/worker.js', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: api.db.url,
      REDIS_URL: api.config.redis.url ?? undefined,
      REDIS_PREFIX: api.config.redis.prefix,
      SMTP_URL: sink.url,
      MAIL_RATE_PER_SECOND: '10',
      PUBLIC_URL: 'https://planner.example',
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    await sink.start();
    // The server takes its time to accept each message: a kill lands inside SMTP transactions,
    // some of them after the whole message was handed over.
    sink.dataDelayMs = 150;
    api = await createTestApp({ withWorker: false, env: { SMTP_URL: sink.url } });
    admin = await createUser(api.app, 'admin');
    readers = [];
    for (let i = 0; i < READERS; i++) {
      readers.push(
        await createSubscription(api.http, admin, {
          email: `crash-${i}@example.com`,
          language: i % 2 ? 'en' : 'zh-CN',
        }),
      );
    }
  });
  afterAll(async () => {
    for (const w of workers) await w.stop('SIGKILL');
    await api.close();
    await sink.stop();
  });

  it('still delivers exactly one message to every reader', async () => {
    const first = startWorker();
    await first.waitFor(/is taking jobs/, 30_000);
    await api.http.post('/api/v1/reports/weekly/send').set(admin.auth).send({ week: WEEK }).expect(202);
    await sink.waitFor(8, 60_000);
    expect(await first.stop('SIGKILL')).toBeNull();
    const delivered = sink.messages.length;
    expect(delivered).toBeLessThan(READERS);

    await startWorker().waitFor(/is taking jobs/, 30_000);
    const page = await waitForDeliveries(api.http, admin, WEEK, settled(READERS), 100_000);
    expect(page.summary).toEqual({ pending: 0, sending: 0, sent: READERS, failed: 0, skipped: 0 });
    const counts = sink.countsByRecipient();
    expect(
      readers.filter((r) => counts.get(r.email) !== 1).map((r) => [r.email, counts.get(r.email) ?? 0]),
    ).toEqual([]);
    expect(sink.messages).toHaveLength(READERS);
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(READERS);
    // Deliveries whose hand-over the killed worker could not record are marked, not resent.
    for (const d of page.items.filter((i) => i.confirmed === false)) {
      expect(d.lastError).toMatch(/assumed delivered/);
      expect(sink.to(d.recipient!)).toHaveLength(1);
    }
  }, 180_000);
});
