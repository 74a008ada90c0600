import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Clock } from '../../src/common/time/clock.js';
import { ProjectionInputs } from '../../src/projections/rebuild/projection-inputs.js';
import { approvedEvent, createEvent, createVenue, eventBody } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('events over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let organizer: TestUser;
  let otherOrganizer: TestUser;
  let viewer: TestUser;
  let venueId: string;

  const post = (path: string, user: TestUser, body: object = {}) =>
    t.http.post(path).set(user.auth).send(body);
  const pinNow = (iso: string) => jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(iso));

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    organizer = await createUser(t.app, 'organizer');
    otherOrganizer = await createUser(t.app, 'organizer');
    viewer = await createUser(t.app, 'viewer');
    venueId = (await createVenue(t.http, planner, { maxDailyCapacity: 100000 })).id;
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(() => t.close());

  describe('registering', () => {
    it("creates a draft for the organizer's organization, reading local times in the venue's zone", async () => {
      const res = await post(
        '/api/v1/events',
        organizer,
        eventBody(venueId, {
          startsAt: '2035-05-01T09:00',
          endsAt: '2035-05-03T18:00',
          expectedAttendance: 3000,
        }),
      ).expect(201);
      expect(res.body).toMatchObject({
        status: 'draft',
        organizationId: organizer.organizationId,
        startsAt: '2035-05-01T01:00:00.000Z',
        endsAt: '2035-05-03T10:00:00.000Z',
        startsAtLocal: '2035-05-01T09:00:00+08:00',
        endsAtLocal: '2035-05-03T18:00:00+08:00',
        expectedAttendance: 3000,
        expectedDailyAttendance: 1000,
        contact: { name: '张伟', phone: '+86 744 000 0000', email: 'zhang@example.com' },
        venue: { id: venueId, timeZone: 'Asia/Shanghai' },
        version: 1,
      });
      const offset = await post(
        '/api/v1/events',
        organizer,
        eventBody(venueId, { startsAt: '2035-05-01T01:00:00Z', endsAt: '2035-05-01T10:00:00+08:00' }),
      ).expect(201);
      expect(offset.body.startsAt).toBe('2035-05-01T01:00:00.000Z');
      expect(offset.body.endsAt).toBe('2035-05-01T02:00:00.000Z');
    });

    it('refuses an end before the start with a 400 naming endsAt', async () => {
      const res = await post(
        '/api/v1/events',
        organizer,
        eventBody(venueId, { startsAt: '2035-05-02T09:00', endsAt: '2035-05-01T09:00' }),
      ).expect(400);
      expect(res.body.details).toEqual([
        { field: 'endsAt', problems: ['endsAt must not be before startsAt'] },
      ]);
    });

    it('validates every field at once', async () => {
      const res = await post('/api/v1/events', organizer, {
        titleZh: '',
        category: 'party',
        venueId: 'nope',
        startsAt: 'tomorrow',
        endsAt: '2035-13-01T00:00',
        expectedAttendance: -1,
        expectedOutsideCitySharePct: 101,
        ticketingUrl: 'ftp://x',
        contact: { email: 'no' },
      }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
        [
          'category',
          'contact.email',
          'contact.name',
          'endsAt',
          'expectedAttendance',
          'expectedOutsideCitySharePct',
          'startsAt',
          'ticketingUrl',
          'titleZh',
          'venueId',
        ].sort(),
      );
    });

    it('answers 404 for an unknown venue or campaign, 403 for viewers and for another organization', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await post('/api/v1/events', organizer, eventBody(missing)).expect(404)).body.message).toBe(
        `Venue ${missing} was not found`,
      );
      expect(
        (await post('/api/v1/events', organizer, eventBody(venueId, { campaignId: missing })).expect(404))
          .body.message,
      ).toContain('Campaign');
      await post('/api/v1/events', viewer, eventBody(venueId)).expect(403);
      await post(
        '/api/v1/events',
        organizer,
        eventBody(venueId, { organizationId: otherOrganizer.organizationId }),
      ).expect(403);
    });

    it('lets planners register for a named organization (422 without one)', async () => {
      const res = await post('/api/v1/events', planner, eventBody(venueId)).expect(422);
      expect(res.body.code).toBe('organization_required');
      const ok = await post(
        '/api/v1/events',
        planner,
        eventBody(venueId, { organizationId: organizer.organizationId }),
      ).expect(201);
      expect(ok.body.organizationId).toBe(organizer.organizationId);
      await t.http.get(`/api/v1/events/${ok.body.id}`).set(organizer.auth).expect(200);
    });
  });

  describe('the full workflow', () => {
    it('draft -> submitted -> rejected -> edited and resubmitted -> approved -> edited back to submitted -> approved -> completed', async () => {
      pinNow('2022-06-01T00:00:00Z');
      const venue = await createVenue(t.http, planner, { maxDailyCapacity: 50000 });
      const created = await post(
        '/api/v1/events',
        organizer,
        eventBody(venue.id, {
          titleZh: '第九届天门山翼装飞行世界锦标赛',
          titleEn: '9th Tianmen Mountain Wingsuit Flying World Championship',
          category: 'sports',
          startsAt: '2022-09-23T09:00',
          endsAt: '2022-09-25T18:00',
          expectedAttendance: 30000,
        }),
      ).expect(201);
      const id = created.body.id;

      const submitted = await post(`/api/v1/events/${id}/submit`, organizer).expect(200);
      expect(submitted.body).toMatchObject({ event: { status: 'submitted' }, warnings: [] });

      await post(`/api/v1/events/${id}/reject`, planner, {}).expect(400);
      const rejected = await post(`/api/v1/events/${id}/reject`, planner, {
        reason: '请补充安保方案 (add a safety plan)',
      }).expect(200);
      expect(rejected.body.event).toMatchObject({
        status: 'rejected',
        rejectionReason: '请补充安保方案 (add a safety plan)',
      });

      const edited = await t.http
        .patch(`/api/v1/events/${id}`)
        .set(organizer.auth)
        .send({ description: '含安保方案' })
        .expect(200);
      expect(edited.body.event.status).toBe('rejected');
      const resubmitted = await post(`/api/v1/events/${id}/submit`, organizer).expect(200);
      expect(resubmitted.body.event).toMatchObject({ status: 'submitted', rejectionReason: null });

      const approved = await post(`/api/v1/events/${id}/approve`, planner).expect(200);
      expect(approved.body.event.status).toBe('approved');

      const retitled = await t.http
        .patch(`/api/v1/events/${id}`)
        .set(organizer.auth)
        .send({ titleEn: 'Wingsuit World Championship' })
        .expect(200);
      expect(retitled.body.event.status).toBe('approved');
      const moved = await t.http
        .patch(`/api/v1/events/${id}`)
        .set(organizer.auth)
        .send({ startsAt: '2022-09-24T09:00', expectedAttendance: 25000 })
        .expect(200);
      expect(moved.body.event.status).toBe('submitted');
      expect(moved.body.warnings).toEqual([]);
      await post(`/api/v1/events/${id}/approve`, admin).expect(200);

      const early = await post(`/api/v1/events/${id}/complete`, organizer, { actualAttendance: 1 }).expect(
        409,
      );
      expect(early.body.code).toBe('event_not_over');

      pinNow('2022-09-26T00:00:00Z');
      await post(`/api/v1/events/${id}/complete`, organizer, {}).expect(400);
      const completed = await post(`/api/v1/events/${id}/complete`, organizer, {
        actualAttendance: 28500,
        actualRevenueYuan: 31_000_000,
      }).expect(200);
      expect(completed.body.event).toMatchObject({
        status: 'completed',
        actualAttendance: 28500,
        actualRevenueYuan: 31_000_000,
      });
      const closed = await t.http
        .patch(`/api/v1/events/${id}`)
        .set(organizer.auth)
        .send({ titleEn: 'x' })
        .expect(409);
      expect(closed.body.code).toBe('event_closed');

      const history = await t.http.get(`/api/v1/events/${id}/history`).set(organizer.auth).expect(200);
      expect(
        history.body.map((h: { action: string; from: string | null; to: string }) => [
          h.action,
          h.from,
          h.to,
        ]),
      ).toEqual([
        ['create', null, 'draft'],
        ['submit', 'draft', 'submitted'],
        ['reject', 'submitted', 'rejected'],
        ['edit', 'rejected', 'rejected'],
        ['submit', 'rejected', 'submitted'],
        ['approve', 'submitted', 'approved'],
        ['edit', 'approved', 'approved'],
        ['edit', 'approved', 'submitted'],
        ['approve', 'submitted', 'approved'],
        ['complete', 'approved', 'completed'],
      ]);
      expect(history.body[2]).toMatchObject({
        by: { id: planner.id, role: 'planner' },
        reason: '请补充安保方案 (add a safety plan)',
      });
      expect(history.body[7]).toMatchObject({
        by: { id: organizer.id, role: 'organizer' },
        reason: 'Changed startsAt, expectedAttendance: needs approval again',
        details: { changedFields: ['startsAt', 'expectedAttendance'] },
      });
      expect(history.body[9].details).toEqual({ actualAttendance: 28500, actualRevenueYuan: 31_000_000 });
      expect(history.body[9].at).toBe('2022-09-26T00:00:00.000Z');
    });

    it('lets either side cancel, with the reason kept', async () => {
      const mine = await createEvent(t.http, organizer, venueId);
      const byOrganizer = await post(`/api/v1/events/${mine.id}/cancel`, organizer, {
        reason: '天气原因',
      }).expect(200);
      expect(byOrganizer.body.event).toMatchObject({ status: 'cancelled', cancellationReason: '天气原因' });
      const approved = await approvedEvent(t.http, organizer, planner, venueId);
      const byPlanner = await post(`/api/v1/events/${approved.id}/cancel`, planner).expect(200);
      expect(byPlanner.body.event.status).toBe('cancelled');
      const history = await t.http.get(`/api/v1/events/${approved.id}/history`).set(viewer.auth).expect(200);
      expect(history.body.at(-1)).toMatchObject({
        action: 'cancel',
        from: 'approved',
        to: 'cancelled',
        by: { role: 'planner' },
      });
    });

    it('keeps organizers from approving or rejecting (403) and viewers from changing anything', async () => {
      const event = await createEvent(t.http, organizer, venueId);
      await post(`/api/v1/events/${event.id}/submit`, organizer).expect(200);
      await post(`/api/v1/events/${event.id}/approve`, organizer).expect(403);
      await post(`/api/v1/events/${event.id}/reject`, organizer, { reason: 'nope' }).expect(403);
      for (const action of ['submit', 'approve', 'reject', 'cancel', 'complete'])
        await post(`/api/v1/events/${event.id}/${action}`, viewer, {
          reason: 'x',
          actualAttendance: 1,
        }).expect(403);
      await t.http.patch(`/api/v1/events/${event.id}`).set(viewer.auth).send({ titleZh: 'x' }).expect(403);
      await t.http.delete(`/api/v1/events/${event.id}`).set(viewer.auth).expect(403);
      await t.http.get(`/api/v1/events/${event.id}`).set(viewer.auth).expect(200);
      await t.http.get(`/api/v1/events/${event.id}/history`).set(viewer.auth).expect(200);
    });

    it('deletes drafts only', async () => {
      const draft = await createEvent(t.http, organizer, venueId);
      await t.http.delete(`/api/v1/events/${draft.id}`).set(organizer.auth).expect(204);
      await t.http.get(`/api/v1/events/${draft.id}`).set(organizer.auth).expect(404);
      const submitted = await createEvent(t.http, organizer, venueId);
      await post(`/api/v1/events/${submitted.id}/submit`, organizer).expect(200);
      expect(
        (await t.http.delete(`/api/v1/events/${submitted.id}`).set(organizer.auth).expect(409)).body.code,
      ).toBe('event_not_draft');
    });
  });

  describe('each invalid transition is a 409 naming both states, and changes nothing', () => {
    const reach: Record<string, string[]> = {
      draft: [],
      submitted: ['submit'],
      approved: ['submit', 'approve'],
      rejected: ['submit', 'reject'],
      cancelled: ['cancel'],
      completed: ['submit', 'approve', 'complete'],
    };
    const allowed: Record<string, string[]> = {
      draft: ['submit', 'cancel'],
      submitted: ['approve', 'reject', 'cancel'],
      approved: ['cancel', 'complete'],
      rejected: ['submit', 'cancel'],
      cancelled: [],
      completed: [],
    };
    const target: Record<string, string> = {
      submit: 'submitted',
      approve: 'approved',
      reject: 'rejected',
      cancel: 'cancelled',
      complete: 'completed',
    };
    const bodies: Record<string, object> = {
      reject: { reason: 'because' },
      cancel: { reason: 'because' },
      complete: { actualAttendance: 10 },
    };
    const body = (action: string) => bodies[action] ?? {};
    for (const [state, steps] of Object.entries(reach)) {
      for (const action of Object.keys(target).filter((a) => !allowed[state].includes(a))) {
        it(`${action} from ${state}`, async () => {
          const event = await createEvent(t.http, organizer, venueId, {
            startsAt: '2021-05-01T09:00',
            endsAt: '2021-05-01T18:00',
          });
          for (const step of steps)
            await post(
              `/api/v1/events/${event.id}/${step}`,
              step === 'submit' ? organizer : planner,
              body(step),
            ).expect(200);
          const before = (await t.http.get(`/api/v1/events/${event.id}`).set(planner.auth).expect(200)).body;
          const res = await post(`/api/v1/events/${event.id}/${action}`, planner, body(action)).expect(409);
          expect(res.body).toMatchObject({
            code: 'invalid_transition',
            details: { from: state, to: target[action], action },
          });
          expect(res.body.message).toContain(`from ${state} to ${target[action]}`);
          expect((await t.http.get(`/api/v1/events/${event.id}`).set(planner.auth).expect(200)).body).toEqual(
            before,
          );
        });
      }
    }
  });

  describe('checks on submit and approve', () => {
    const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code).sort();

    it('warns of an overlap with submitted or approved events at the venue, not drafts, rejected or cancelled ones', async () => {
      const venue = await createVenue(t.http, planner, { maxDailyCapacity: 1_000_000 });
      const times = { startsAt: '2035-08-01T09:00', endsAt: '2035-08-01T18:00' };
      const approved = await approvedEvent(t.http, otherOrganizer, planner, venue.id, times);
      const submitted = await createEvent(t.http, otherOrganizer, venue.id, {
        startsAt: '2035-08-01T17:00',
        endsAt: '2035-08-02T10:00',
      });
      await post(`/api/v1/events/${submitted.id}/submit`, otherOrganizer).expect(200);
      await createEvent(t.http, otherOrganizer, venue.id, times); // a draft
      const cancelled = await createEvent(t.http, otherOrganizer, venue.id, times);
      await post(`/api/v1/events/${cancelled.id}/cancel`, otherOrganizer).expect(200);
      const before = await createEvent(t.http, otherOrganizer, venue.id, {
        startsAt: '2035-08-01T06:00',
        endsAt: '2035-08-01T09:00',
      });
      await post(`/api/v1/events/${before.id}/submit`, otherOrganizer).expect(200); // touches, does not overlap

      const event = await createEvent(t.http, organizer, venue.id, times);
      const res = await post(`/api/v1/events/${event.id}/submit`, organizer).expect(200);
      expect(res.body.warnings).toEqual([
        {
          code: 'venue_overlap',
          severity: 'warning',
          message: expect.stringContaining('2 submitted or approved event(s)'),
          relatedIds: [approved.id, submitted.id],
          requiresOverride: false,
        },
      ]);
      const approval = await post(`/api/v1/events/${event.id}/approve`, planner).expect(200);
      expect(codes(approval.body.warnings)).toEqual(['venue_overlap']);
      const history = (await t.http.get(`/api/v1/events/${event.id}/history`).set(planner.auth)).body;
      expect(history.at(-1).details.warnings[0]).toMatchObject({
        code: 'venue_overlap',
        relatedIds: [approved.id, submitted.id],
      });
    });

    it("flags attendance plus the venue's other approved visitors above capacity, and needs an override to approve", async () => {
      const venue = await createVenue(t.http, planner, { maxDailyCapacity: 10000 });
      const other = await approvedEvent(t.http, otherOrganizer, planner, venue.id, {
        startsAt: '2035-10-01T08:00',
        endsAt: '2035-10-02T20:00',
        expectedAttendance: 12000,
      });
      // 6000 a day from the other event on 1 and 2 October; this one brings 5000 on 2 and 3 October.
      const event = await createEvent(t.http, organizer, venue.id, {
        startsAt: '2035-10-02T08:00',
        endsAt: '2035-10-03T20:00',
        expectedAttendance: 10000,
      });
      const submitted = await post(`/api/v1/events/${event.id}/submit`, organizer).expect(200);
      const capacity = submitted.body.warnings.find((w: { code: string }) => w.code === 'capacity_exceeded');
      expect(capacity).toMatchObject({
        severity: 'warning',
        requiresOverride: true,
        relatedIds: [other.id],
        days: [
          { date: '2035-10-02', eventVisitors: 5000, otherVisitors: 6000, capacity: 10000, loadPct: 110 },
        ],
      });
      expect(codes(submitted.body.warnings)).toEqual(['capacity_exceeded', 'venue_overlap']);

      const refused = await post(`/api/v1/events/${event.id}/approve`, planner).expect(409);
      expect(refused.body.code).toBe('capacity_override_required');
      expect(refused.body.details.warnings.map((w: { code: string }) => w.code)).toContain(
        'capacity_exceeded',
      );
      expect((await t.http.get(`/api/v1/events/${event.id}`).set(planner.auth)).body.status).toBe(
        'submitted',
      );
      await post(`/api/v1/events/${event.id}/approve`, planner, { override: {} }).expect(400);

      const ok = await post(`/api/v1/events/${event.id}/approve`, planner, {
        override: { reason: '分时段预约入园 (timed entry)' },
      }).expect(200);
      expect(ok.body.event.status).toBe('approved');
      const history = (await t.http.get(`/api/v1/events/${event.id}/history`).set(organizer.auth)).body;
      expect(history.at(-1)).toMatchObject({
        action: 'approve',
        reason: 'Override: 分时段预约入园 (timed entry)',
        details: { override: { reason: '分时段预约入园 (timed entry)' } },
      });
    });

    it('flags an event alone above capacity', async () => {
      const venue = await createVenue(t.http, planner, { maxDailyCapacity: 5000 });
      const event = await createEvent(t.http, organizer, venue.id, { expectedAttendance: 5001 });
      const res = await post(`/api/v1/events/${event.id}/submit`, organizer).expect(200);
      expect(res.body.warnings).toEqual([
        expect.objectContaining({
          code: 'capacity_exceeded',
          relatedIds: [],
          days: [expect.objectContaining({ eventVisitors: 5001, otherVisitors: 0, loadPct: 100 })],
        }),
      ]);
    });

    it('gives a softer notice above 80 % of capacity, which does not need an override', async () => {
      const venue = await createVenue(t.http, planner, { maxDailyCapacity: 10000 });
      // 27000 over three days: 9000 a day, 90 %.
      const event = await createEvent(t.http, organizer, venue.id, {
        startsAt: '2035-06-01T09:00',
        endsAt: '2035-06-03T18:00',
        expectedAttendance: 27000,
      });
      const res = await post(`/api/v1/events/${event.id}/submit`, organizer).expect(200);
      expect(res.body.warnings).toEqual([
        expect.objectContaining({
          code: 'capacity_near_limit',
          severity: 'notice',
          requiresOverride: false,
          days: ['2035-06-01', '2035-06-02', '2035-06-03'].map((date) =>
            expect.objectContaining({ date, eventVisitors: 9000, loadPct: 90 }),
          ),
        }),
      ]);
      await post(`/api/v1/events/${event.id}/approve`, planner).expect(200);
      const exactly = await createEvent(t.http, organizer, venue.id, {
        startsAt: '2035-07-01T09:00',
        endsAt: '2035-07-01T18:00',
        expectedAttendance: 8000,
      });
      expect(
        (await post(`/api/v1/events/${exactly.id}/submit`, organizer).expect(200)).body.warnings,
      ).toEqual([]);
    });

    it('skips capacity checks at venues without a capacity', async () => {
      const online = await createVenue(t.http, planner, {
        kind: 'online',
        maxDailyCapacity: null,
        aRating: null,
      });
      const event = await createEvent(t.http, organizer, online.id, { expectedAttendance: 5_000_000 });
      expect((await post(`/api/v1/events/${event.id}/submit`, organizer).expect(200)).body.warnings).toEqual(
        [],
      );
    });

    it('warns of a start in the past, on submit and approve', async () => {
      pinNow('2030-01-01T00:00:00Z');
      const event = await createEvent(t.http, organizer, venueId, {
        startsAt: '2029-12-31T09:00',
        endsAt: '2030-01-02T18:00',
      });
      const submitted = await post(`/api/v1/events/${event.id}/submit`, organizer).expect(200);
      expect(submitted.body.warnings).toEqual([
        expect.objectContaining({ code: 'start_in_past', severity: 'warning', requiresOverride: false }),
      ]);
      const approved = await post(`/api/v1/events/${event.id}/approve`, planner).expect(200);
      expect(codes(approved.body.warnings)).toEqual(['start_in_past']);
    });

    it('previews the checks for any visible event', async () => {
      const venue = await createVenue(t.http, planner, { maxDailyCapacity: 100 });
      const event = await createEvent(t.http, organizer, venue.id, { expectedAttendance: 101 });
      const res = await t.http.get(`/api/v1/events/${event.id}/checks`).set(organizer.auth).expect(200);
      expect(codes(res.body)).toEqual(['capacity_exceeded']);
    });
  });

  describe('ownership: organizer A and organizer B', () => {
    it("answers 404 for B's event in every route, exactly like a missing one, and changes nothing", async () => {
      const theirs = await createEvent(t.http, otherOrganizer, venueId);
      await post(`/api/v1/events/${theirs.id}/submit`, otherOrganizer).expect(200);
      const before = (await t.http.get(`/api/v1/events/${theirs.id}`).set(otherOrganizer.auth).expect(200))
        .body;
      const historyBefore = (
        await t.http.get(`/api/v1/events/${theirs.id}/history`).set(otherOrganizer.auth).expect(200)
      ).body;
      const missing = '00000000-0000-4000-8000-000000000000';
      const calls = (id: string) => [
        t.http.get(`/api/v1/events/${id}`).set(organizer.auth),
        t.http.get(`/api/v1/events/${id}/history`).set(organizer.auth),
        t.http.get(`/api/v1/events/${id}/checks`).set(organizer.auth),
        t.http.patch(`/api/v1/events/${id}`).set(organizer.auth).send({ titleZh: '改名' }),
        t.http.delete(`/api/v1/events/${id}`).set(organizer.auth),
        t.http.post(`/api/v1/events/${id}/submit`).set(organizer.auth),
        t.http.post(`/api/v1/events/${id}/cancel`).set(organizer.auth).send({ reason: 'x' }),
        t.http.post(`/api/v1/events/${id}/complete`).set(organizer.auth).send({ actualAttendance: 1 }),
      ];
      const hidden = await Promise.all(calls(theirs.id));
      const absent = await Promise.all(calls(missing));
      hidden.forEach((res, i) => {
        expect([i, res.status]).toEqual([i, 404]);
        expect(res.body).toEqual({
          statusCode: 404,
          code: 'not_found',
          message: `Event ${theirs.id} was not found`,
        });
        expect(absent[i].body).toEqual({ ...res.body, message: `Event ${missing} was not found` });
      });
      expect((await t.http.get(`/api/v1/events/${theirs.id}`).set(otherOrganizer.auth)).body).toEqual(before);
      expect((await t.http.get(`/api/v1/events/${theirs.id}/history`).set(otherOrganizer.auth)).body).toEqual(
        historyBefore,
      );
    });

    it("leaves B's events out of A's list, and naming B's organization answers 404", async () => {
      const mine = await createEvent(t.http, organizer, venueId);
      const theirs = await createEvent(t.http, otherOrganizer, venueId);
      const list = await t.http.get('/api/v1/events?limit=200').set(organizer.auth).expect(200);
      const ids = list.body.items.map((e: { id: string }) => e.id);
      expect(ids).toContain(mine.id);
      expect(ids).not.toContain(theirs.id);
      expect(
        list.body.items.every(
          (e: { organizationId: string }) => e.organizationId === organizer.organizationId,
        ),
      ).toBe(true);
      const named = await t.http
        .get(`/api/v1/events?organizationId=${otherOrganizer.organizationId}`)
        .set(organizer.auth)
        .expect(404);
      expect(named.body.code).toBe('not_found');
      const all = await t.http.get('/api/v1/events?limit=200').set(planner.auth).expect(200);
      expect(all.body.items.map((e: { id: string }) => e.id)).toEqual(
        expect.arrayContaining([mine.id, theirs.id]),
      );
    });
  });

  describe('listing', () => {
    it('filters by status, category, venue, organization, dates and text', async () => {
      const venue = await createVenue(t.http, planner);
      const a = await createEvent(t.http, organizer, venue.id, {
        titleZh: '环天门山马拉松',
        category: 'sports',
        startsAt: '2036-03-01T07:00',
        endsAt: '2036-03-01T14:00',
      });
      const b = await createEvent(t.http, otherOrganizer, venue.id, {
        titleZh: '国际森林保护节',
        titleEn: 'Forest festival',
        startsAt: '2036-03-05T09:00',
        endsAt: '2036-03-06T18:00',
      });
      await post(`/api/v1/events/${b.id}/submit`, otherOrganizer).expect(200);
      const ids = async (query: string) =>
        (
          await t.http.get(`/api/v1/events?venueId=${venue.id}&${query}`).set(planner.auth).expect(200)
        ).body.items.map((e: { id: string }) => e.id);
      expect(await ids('')).toEqual([a.id, b.id]);
      expect(await ids('status=submitted')).toEqual([b.id]);
      expect(await ids('category=sports')).toEqual([a.id]);
      expect(await ids(`organizationId=${organizer.organizationId}`)).toEqual([a.id]);
      expect(await ids('from=2036-03-02&to=2036-03-05')).toEqual([b.id]);
      expect(await ids('from=2036-03-01&to=2036-03-01')).toEqual([a.id]);
      expect(await ids(`q=${encodeURIComponent('马拉松')}`)).toEqual([a.id]);
      expect(await ids('q=FOREST')).toEqual([b.id]);
    });
  });

  describe('public listing', () => {
    it('shows approved events only, without contact data, to anyone', async () => {
      const venue = await createVenue(t.http, planner);
      const approved = await approvedEvent(t.http, organizer, planner, venue.id, { titleZh: '公开活动' });
      const draft = await createEvent(t.http, organizer, venue.id);
      const res = await t.http.get(`/api/v1/public/events?venueId=${venue.id}`).expect(200);
      expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([approved.id]);
      expect(res.body.items[0]).toMatchObject({
        titleZh: '公开活动',
        venue: { id: venue.id },
        ticketingUrl: 'https://tickets.example/test',
      });
      const text = JSON.stringify(res.body);
      for (const secret of [
        'contact',
        '张伟',
        'zhang@example.com',
        '+86',
        'organizationId',
        'expectedAttendance',
        'status',
      ])
        expect(text).not.toContain(secret);
      expect(text).not.toContain(draft.id);
      await t.http.get('/api/v1/public/events?status=draft').expect(400);
    });

    it('revalidates with ETag: 304 while nothing changed, the new listing once an event or venue changes', async () => {
      const venue = await createVenue(t.http, planner);
      const event = await approvedEvent(t.http, organizer, planner, venue.id, { titleZh: '缓存活动' });
      const url = `/api/v1/public/events?venueId=${venue.id}`;
      const first = await t.http.get(url).expect(200);
      expect(first.headers['content-type']).toMatch(/^application\/json/);
      const etag = first.headers.etag;
      expect(await t.http.get(url).set('If-None-Match', etag).expect(304)).toHaveProperty('text', '');
      // Another query is another listing, with its own ETag.
      const other = await t.http.get(`${url}&limit=5`).expect(200);
      expect(other.headers.etag).not.toBe(etag);

      await t.http
        .patch(`/api/v1/venues/${venue.id}`)
        .set(planner.auth)
        .send({ nameEn: 'Renamed Hall' })
        .expect(200);
      const renamed = await t.http.get(url).set('If-None-Match', etag).expect(200);
      expect(renamed.body.items[0].venue.nameEn).toBe('Renamed Hall');

      await t.http
        .post(`/api/v1/events/${event.id}/cancel`)
        .set(planner.auth)
        .send({ reason: 'weather' })
        .expect(200);
      const cancelled = await t.http.get(url).set('If-None-Match', renamed.headers.etag).expect(200);
      expect(cancelled.body.items).toEqual([]);
    });
  });

  describe('projections hook', () => {
    it('reports creation, rescheduling (years and venues before and after), approval, cancellation and completion', async () => {
      const spy = jest.spyOn(t.app.get(ProjectionInputs), 'record');
      const other = await createVenue(t.http, planner);
      const event = await createEvent(t.http, organizer, venueId, {
        startsAt: '2035-12-31T20:00',
        endsAt: '2036-01-01T02:00',
      });
      expect(spy).toHaveBeenLastCalledWith(expect.anything(), {
        source: 'event',
        years: [2035, 2036],
        venueIds: [venueId],
      });
      await t.http
        .patch(`/api/v1/events/${event.id}`)
        .set(organizer.auth)
        .send({ venueId: other.id, startsAt: '2037-02-01T09:00', endsAt: '2037-02-01T10:00' })
        .expect(200);
      expect(spy).toHaveBeenLastCalledWith(expect.anything(), {
        source: 'event',
        years: [2035, 2036, 2037],
        venueIds: [venueId, other.id].sort(),
      });
      spy.mockClear();
      await t.http
        .patch(`/api/v1/events/${event.id}`)
        .set(organizer.auth)
        .send({ titleEn: 'renamed' })
        .expect(200);
      expect(spy).not.toHaveBeenCalled();
      await post(`/api/v1/events/${event.id}/submit`, organizer).expect(200);
      await post(`/api/v1/events/${event.id}/approve`, planner).expect(200);
      expect(spy).toHaveBeenLastCalledWith(expect.anything(), {
        source: 'event',
        years: [2037],
        venueIds: [other.id],
      });
      pinNow('2037-03-01T00:00:00Z');
      spy.mockClear();
      await post(`/api/v1/events/${event.id}/complete`, organizer, { actualAttendance: 10 }).expect(200);
      expect(spy).toHaveBeenCalledTimes(1);
      const cancelled = await createEvent(t.http, organizer, venueId);
      spy.mockClear();
      await post(`/api/v1/events/${cancelled.id}/cancel`, organizer).expect(200);
      expect(spy).toHaveBeenCalledWith(expect.anything(), {
        source: 'event',
        years: [2035],
        venueIds: [venueId],
      });
    });
  });
});
