import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Job } from 'bullmq';
import type { Repository } from 'typeorm';
import { Clock } from '../../src/common/time/clock.js';
import { JobProducer } from '../../src/infra/queue/job-producer.js';
import { MailSendError } from '../../src/infra/mail/mail-errors.js';
import { Mailer } from '../../src/infra/mail/mailer.js';
import type { MailReceipt, OutgoingMail, SendControl } from '../../src/infra/mail/outgoing-mail.js';
import { SmtpMailer } from '../../src/infra/mail/smtp-mailer.js';
import { DeliveryOutbox } from '../../src/reports/delivery/delivery-outbox.js';
import { EditionStore } from '../../src/reports/delivery/edition-store.js';
import { ReportDelivery } from '../../src/reports/delivery/report-delivery.entity.js';
import { ReportEdition } from '../../src/reports/delivery/report-edition.entity.js';
import { ReportDeliveryService } from '../../src/reports/delivery/report-delivery.service.js';
import { deliveryJobId, WeeklyRunService } from '../../src/reports/delivery/weekly-run.service.js';
import { parseWeekKey } from '../../src/reports/report-week.js';
import { WeeklyReportDataSource } from '../../src/reports/weekly-report/weekly-report-data.source.js';
import { ReportSubscription } from '../../src/reports/subscriptions/report-subscription.entity.js';
import type { CreateReportSubscriptionDto } from '../../src/reports/subscriptions/dto/create-report-subscription.dto.js';
import { ReportSubscriptionsService } from '../../src/reports/subscriptions/report-subscriptions.service.js';
import { UnsubscribeService } from '../../src/reports/subscriptions/unsubscribe.service.js';
import { WeeklyReportRenderer } from '../../src/reports/weekly-report/weekly-report.renderer.js';
import { subscriptionBody } from '../factories/report.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { sampleReportData } from '../factories/weekly-report-data.factory.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { asAuthUser, createTestContext, type TestContext } from '../support/test-context.js';

const WEEK = '2022-W14';

/** A mailer around another one, to stage what happens around the point of no return. */
class StagedMailer extends Mailer {
  readonly kind = 'smtp' as const;
  constructor(
    private readonly inner: Mailer,
    private readonly stage: (control: SendControl) => SendControl,
  ) {
    super();
  }
  send(mail: OutgoingMail, control: SendControl = {}): Promise<MailReceipt> {
    return this.inner.send(mail, this.stage(control));
  }
  async close(): Promise<void> {}
}

/**
 * The outbox's interleavings, service to service (no HTTP) on the real database and a real SMTP
 * server: what a second attempt
 * does while a first one is frozen, has died after handing the message over, or lost the answer:
 * a confirmed row is never sent again, an unconfirmed one is sent again with its Message-ID.
 */
describe('delivery outbox: at least once per row, always with the same Message-ID, whatever the attempts do', () => {
  const sink = new SmtpSink();
  let t: TestContext;
  let admin: TestUser;
  let smtp: SmtpMailer;
  let outbox: DeliveryOutbox;
  let deliveries: Repository<ReportDelivery>;
  const service = (mailer: Mailer) =>
    new ReportDeliveryService(
      outbox,
      new EditionStore(t.dataSource.getRepository(ReportEdition)),
      t.app.get(WeeklyReportRenderer),
      t.app.get(UnsubscribeService),
      mailer,
      t.dataSource.getRepository(ReportSubscription),
    );

  /** Subscribes a reader, as an admin would. */
  const subscribe = (overrides: Record<string, unknown> = {}) =>
    t.app
      .get(ReportSubscriptionsService)
      .create(subscriptionBody(overrides) as CreateReportSubscriptionDto, asAuthUser(admin));

  /** A fresh reader with a pending row for the week; returns the row. */
  async function pendingRow(): Promise<ReportDelivery> {
    const s = await subscribe({ language: 'en' });
    await outbox.createForWeek(WEEK, (sid) => `<${WEEK}.${sid}@planner.test>`);
    return deliveries.findOneByOrFail({ subscriptionId: s.id, week: WEEK });
  }

  beforeAll(async () => {
    await sink.start();
    t = await createTestContext();
    admin = await createUser(t.app, 'admin');
    smtp = new SmtpMailer({ smtpUrl: sink.url, from: 'Reports <reports@planner.test>', ratePerSecond: 1000 });
    deliveries = t.dataSource.getRepository(ReportDelivery);
    outbox = new DeliveryOutbox(deliveries, t.dataSource.getRepository(ReportSubscription), t.app.get(Clock));
    await new EditionStore(t.dataSource.getRepository(ReportEdition)).ensure(WEEK, async () =>
      sampleReportData(),
    );
  });
  beforeEach(async () => {
    // Only the new row of each test is open: earlier readers are done.
    await deliveries.update({ week: WEEK, state: 'pending' }, { state: 'skipped' });
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
    await sink.stop();
  });

  it('a frozen attempt that lost its claim abandons its transaction: one message', async () => {
    const row = await pendingRow();
    let release!: () => void;
    const frozen = new Promise<void>((r) => (release = r));
    let reachedGate!: () => void;
    const atGate = new Promise<void>((r) => (reachedGate = r));
    const first = service(
      new StagedMailer(smtp, (control) => ({
        beforeCommit: async () => {
          reachedGate();
          await frozen; // the worker stalls here, with the whole message on the wire
          return control.beforeCommit!();
        },
      })),
    ).deliver(row.id);
    await atGate;
    // BullMQ hands the stalled job to another worker: it takes the row over and sends.
    expect(await service(smtp).deliver(row.id)).toBe('sent');
    release();
    expect(await first).toBe('handled_elsewhere');
    await new Promise((r) => setTimeout(r, 200)); // the abandoned transaction had time to arrive, if it could
    const after = await deliveries.findOneByOrFail({ id: row.id });
    expect(after).toMatchObject({ state: 'sent', attempts: 2, confirmed: true });
    expect(sink.to(after.recipient!)).toHaveLength(1);
  });

  it('an attempt that handed the message over and died is retried after its lease with the same Message-ID', async () => {
    const row = await pendingRow();
    // What a worker killed between the end of DATA and recording the answer leaves behind; the
    // job runs again only once BullMQ saw its lock expire.
    const handedOverAt = new Date();
    await deliveries.update(row.id, {
      state: 'sending',
      claimToken: '00000000-0000-4000-8000-000000000001',
      claimedAt: handedOverAt,
      handedOverAt,
      attempts: 1,
    });
    expect(await service(smtp).deliver(row.id)).toBe('sent');
    const after = await deliveries.findOneByOrFail({ id: row.id });
    expect(after).toMatchObject({ state: 'sent', confirmed: true, attempts: 2, messageId: row.messageId });
    expect(after.lastError).toMatch(
      /^Attempt 2 sent the message again with the same Message-ID: attempt 1 handed it/,
    );
    const got = sink.to(after.recipient!);
    expect(got.map((m) => m.messageId)).toEqual([row.messageId]);
    expect(await service(smtp).deliver(row.id)).toBe('already_done');
  });

  it('a row an earlier version left sent but unconfirmed is sent again with the same Message-ID', async () => {
    const row = await pendingRow();
    await deliveries.update(row.id, { state: 'sent', confirmed: false, attempts: 1, sentAt: new Date() });
    expect((await outbox.open(WEEK)).map((d) => d.id)).toContain(row.id);
    expect(await service(smtp).deliver(row.id)).toBe('sent');
    const after = await deliveries.findOneByOrFail({ id: row.id });
    expect(after).toMatchObject({ state: 'sent', confirmed: true, attempts: 2 });
    expect(sink.to(after.recipient!).map((m) => m.messageId)).toEqual([row.messageId]);
  });

  it('an attempt that died before handing over is taken over and sent once', async () => {
    const row = await pendingRow();
    await deliveries.update(row.id, {
      state: 'sending',
      claimToken: '00000000-0000-4000-8000-000000000002',
      claimedAt: new Date(),
      attempts: 1,
    });
    expect(await service(smtp).deliver(row.id)).toBe('sent');
    const after = await deliveries.findOneByOrFail({ id: row.id });
    expect(after).toMatchObject({ state: 'sent', confirmed: true, attempts: 2 });
    expect(sink.to(after.recipient!)).toHaveLength(1);
  });

  it('no answer after the hand-over is a retryable failure, and the retry keeps the Message-ID', async () => {
    const row = await pendingRow();
    const silent = new StagedMailer(smtp, () => ({}));
    const seen: string[] = [];
    silent.send = async (mail, control = {}) => {
      seen.push(mail.messageId);
      await control.beforeCommit!();
      throw new MailSendError('ETIMEDOUT: no answer after DATA', false, null, true, 'ETIMEDOUT');
    };
    await expect(service(silent).deliver(row.id)).rejects.toMatchObject({ permanent: false });
    const failed = await deliveries.findOneByOrFail({ id: row.id });
    expect(failed).toMatchObject({ state: 'failed', permanent: false, attempts: 1 });
    expect(failed.lastError).toMatch(
      /gave no answer: it is sent again after the backoff, with the same Message-ID/,
    );
    expect(await service(smtp).deliver(row.id)).toBe('sent');
    expect(await deliveries.findOneByOrFail({ id: row.id })).toMatchObject({
      state: 'sent',
      confirmed: true,
      attempts: 2,
      lastError: expect.stringMatching(/^Attempt 2 sent the message again with the same Message-ID/),
    });
    expect([...seen, ...sink.to(failed.recipient!).map((m) => m.messageId)]).toEqual([
      row.messageId,
      row.messageId,
    ]);
  });

  it('a failure before the hand-over leaves the row claimable, and the next attempt sends', async () => {
    const row = await pendingRow();
    const broken = new StagedMailer(smtp, () => ({}));
    broken.send = async () => {
      throw new MailSendError('ECONNECTION: connection refused', false, null, false, 'ECONNECTION');
    };
    await expect(service(broken).deliver(row.id)).rejects.toMatchObject({ permanent: false });
    expect(await deliveries.findOneByOrFail({ id: row.id })).toMatchObject({
      state: 'failed',
      permanent: false,
      attempts: 1,
    });
    expect(await service(smtp).deliver(row.id)).toBe('sent');
    expect(await deliveries.findOneByOrFail({ id: row.id })).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('creates one row per reader and week, however often and concurrently a run does it', async () => {
    const s = await subscribe();
    const make = () => outbox.createForWeek('2022-W20', (sid) => `<2022-W20.${sid}@planner.test>`);
    await Promise.all([make(), make(), make()]);
    expect(await deliveries.countBy({ week: '2022-W20', subscriptionId: s.id })).toBe(1);
    expect(await make()).toBe(0);
  });

  it('a weekly run, run twice, creates each reader’s row and delivery job once', async () => {
    const week = parseWeekKey('2022-W22')!;
    const editions = new EditionStore(t.dataSource.getRepository(ReportEdition));
    await editions.ensure(week.key, async () => sampleReportData());
    const runs = new WeeklyRunService(
      outbox,
      editions,
      t.app.get(WeeklyReportDataSource),
      t.app.get(JobProducer),
      t.app.get(Clock),
      t.config,
    );
    const queue = t.app.get(JobProducer).queue('reports');
    const readers = await t.dataSource.getRepository(ReportSubscription).countBy({ active: true });
    const first = await runs.run(week);
    expect(first).toEqual({ week: week.key, created: readers, queued: readers, retried: 0 });
    const rows = await deliveries.findBy({ week: week.key });
    expect(rows).toHaveLength(readers);
    const jobs = await Promise.all(rows.map((r) => queue.getJob(deliveryJobId(r.id))));
    expect(jobs.map((j) => j?.data)).toEqual(rows.map((r) => ({ deliveryId: r.id })));
    expect(jobs.every((j) => j?.name === 'reports.deliver' && j.opts.attempts === 60)).toBe(true);
    const waiting = await queue.getWaitingCount();

    expect(await runs.run(week)).toEqual({ week: week.key, created: 0, queued: readers, retried: 0 });
    expect(await deliveries.countBy({ week: week.key })).toBe(readers);
    expect(await queue.getWaitingCount()).toBe(waiting);
  });

  it('takes the week of a scheduled run from its fire time, in the report time zone', () => {
    const runs = Object.create(WeeklyRunService.prototype) as WeeklyRunService;
    Object.assign(runs, { config: t.config });
    const job = (data: { week?: string }, prevMillis?: number) =>
      ({ data, opts: { prevMillis }, timestamp: Date.parse('2022-04-04T00:00:00Z') }) as unknown as Job<{
        week?: string;
      }>;
    expect(runs.weekOf(job({}, Date.parse('2022-04-11T01:00:00Z'))).key).toBe('2022-W14');
    expect(runs.weekOf(job({})).key).toBe('2022-W13');
    expect(runs.weekOf(job({ week: '2021-W52' })).key).toBe('2021-W52');
    expect(() => runs.weekOf(job({ week: '2021-W53' }))).toThrow(/Not an ISO week/);
  });
});
