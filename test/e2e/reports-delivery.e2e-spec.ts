import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { Clock } from '../../src/common/time/clock.js';
import { eachDay } from '../../src/common/time/local-date.js';
import { JobProducer } from '../../src/infra/queue/job-producer.js';
import { deliveryJobId } from '../../src/reports/delivery/weekly-run.service.js';
import { formatCount, formatMoney } from '../../src/reports/weekly-report/render/format-figures.js';
import { importActuals, syntheticYear } from '../factories/actuals.factory.js';
import { approvedEvent, createCampaign, createEvent, createVenue } from '../factories/planning.factory.js';
import {
  createSubscription,
  settled,
  waitForDeliveries,
  type DeliveryPageBody,
  type SubscriptionView,
} from '../factories/report.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { pngSize, unsubscribeUrl, visibleText } from '../support/mail-assertions.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const W14 = '2022-W14';
const MONDAY_W15 = '2022-04-11T01:00:00Z'; // Monday 11 April 2022, 09:00 in Shanghai
const MONDAY_W16 = '2022-04-18T01:00:00Z';

describe('weekly report delivery through a real SMTP server', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let viewer: TestUser;
  let organizer: TestUser;
  let readers: Record<'zh' | 'en' | 'subset' | 'gone' | 'flaky', SubscriptionView>;
  let visitorsTargetId: string;
  let ytdVisitors: number;
  let weekRevenue: number;
  const now = { at: MONDAY_W15 };

  const send = (week: string) => t.http.post('/api/v1/reports/weekly/send').set(admin.auth).send({ week });
  const one = (address: string) => {
    const got = sink.to(address);
    if (got.length !== 1) throw new Error(`${address} got ${got.length} messages`);
    return got[0].parse();
  };
  const byEmail = (page: DeliveryPageBody, email: string) => page.items.find((d) => d.recipient === email)!;

  beforeAll(async () => {
    await sink.start();
    sink.policy = (rcpt, stage, attempt) =>
      rcpt.startsWith('gone-') && stage === 'rcpt'
        ? { code: 550, message: '5.1.1 No such user here' }
        : rcpt.startsWith('flaky-') && stage === 'data' && attempt === 1
          ? { code: 451, message: '4.3.0 Try again later' }
          : null;
    t = await createTestApp({
      env: {
        SMTP_URL: sink.url,
        PUBLIC_URL: 'https://planner.example',
        MAIL_FROM: 'Reports <reports@planner.test>',
      },
    });
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now.at));
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    viewer = await createUser(t.app, 'viewer');
    organizer = await createUser(t.app, 'organizer');

    // 2021 complete, 2022 to 10 April; visitors lack 9 and 10 April (the weekend of week 14).
    await importActuals(t.app, [
      ...syntheticYear(2021, 'visitors'),
      ...syntheticYear(2021, 'revenue', { base: 1_000_000 }),
    ]);
    const visitors2022 = syntheticYear(2022, 'visitors', { base: 1_200 }).filter(
      (r) => r.date <= '2022-04-08',
    );
    const revenue2022 = syntheticYear(2022, 'revenue', { base: 1_300_000 }).filter(
      (r) => r.date <= '2022-04-10',
    );
    await importActuals(t.app, [...visitors2022, ...revenue2022]);
    ytdVisitors = visitors2022.reduce((s, r) => s + r.value, 0);
    weekRevenue = revenue2022.filter((r) => r.date >= '2022-04-04').reduce((s, r) => s + r.value, 0);
    const target = (metric: string, growthRate: number) =>
      t.http
        .post('/api/v1/targets')
        .set(planner.auth)
        .send({ year: 2022, metric, scope: 'city', baselineYear: 2021, growthRate })
        .expect(201);
    visitorsTargetId = (await target('visitors', 0.3)).body.id;
    await target('revenue', 0.34);

    // The planning calendar: a campaign running in week 14, an approved event near capacity in
    // week 16, and an event waiting for approval.
    const venue = await createVenue(t.http, admin, {
      nameZh: '天门山国家森林公园',
      nameEn: 'Tianmen Mountain',
      maxDailyCapacity: 10_000,
    });
    const campaign = await createCampaign(t.http, planner, {
      name: '高铁营销：长沙—张家界',
      startDate: '2022-04-01',
      endDate: '2022-04-30',
      expectedIncrementalVisitors: 30_000,
      expectedIncrementalRevenueYuan: 24_000_000,
    });
    await t.http.post(`/api/v1/campaigns/${campaign.id}/schedule`).set(planner.auth).expect(200);
    await t.http.post(`/api/v1/campaigns/${campaign.id}/activate`).set(planner.auth).expect(200);
    await approvedEvent(t.http, organizer, planner, venue.id, {
      titleZh: '天门山音乐节',
      titleEn: 'Tianmen music festival',
      startsAt: '2022-04-20T09:00',
      endsAt: '2022-04-20T22:00',
      expectedAttendance: 9_000,
    });
    const pending = await createEvent(t.http, organizer, venue.id, {
      titleZh: '武陵源山地自行车赛',
      titleEn: 'Wulingyuan mountain bike race',
      startsAt: '2022-04-23T08:00',
      endsAt: '2022-04-24T17:00',
      expectedAttendance: 6_000,
    });
    await t.http.post(`/api/v1/events/${pending.id}/submit`).set(organizer.auth).expect(200);

    readers = {
      zh: await createSubscription(t.http, planner, {
        email: 'wang@example.com',
        displayName: '王芳',
        language: 'zh-CN',
      }),
      en: await createSubscription(t.http, planner, {
        email: 'smith@example.com',
        displayName: 'Anna Smith',
        language: 'en',
      }),
      subset: await createSubscription(t.http, planner, {
        email: 'venue-desk@example.com',
        displayName: 'Visitors desk',
        language: 'en',
        targetIds: [visitorsTargetId],
      }),
      gone: await createSubscription(t.http, planner, { email: 'gone-reader@example.com', language: 'en' }),
      flaky: await createSubscription(t.http, planner, {
        email: 'flaky-reader@example.com',
        language: 'zh-CN',
      }),
    };
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  describe('a weekly run', () => {
    let page: DeliveryPageBody;

    beforeAll(async () => {
      await send(W14).expect(202);
      page = await waitForDeliveries(t.http, admin, W14, settled(5), 40_000);
    });

    it('delivers exactly one message to every reader, and records each delivery', () => {
      expect(Object.fromEntries(sink.countsByRecipient())).toEqual({
        'wang@example.com': 1,
        'smith@example.com': 1,
        'venue-desk@example.com': 1,
        'flaky-reader@example.com': 1,
      });
      expect(page.summary).toEqual({ pending: 0, sending: 0, sent: 4, failed: 1, skipped: 0 });
      for (const r of [readers.zh, readers.en, readers.subset]) {
        expect(byEmail(page, r.email)).toMatchObject({
          state: 'sent',
          attempts: 1,
          confirmed: true,
          lastError: null,
          messageId: `<${W14}.${r.id}@planner.test>`,
        });
      }
    });

    it('retries a temporary refusal (4xx) with backoff and then sends once', () => {
      expect(byEmail(page, readers.flaky.email)).toMatchObject({
        state: 'sent',
        attempts: 2,
        confirmed: true,
      });
      expect(sink.attemptsFor(readers.flaky.email, 'data')).toBe(2);
    });

    it('records a permanent refusal (5xx) and does not retry it', async () => {
      expect(byEmail(page, readers.gone.email)).toMatchObject({
        state: 'failed',
        permanent: true,
        attempts: 1,
      });
      expect(byEmail(page, readers.gone.email).lastError).toMatch(/550/);
      await new Promise((r) => setTimeout(r, 6_000)); // longer than the first backoff
      expect(sink.attemptsFor(readers.gone.email, 'rcpt')).toBe(1);
      const job = await t.app
        .get(JobProducer)
        .queue('reports')
        .getJob(deliveryJobId(byEmail(page, readers.gone.email).id));
      expect(await job?.getState()).toBe('failed');
      expect(job?.attemptsMade).toBe(1);
    });

    it('writes the Chinese report: subject, both parts with the same figures, missing days flagged', async () => {
      const mail = await one(readers.zh.email);
      expect(mail.subject).toBe('旅游复苏目标周报｜2022年第14周（2022年4月4日至4月10日）');
      expect(mail.messageId).toBe(`<${W14}.${readers.zh.id}@planner.test>`);
      expect(mail.from?.value).toEqual([{ name: 'Reports', address: 'reports@planner.test' }]);
      const html = visibleText(mail);
      for (const part of [mail.text!, html]) {
        expect(part).toContain('王芳，您好：');
        expect(part).toContain('旅游接待人次 · 全市 · 2022');
        expect(part).toContain('旅游总收入 · 全市 · 2022');
        expect(part).toContain(formatCount(ytdVisitors, 'zh-CN'));
        expect(part).toContain(formatMoney(weekRevenue, 'zh-CN'));
        expect(part).toContain('数据不完整');
        expect(part).toContain('4月9日 周六、4月10日 周日');
        // As of the week's end: computed for that date when no stored snapshot counts those days.
        expect(part).toContain('全年预测');
        expect(part).not.toContain('预测尚未计算');
        expect(part).toContain('高铁营销：长沙—张家界');
        expect(part).toContain('武陵源山地自行车赛');
        expect(part).toContain('天门山音乐节');
        expect(part).toContain('接近承载量');
      }
    });

    it('inlines one chart as a valid PNG referenced by cid:, and attaches the CSV', async () => {
      const mail = await one(readers.zh.email);
      const images = mail.attachments.filter((a) => a.contentType === 'image/png');
      expect(images).toHaveLength(1);
      const [chart] = images;
      expect(chart.contentDisposition).toBe('inline');
      expect(mail.html).toContain(`src="cid:${chart.contentId!.replace(/[<>]/g, '')}"`);
      expect(pngSize(chart.content)).toEqual({ width: 1200, height: expect.any(Number) });
      const csv = mail.attachments.find((a) => a.contentType.startsWith('text/csv'))!;
      expect(csv.filename).toBe(`旅游目标周报-${W14}.csv`);
      const rows = parse<Record<string, string>>(csv.content, { bom: true, columns: true });
      expect(rows.map((r) => r['指标'])).toEqual(['旅游接待人次', '旅游总收入']);
      expect(rows[0]).toMatchObject({
        周: W14,
        年初至今实际: String(ytdVisitors),
        缺失日期: '2022-04-09 2022-04-10',
        有数据天数: '5/7',
      });
    });

    it('carries the one-click unsubscribe headers and a link in the body', async () => {
      const mail = await one(readers.en.email);
      const url = unsubscribeUrl(mail);
      expect(url).toMatch(/^https:\/\/planner\.example\/api\/v1\/public\/unsubscribe\?token=/);
      // Raw header lines, unfolded.
      const header = (key: string) =>
        mail.headerLines.find((h) => h.key === key)?.line.replace(/\s*\r?\n\s+/g, ' ');
      expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${url}>`);
      expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect(mail.html).toContain(`href="${url.replace(/&/g, '&#38;')}"`);
      expect(mail.text).toContain(url);
    });

    it('writes the English report with grouped digits and ¥', async () => {
      const mail = await one(readers.en.email);
      expect(mail.subject).toBe('Weekly target report: week 14, 2022 (4–10 April 2022)');
      for (const part of [mail.text!, visibleText(mail)]) {
        expect(part).toContain('Dear Anna Smith,');
        expect(part).toContain(formatCount(ytdVisitors, 'en'));
        expect(part).toContain(formatMoney(weekRevenue, 'en'));
        expect(part).toMatch(/¥\d{1,3}(,\d{3})+/);
        expect(part).toContain('Incomplete data: 2 day(s)');
        expect(part).toContain('Sat 9 Apr, Sun 10 Apr');
        expect(part).toContain('Projected year-end');
        expect(part).not.toContain('Projection not computed yet');
        expect(part).not.toMatch(/[万亿]/);
      }
    });

    it('gives a reader only the targets they follow', async () => {
      const mail = await one(readers.subset.email);
      expect(mail.text).toContain('Tourist arrivals · City-wide · 2022');
      expect(mail.text).not.toContain('Tourism revenue · City-wide');
      const csv = mail.attachments.find((a) => a.contentType.startsWith('text/csv'))!;
      expect(parse(csv.content, { bom: true, columns: true })).toHaveLength(1);
    });
  });

  describe('a confirmed delivery is never sent again', () => {
    it('a run repeated sends nothing again', async () => {
      const before = sink.messages.length;
      const res = await send(W14).expect(202);
      await waitForJob(res.body.statusUrl);
      const page = await waitForDeliveries(t.http, admin, W14, settled(5));
      expect(sink.messages.length).toBe(before);
      expect(page.items.map((d) => d.attempts).sort()).toEqual([1, 1, 1, 1, 2]);
    });

    it('a delivery job retried sends nothing again', async () => {
      const before = sink.messages.length;
      const page = await waitForDeliveries(t.http, admin, W14, settled(5));
      const job = await t.app
        .get(JobProducer)
        .queue('reports')
        .getJob(deliveryJobId(byEmail(page, readers.en.email).id));
      expect(await job!.getState()).toBe('completed');
      await job!.retry('completed');
      for (let i = 0; i < 100 && (await job!.getState()) !== 'completed'; i++)
        await new Promise((r) => setTimeout(r, 50));
      const again = await t.app.get(JobProducer).queue('reports').getJob(job!.id!);
      expect(again?.returnvalue).toEqual({ outcome: 'already_done' });
      expect(sink.messages.length).toBe(before);
      expect(sink.to(readers.en.email)).toHaveLength(1);
    });

    async function waitForJob(url: string) {
      for (let i = 0; i < 200; i++) {
        const res = await t.http.get(url).set(admin.auth).expect(200);
        if (res.body.state === 'completed') return res.body;
        if (res.body.state === 'failed') throw new Error(`run failed: ${res.body.failedReason}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('run did not complete');
    }
  });

  describe('unsubscribing from the email', () => {
    it('stops that reader, and only that reader, from the next week on', async () => {
      const mail = await one(readers.zh.email);
      const url = new URL(unsubscribeUrl(mail));
      await t.http
        .post(`${url.pathname}${url.search}`)
        .type('form')
        .send('List-Unsubscribe=One-Click')
        .expect(200);
      now.at = MONDAY_W16;
      await send('2022-W15').expect(202);
      const page = await waitForDeliveries(t.http, admin, '2022-W15', settled(4), 40_000);
      expect(page.items.map((d) => d.recipient).sort()).toEqual([
        'flaky-reader@example.com',
        'gone-reader@example.com',
        'smith@example.com',
        'venue-desk@example.com',
      ]);
      expect(sink.to(readers.zh.email)).toHaveLength(1);
      expect(sink.to(readers.en.email)).toHaveLength(2);
      now.at = MONDAY_W15;
    });
  });

  describe('the API around it', () => {
    it('refuses to send a week that is not over (422) or does not exist (400)', async () => {
      const open = await send('2022-W15').expect(422);
      expect(open.body.code).toBe('week_not_over');
      await send('2021-W53').expect(400);
      await send('2022-15').expect(400);
      await t.http.post('/api/v1/reports/weekly/send').set(planner.auth).send({ week: W14 }).expect(403);
    });

    it('previews a week as text, HTML and data without sending anything', async () => {
      const before = sink.messages.length;
      // The preview reads the latest projection snapshot: wait until the worker has built it.
      let projection: { stale: boolean; snapshot: { asOf: string } | null } = { stale: true, snapshot: null };
      for (let i = 0; i < 200 && (projection.stale || !projection.snapshot); i++) {
        projection = (
          await t.http.get(`/api/v1/targets/${visitorsTargetId}/projection`).set(admin.auth).expect(200)
        ).body;
        if (projection.stale || !projection.snapshot) await new Promise((r) => setTimeout(r, 100));
      }
      expect(projection.snapshot).not.toBeNull();
      const text = await t.http
        .get(`/api/v1/reports/weekly?week=${W14}&lang=en&format=text`)
        .set(viewer.auth)
        .expect(200);
      expect(text.headers['content-type']).toMatch(/^text\/plain/);
      expect(text.text).toContain(formatCount(ytdVisitors, 'en'));
      const html = await t.http
        .get(`/api/v1/reports/weekly?week=${W14}&lang=zh-CN&format=html`)
        .set(planner.auth)
        .expect(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.text).toContain('src="data:image/png;base64,');
      const json = await t.http
        .get(`/api/v1/reports/weekly?week=${W14}&format=json`)
        .set(admin.auth)
        .expect(200);
      expect(json.body).toMatchObject({
        week: { key: W14, start: '2022-04-04', end: '2022-04-10' },
        missingActuals: [{ metric: 'visitors', scopeKey: 'city', dates: ['2022-04-09', '2022-04-10'] }],
        projectionAsOf: projection.snapshot!.asOf,
      });
      expect(json.body.caveats).not.toContainEqual(
        expect.objectContaining({ code: 'projection_not_computed' }),
      );
      expect(json.body.targets[0].projection).toMatchObject({
        median: expect.any(Number),
        status: expect.any(String),
      });
      expect(json.body.targets[0].yearToDate).toMatchObject({
        actual: ytdVisitors,
        daysWithActuals: 98,
        days: 100,
      });
      // A year without targets and without figures: the report says both.
      const empty = await t.http
        .get('/api/v1/reports/weekly?week=2020-W10&format=json')
        .set(viewer.auth)
        .expect(200);
      expect(empty.body).toMatchObject({ targets: [], caveats: [{ code: 'no_targets' }] });
      expect(
        empty.body.missingActuals.map((m: { metric: string; dates: string[] }) => [m.metric, m.dates.length]),
      ).toEqual([
        ['visitors', 7],
        ['revenue', 7],
      ]);
      await t.http.get(`/api/v1/reports/weekly?week=${W14}`).set(organizer.auth).expect(403);
      await t.http.get('/api/v1/reports/weekly?week=2022-W99').set(viewer.auth).expect(400);
      await t.http.get('/api/v1/reports/weekly?format=pdf').set(viewer.auth).expect(400);
      expect(sink.messages.length).toBe(before);
    });

    it('lists deliveries for planners and admins only', async () => {
      await t.http.get(`/api/v1/reports/deliveries?week=${W14}`).set(viewer.auth).expect(403);
      const failed = await t.http
        .get(`/api/v1/reports/deliveries?week=${W14}&state=failed`)
        .set(planner.auth)
        .expect(200);
      expect(failed.body).toMatchObject({
        total: 1,
        items: [{ recipient: readers.gone.email, permanent: true }],
      });
    });

    it('registers the weekly schedule with its cron and time zone', async () => {
      const scheduler = await t.app.get(JobProducer).queue('reports').getJobScheduler('weekly-report');
      expect(scheduler).toMatchObject({
        pattern: '0 9 * * 1',
        tz: 'Asia/Shanghai',
        name: 'reports.weekly-run',
      });
    });
  });
});

// Keeps eachDay referenced for readers of this file who extend the fixture by date ranges.
void eachDay;
