import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../../src/common/time/clock.js';
import type { Mailer } from '../../src/infra/mail/mailer.js';
import { DeliveryOutbox } from '../../src/reports/delivery/delivery-outbox.js';
import { EditionStore } from '../../src/reports/delivery/edition-store.js';
import { ReportDelivery } from '../../src/reports/delivery/report-delivery.entity.js';
import { ReportDeliveryService } from '../../src/reports/delivery/report-delivery.service.js';
import { ReportEdition } from '../../src/reports/delivery/report-edition.entity.js';
import { ReportSubscription } from '../../src/reports/subscriptions/report-subscription.entity.js';
import { WeeklyReportRenderer } from '../../src/reports/weekly-report/weekly-report.renderer.js';
import { signUnsubscribeToken } from '../../src/reports/subscriptions/unsubscribe-token.js';
import { UnsubscribeService } from '../../src/reports/subscriptions/unsubscribe.service.js';
import { importActuals, syntheticYear } from '../factories/actuals.factory.js';
import { createSubscription, subscriptionBody, type DeliveryPageBody } from '../factories/report.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const BASE = '/api/v1/report-subscriptions';

describe('report subscriptions and the unsubscribe link', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let viewer: TestUser;
  let organizer: TestUser;
  let targetId: string;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false, env: { PUBLIC_URL: 'https://planner.example' } });
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    viewer = await createUser(t.app, 'viewer');
    organizer = await createUser(t.app, 'organizer');
    await importActuals(t.app, syntheticYear(2021, 'visitors'));
    const target = await t.http
      .post('/api/v1/targets')
      .set(planner.auth)
      .send({ year: 2022, metric: 'visitors', scope: 'city', baselineYear: 2021, growthRate: 0.3 })
      .expect(201);
    targetId = target.body.id;
  });
  afterAll(() => t.close());

  describe('managing subscriptions', () => {
    it('lets planners and admins subscribe a reader who is not a user', async () => {
      const body = subscriptionBody({
        email: ' Wang.Fang@ZJJ.gov.cn ',
        displayName: '王芳',
        language: 'zh-CN',
      });
      await t.http.post(BASE).set(viewer.auth).send(body).expect(403);
      await t.http.post(BASE).set(organizer.auth).send(body).expect(403);
      await t.http.post(BASE).send(body).expect(401);
      const res = await t.http.post(BASE).set(planner.auth).send(body).expect(201);
      expect(res.body).toMatchObject({
        email: 'wang.fang@zjj.gov.cn',
        displayName: '王芳',
        language: 'zh-CN',
        targetIds: null,
        active: true,
        unsubscribedAt: null,
      });
      const got = await t.http.get(`${BASE}/${res.body.id}`).set(admin.auth).expect(200);
      expect(got.body).toEqual(res.body);
    });

    it('refuses a second subscription for the same address, whatever its case (409)', async () => {
      const first = await createSubscription(t.http, admin, { email: 'li.lei@example.com' });
      const res = await t.http
        .post(BASE)
        .set(admin.auth)
        .send(subscriptionBody({ email: 'LI.LEI@example.com' }))
        .expect(409);
      expect(res.body).toMatchObject({ code: 'subscription_exists' });
      const other = await createSubscription(t.http, admin);
      const clash = await t.http
        .patch(`${BASE}/${other.id}`)
        .set(admin.auth)
        .send({ email: first.email })
        .expect(409);
      expect(clash.body.code).toBe('subscription_exists');
    });

    it('validates every field, naming it', async () => {
      const res = await t.http
        .post(BASE)
        .set(admin.auth)
        .send({ email: 'not-an-address', displayName: '', language: 'fr', targetIds: ['x'], active: 'yes' })
        .expect(400);
      const fields = (res.body.details as Array<{ field: string }>).map((d) => d.field).sort();
      expect(fields).toEqual(['active', 'displayName', 'email', 'language', 'targetIds']);
      const nulls = await t.http
        .patch(`${BASE}/${(await createSubscription(t.http, admin)).id}`)
        .set(admin.auth)
        .send({ language: null })
        .expect(400);
      expect(nulls.body.message).toContain('language must not be null');
    });

    it('follows all targets or a list of existing ones', async () => {
      const some = await createSubscription(t.http, planner, { targetIds: [targetId], language: 'en' });
      expect(some.targetIds).toEqual([targetId]);
      const missing = '00000000-0000-4000-8000-000000000000';
      const res = await t.http
        .post(BASE)
        .set(planner.auth)
        .send(subscriptionBody({ targetIds: [targetId, missing] }))
        .expect(404);
      expect(res.body).toMatchObject({ code: 'not_found', details: { missingTargetIds: [missing] } });
      const all = await t.http
        .patch(`${BASE}/${some.id}`)
        .set(planner.auth)
        .send({ targetIds: null })
        .expect(200);
      expect(all.body.targetIds).toBeNull();
    });

    it('lists with filters and pages, and deletes', async () => {
      const en = await createSubscription(t.http, admin, { language: 'en', displayName: 'Filter Me' });
      const list = await t.http.get(`${BASE}?language=en&q=filter%20me`).set(planner.auth).expect(200);
      expect(list.body).toMatchObject({ total: 1, items: [{ id: en.id }] });
      await t.http.get(BASE).set(viewer.auth).expect(403);
      await t.http.get(`${BASE}?limit=201`).set(admin.auth).expect(400);
      await t.http.delete(`${BASE}/${en.id}`).set(admin.auth).expect(204);
      await t.http.get(`${BASE}/${en.id}`).set(admin.auth).expect(404);
    });
  });

  describe('deleting', () => {
    const WEEK = '2022-W14';
    const outbox = () =>
      new DeliveryOutbox(
        t.dataSource.getRepository(ReportDelivery),
        t.dataSource.getRepository(ReportSubscription),
        t.app.get(Clock),
      );
    const deliveriesOf = async (week: string) =>
      (await t.http.get(`/api/v1/reports/deliveries?week=${week}&limit=200`).set(admin.auth).expect(200))
        .body as DeliveryPageBody;

    it('keeps the delivery history, hides the subscription and lets the address subscribe again', async () => {
      const s = await createSubscription(t.http, admin, { email: 'kept.history@example.com' });
      await outbox().createForWeek(WEEK, (sid) => `<${WEEK}.${sid}@planner.test>`);
      const before = (await deliveriesOf(WEEK)).items.find((d) => d.subscriptionId === s.id);
      expect(before).toMatchObject({ state: 'pending', recipient: 'kept.history@example.com' });

      await t.http.delete(`${BASE}/${s.id}`).set(planner.auth).expect(204);
      await t.http.get(`${BASE}/${s.id}`).set(admin.auth).expect(404);
      await t.http.patch(`${BASE}/${s.id}`).set(admin.auth).send({ displayName: 'x' }).expect(404);
      await t.http.delete(`${BASE}/${s.id}`).set(admin.auth).expect(404);
      const listed = await t.http.get(`${BASE}?q=kept.history&limit=200`).set(admin.auth).expect(200);
      expect(listed.body).toMatchObject({ total: 0, items: [] });
      // The delivery log still has the row, with the address it was for.
      const after = (await deliveriesOf(WEEK)).items.find((d) => d.subscriptionId === s.id);
      expect(after).toMatchObject({ id: before!.id, recipient: 'kept.history@example.com' });

      const again = await t.http
        .post(BASE)
        .set(admin.auth)
        .send(subscriptionBody({ email: 'Kept.History@example.com' }))
        .expect(201);
      expect(again.body).toMatchObject({ email: 'kept.history@example.com', active: true });
      expect(again.body.id).not.toBe(s.id);
      // Still one live subscription per address.
      const twice = await t.http
        .post(BASE)
        .set(admin.auth)
        .send(subscriptionBody({ email: 'kept.history@example.com' }))
        .expect(409);
      expect(twice.body.code).toBe('subscription_exists');
    });

    it('sends a deleted subscription nothing: no new row, and a row already made is skipped', async () => {
      const gone = await createSubscription(t.http, admin);
      const staying = await createSubscription(t.http, admin);
      await outbox().createForWeek(WEEK, (sid) => `<${WEEK}.${sid}@planner.test>`);
      await t.http.delete(`${BASE}/${gone.id}`).set(admin.auth).expect(204);

      const next = '2022-W15';
      await outbox().createForWeek(next, (sid) => `<${next}.${sid}@planner.test>`);
      const ids = (await deliveriesOf(next)).items.map((d) => d.subscriptionId);
      expect(ids).toContain(staying.id);
      expect(ids).not.toContain(gone.id);

      const row = (await deliveriesOf(WEEK)).items.find((d) => d.subscriptionId === gone.id)!;
      const noMail: Mailer = {
        kind: 'outbox',
        send: () => Promise.reject(new Error('a deleted subscription must get no mail')),
        close: () => Promise.resolve(),
      };
      const service = new ReportDeliveryService(
        outbox(),
        new EditionStore(t.dataSource.getRepository(ReportEdition)),
        t.app.get(WeeklyReportRenderer),
        t.app.get(UnsubscribeService),
        noMail,
        t.dataSource.getRepository(ReportSubscription),
      );
      expect(await service.deliver(row.id)).toBe('skipped');
      const settled = (await deliveriesOf(WEEK)).items.find((d) => d.id === row.id);
      expect(settled).toMatchObject({ state: 'skipped', lastError: expect.stringContaining('deleted') });
      expect((await outbox().open(WEEK)).map((d) => d.id)).not.toContain(row.id);
    });

    it('answers the unsubscribe link of a deleted subscription as done, and leaves it deleted', async () => {
      const s = await createSubscription(t.http, admin, {
        language: 'en',
        email: 'deleted.link@example.com',
      });
      const link = await t.app.get(UnsubscribeService).linkFor(s.id);
      await t.http.delete(`${BASE}/${s.id}`).set(admin.auth).expect(204);
      const path = link.slice(link.indexOf('/api/v1/public/unsubscribe'));
      const page = await t.http.get(path).expect(200);
      expect(page.text).toContain('deleted.link@example.com');
      expect(page.text).not.toContain('<form');
      const done = await t.http.post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
      expect(done.text).toContain('Unsubscribed: deleted.link@example.com');
      await t.http.get(`${BASE}/${s.id}`).set(admin.auth).expect(404);
    });

    it('refuses to erase a delivery history behind the service’s back', async () => {
      const s = await createSubscription(t.http, admin);
      await outbox().createForWeek('2022-W16', (sid) => `<2022-W16.${sid}@planner.test>`);
      await expect(
        t.dataSource.query(`DELETE FROM "report_subscriptions" WHERE "id" = '${s.id}'`),
      ).rejects.toThrow(/foreign key/i);
      expect(await t.dataSource.getRepository(ReportDelivery).countBy({ subscriptionId: s.id })).toBe(1);
    });
  });

  describe('unsubscribing', () => {
    const query = (url: string) => url.slice(url.indexOf('/api/v1/public/unsubscribe'));

    it('makes absolute signed links under PUBLIC_URL', async () => {
      const s = await createSubscription(t.http, admin);
      const link = await t.app.get(UnsubscribeService).linkFor(s.id);
      expect(link).toMatch(
        /^https:\/\/planner\.example\/api\/v1\/public\/unsubscribe\?token=[0-9a-f-]{36}\.[\w-]{43}$/,
      );
    });

    it('shows a confirmation page on GET and changes nothing', async () => {
      const s = await createSubscription(t.http, admin, { language: 'en', email: 'page@example.com' });
      const link = await t.app.get(UnsubscribeService).linkFor(s.id);
      const page = await t.http.get(query(link)).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('page@example.com');
      expect(page.text).toContain('<form method="post"');
      expect((await t.http.get(`${BASE}/${s.id}`).set(admin.auth)).body.active).toBe(true);
    });

    it('deactivates that subscription, and nothing else, on the one-click POST (RFC 8058)', async () => {
      const a = await createSubscription(t.http, admin, { email: 'one-click@example.com' });
      const b = await createSubscription(t.http, admin);
      const link = await t.app.get(UnsubscribeService).linkFor(a.id);
      const res = await t.http.post(query(link)).type('form').send('List-Unsubscribe=One-Click').expect(200);
      expect(res.text).toContain('one-click@example.com');
      const after = (await t.http.get(`${BASE}/${a.id}`).set(admin.auth)).body;
      expect(after).toMatchObject({ active: false, unsubscribedAt: expect.any(String) });
      expect((await t.http.get(`${BASE}/${b.id}`).set(admin.auth)).body.active).toBe(true);
      // Repeating it is harmless; the page now says it is done.
      await t.http.post(query(link)).type('form').send('List-Unsubscribe=One-Click').expect(200);
      expect((await t.http.get(query(link)).expect(200)).text).not.toContain('<form');
    });

    it('accepts the multipart form some mail clients send, only on this route', async () => {
      const s = await createSubscription(t.http, admin);
      const link = await t.app.get(UnsubscribeService).linkFor(s.id);
      await t.http.post(query(link)).field('List-Unsubscribe', 'One-Click').expect(200);
      expect((await t.http.get(`${BASE}/${s.id}`).set(admin.auth)).body.active).toBe(false);
      const other = await t.http.post('/api/v1/users').set(admin.auth).field('name', 'x').expect(415);
      expect(other.body.code).toBe('unsupported_media_type');
    });

    it('refuses forged, foreign and malformed tokens with 400 and changes nothing', async () => {
      const s = await createSubscription(t.http, admin);
      const forged = signUnsubscribeToken(s.id, 'not-the-secret');
      for (const token of [forged, `${s.id}.abc`, 'garbage']) {
        const res = await t.http
          .post(`/api/v1/public/unsubscribe?token=${encodeURIComponent(token)}`)
          .type('form')
          .send('List-Unsubscribe=One-Click')
          .expect(400);
        expect(res.text).toContain('unsubscribe link is not valid');
      }
      await t.http.post('/api/v1/public/unsubscribe').expect(400);
      expect((await t.http.get(`${BASE}/${s.id}`).set(admin.auth)).body.active).toBe(true);
    });

    it('re-activating clears the unsubscribe date', async () => {
      const s = await createSubscription(t.http, admin);
      await t.http.post(query(await t.app.get(UnsubscribeService).linkFor(s.id))).expect(200);
      const back = await t.http.patch(`${BASE}/${s.id}`).set(planner.auth).send({ active: true }).expect(200);
      expect(back.body).toMatchObject({ active: true, unsubscribedAt: null });
    });

    it('signs with a per-install secret kept in the database when SIGNING_SECRET is empty', async () => {
      const rows: Array<{ name: string; value: string }> = await t.dataSource.query(
        `SELECT "name", "value" FROM "app_secrets"`,
      );
      expect(rows).toEqual([{ name: 'signing', value: expect.stringMatching(/^[\w-]{43}$/) }]);
      const s = await createSubscription(t.http, admin);
      const link = await t.app.get(UnsubscribeService).linkFor(s.id);
      expect(link).toContain(signUnsubscribeToken(s.id, rows[0].value));
    });
  });

  it('documents every route with a summary and its roles', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { summary?: string; 'x-roles'?: string[] }>>;
    };
    const mine = Object.entries(doc.paths)
      .filter(([path]) => path.includes('report') || path.includes('unsubscribe'))
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
      );
    expect(mine.map((m) => m.route).sort()).toEqual([
      'DELETE /api/v1/report-subscriptions/{id}',
      'GET /api/v1/public/unsubscribe',
      'GET /api/v1/report-subscriptions',
      'GET /api/v1/report-subscriptions/{id}',
      'GET /api/v1/reports/deliveries',
      'GET /api/v1/reports/weekly',
      'PATCH /api/v1/report-subscriptions/{id}',
      'POST /api/v1/public/unsubscribe',
      'POST /api/v1/report-subscriptions',
      'POST /api/v1/reports/weekly/send',
    ]);
    for (const { route, op } of mine) {
      expect([route, Boolean(op.summary)]).toEqual([route, true]);
      if (!route.includes('/public/'))
        expect([route, op['x-roles']?.length]).toEqual([route, expect.any(Number)]);
    }
  });
});
