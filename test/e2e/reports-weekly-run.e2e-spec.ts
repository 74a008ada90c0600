import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UnrecoverableError, Worker } from 'bullmq';
import { Clock } from '../../src/common/time/clock.js';
import { JobProducer } from '../../src/infra/queue/job-producer.js';
import { DeliveryOutbox } from '../../src/reports/delivery/delivery-outbox.js';
import { EditionStore } from '../../src/reports/delivery/edition-store.js';
import { ReportDelivery } from '../../src/reports/delivery/report-delivery.entity.js';
import { ReportEdition } from '../../src/reports/delivery/report-edition.entity.js';
import { WeeklyRunService } from '../../src/reports/delivery/weekly-run.service.js';
import { parseWeekKey } from '../../src/reports/report-week.js';
import { ReportSubscription } from '../../src/reports/subscriptions/report-subscription.entity.js';
import { WeeklyReportDataSource } from '../../src/reports/weekly-report/weekly-report-data.source.js';
import { createSubscription } from '../factories/report.factory.js';
import { createUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const READERS = 40;
const WEEK = parseWeekKey('2022-W14')!;

/**
 * A weekly run gives every unfinished row its job and starts again the jobs that finished while
 * their rows still wait. It reads those jobs' states in one Redis command per batch, not two per
 * reader (a run to 10,000 readers made 20,000 round trips).
 */
describe('weekly run: restarting finished jobs of unfinished rows', () => {
  let t: TestApp;
  let run: WeeklyRunService;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    const admin = await createUser(t.app, 'admin');
    for (let i = 0; i < READERS; i++) await createSubscription(t.http, admin);
    const deliveries = t.dataSource.getRepository(ReportDelivery);
    run = new WeeklyRunService(
      new DeliveryOutbox(deliveries, t.dataSource.getRepository(ReportSubscription), t.app.get(Clock)),
      new EditionStore(t.dataSource.getRepository(ReportEdition)),
      t.app.get(WeeklyReportDataSource),
      t.app.get(JobProducer),
      t.app.get(Clock),
      t.config,
    );
  });
  afterAll(() => t.close());

  it('restarts the failed and completed jobs of retryable rows, in a number of Redis commands that does not grow with readers', async () => {
    expect(await run.run(WEEK)).toMatchObject({ created: READERS, queued: READERS, retried: 0 });
    const queue = t.app.get(JobProducer).queue('reports');
    // A worker (this test's, processing by hand) fails three jobs for good and completes two.
    const worker = new Worker('reports', null, {
      connection: queue.opts.connection,
      prefix: queue.opts.prefix,
      autorun: false,
    });
    const token = randomUUID();
    const finished: Array<{ id: string; state: 'failed' | 'completed' }> = [];
    for (let i = 0; i < 5; i++) {
      const job = await worker.getNextJob(token);
      if (i < 3) await job.moveToFailed(new UnrecoverableError('staged'), token, false);
      else await job.moveToCompleted('staged', token, false);
      finished.push({ id: job.id!, state: i < 3 ? 'failed' : 'completed' });
    }
    await worker.close();
    for (const { id, state } of finished) expect(await queue.getJobState(id)).toBe(state);
    // Every row is left failed but retryable, as a mail outage leaves them.
    await t.dataSource.getRepository(ReportDelivery).update({ week: WEEK.key }, { state: 'failed' });

    // Count the commands the queue's connection sends (ioredis sends each one, pipelined or not,
    // through sendCommand). BullMQ's client is a proxy that writes through to the ioredis instance.
    const client = (await queue.backend.client) as unknown as Record<string, unknown>;
    const send = client.sendCommand as (...args: unknown[]) => unknown;
    let sent = 0;
    client.sendCommand = (...args: unknown[]) => {
      sent++;
      return send(...args);
    };
    const result = await run.run(WEEK).finally(() => delete client.sendCommand);

    expect(result).toMatchObject({ created: 0, queued: READERS, retried: 5 });
    for (const { id } of finished) expect(await queue.getJobState(id)).toBe('waiting');
    // Adding the jobs again costs one command each (BullMQ keeps the existing ones); reading the
    // states of all forty must not cost another two each.
    expect(sent).toBeLessThan(READERS * 2);
  });
});
