import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createSubscription,
  waitForDeliveries,
  type DeliveryPageBody,
  type SubscriptionView,
} from '../factories/report.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { spawnNode, type Spawned } from '../support/spawn-process.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const READERS = 300;
const WEEK = '2022-W14';
/** Both workers are SIGKILLed once the sink holds this many messages. */
const KILL_AT = [40, 110, 180];

/**
 * Separate worker processes (the compiled `worker.js`): both workers are killed with SIGKILL three
 * times during a 300-reader weekly run, two fresh ones start each time. The guarantee is at least
 * once with a stable Message-ID: every reader gets the week; a reader whose message the server
 * accepted but whose worker died before recording it gets it again, with the same Message-ID
 * (mail stores drop that copy), and the delivery log shows both attempts.
 */
describe('both worker processes killed three times during a weekly run', () => {
  const sink = new SmtpSink({ keepRaw: false });
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
      MAIL_RATE_PER_SECOND: '40',
      PUBLIC_URL: 'https://planner.example',
    });
    workers.push(worker);
    return worker;
  };
  const startPair = async () => {
    const pair = [startWorker(), startWorker()];
    await Promise.all(pair.map((w) => w.waitFor(/is taking jobs/, 30_000)));
    return pair;
  };

  /** The whole delivery log of the week, page by page. */
  async function allDeliveries(): Promise<DeliveryPageBody['items']> {
    const items: DeliveryPageBody['items'] = [];
    for (let offset = 0; ; offset += 200) {
      const res = await api.http
        .get(`/api/v1/reports/deliveries?week=${WEEK}&limit=200&offset=${offset}`)
        .set(admin.auth)
        .expect(200);
      const page = res.body as DeliveryPageBody;
      items.push(...page.items);
      if (items.length >= page.total || !page.items.length) return items;
    }
  }

  beforeAll(async () => {
    await sink.start();
    // The server takes its time to accept each message: a kill lands inside SMTP transactions,
    // some of them after the whole message was handed over (and kept by the server).
    sink.dataDelayMs = 150;
    api = await createTestApp({ withWorker: false, env: { SMTP_URL: sink.url } });
    admin = await createUser(api.app, 'admin');
    readers = [];
    for (let i = 0; i < READERS; i += 10) {
      readers.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(10, READERS - i) }, (_, k) =>
            createSubscription(api.http, admin, {
              email: `crash-${i + k}@example.com`,
              language: (i + k) % 2 ? 'en' : 'zh-CN',
            }),
          ),
        )),
      );
    }
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) await w.stop('SIGKILL');
    await api.close();
    await sink.stop();
  });

  it('every reader gets the week; a second message carries the same Message-ID and both attempts are logged', async () => {
    const started = Date.now();
    let pair = await startPair();
    await api.http.post('/api/v1/reports/weekly/send').set(admin.auth).send({ week: WEEK }).expect(202);
    for (const count of KILL_AT) {
      await sink.waitFor(count, 60_000);
      for (const w of pair) expect(await w.stop('SIGKILL')).toBeNull();
      expect(sink.messages.length).toBeLessThan(READERS);
      pair = await startPair();
    }

    const summary = await waitForDeliveries(
      api.http,
      admin,
      WEEK,
      (p) => p.total === READERS && p.summary.sent === READERS,
      90_000,
    );
    expect(summary.summary).toEqual({ pending: 0, sending: 0, sent: READERS, failed: 0, skipped: 0 });
    const log = await allDeliveries();
    expect(log).toHaveLength(READERS);
    const bySubscription = new Map(log.map((d) => [d.subscriptionId, d]));

    // Every reader got the week, each message with the Message-ID of its row.
    const missing: string[] = [];
    const duplicated: Array<{
      email: string;
      ids: Array<string | null>;
      attempts: number;
      note: string | null;
    }> = [];
    for (const r of readers) {
      const row = bySubscription.get(r.id)!;
      expect(row).toMatchObject({ state: 'sent', confirmed: true, recipient: r.email });
      expect(row.messageId).toMatch(new RegExp(`^<${WEEK}\\.${r.id}@`));
      const got = sink.to(r.email);
      if (!got.length) missing.push(r.email);
      for (const m of got) expect(m.messageId).toBe(row.messageId);
      if (got.length > 1)
        duplicated.push({
          email: r.email,
          ids: got.map((m) => m.messageId),
          attempts: row.attempts,
          note: row.lastError,
        });
    }
    expect(missing).toEqual([]);
    // A second message comes only from a later attempt, and the log says so.
    for (const d of duplicated) {
      expect(d.ids.length).toBeLessThanOrEqual(d.attempts);
      expect(d.note).toMatch(/same Message-ID/);
    }
    const retried = log.filter((d) => d.attempts > 1);
    console.log(
      `${READERS} readers, 3 × 2 workers killed: ${sink.messages.length} messages, ` +
        `${duplicated.length} readers got a second copy (same Message-ID), ${retried.length} deliveries took more than one attempt, ` +
        `${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(sink.messages.length).toBe(READERS + duplicated.reduce((n, d) => n + d.ids.length - 1, 0));
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(READERS);
  }, 240_000);
});
