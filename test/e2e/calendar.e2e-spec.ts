import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ical, { type VEvent } from 'node-ical';

/** node-ical gives text properties as a string, or as `{ val, params }` when they carry parameters. */
const text = (value: unknown): string =>
  typeof value === 'string' ? value : ((value as { val?: string } | undefined)?.val ?? '');
import { approvedEvent, createCampaign, createEvent, createVenue } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const vevents = (text: string): VEvent[] =>
  Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');

describe('calendar and iCalendar feeds over HTTP', () => {
  let t: TestApp;
  let planner: TestUser;
  let organizer: TestUser;
  let otherOrganizer: TestUser;
  let viewer: TestUser;
  let venue: { id: string };
  let otherVenue: { id: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    planner = await createUser(t.app, 'planner');
    organizer = await createUser(t.app, 'organizer');
    otherOrganizer = await createUser(t.app, 'organizer');
    viewer = await createUser(t.app, 'viewer');
    venue = await createVenue(t.http, planner, {
      nameZh: '天门山',
      nameEn: 'Tianmen Mountain',
      maxDailyCapacity: 1_000_000,
    });
    otherVenue = await createVenue(t.http, planner, { maxDailyCapacity: 1_000_000 });

    const sports = await createCampaign(t.http, planner, {
      name: '赛事营销：翼装飞行',
      channel: 'sports_event',
      startDate: '2035-09-01',
      endDate: '2035-09-30',
    });
    await t.http.post(`/api/v1/campaigns/${sports.id}/schedule`).set(planner.auth).expect(200);
    const rail = await createCampaign(t.http, planner, {
      name: '高铁营销',
      channel: 'high_speed_rail',
      startDate: '2035-08-15',
      endDate: '2035-09-10',
    });
    await t.http.post(`/api/v1/campaigns/${rail.id}/schedule`).set(planner.auth).expect(200);
    await t.http.post(`/api/v1/campaigns/${rail.id}/activate`).set(planner.auth).expect(200);
    const draft = await createCampaign(t.http, planner, {
      name: '草稿',
      channel: 'media',
      startDate: '2035-09-05',
      endDate: '2035-09-06',
    });
    const wingsuit = await approvedEvent(t.http, organizer, planner, venue.id, {
      titleZh: '第九届天门山翼装飞行世界锦标赛',
      titleEn: 'Wingsuit World Championship',
      startsAt: '2035-09-23T09:00',
      endsAt: '2035-09-25T18:00',
      campaignId: sports.id,
    });
    const marathon = await approvedEvent(t.http, otherOrganizer, planner, otherVenue.id, {
      titleZh: '环天门山马拉松',
      startsAt: '2035-09-02T07:00',
      endsAt: '2035-09-02T14:00',
    });
    const submitted = await createEvent(t.http, organizer, venue.id, {
      titleZh: '待审活动',
      startsAt: '2035-09-10T09:00',
      endsAt: '2035-09-10T12:00',
    });
    await t.http.post(`/api/v1/events/${submitted.id}/submit`).set(organizer.auth).expect(200);
    const ownDraft = await createEvent(t.http, organizer, venue.id, {
      titleZh: '草稿活动',
      startsAt: '2035-09-12T09:00',
      endsAt: '2035-09-12T12:00',
    });
    Object.assign(ids, {
      sports: sports.id,
      rail: rail.id,
      draft: draft.id,
      wingsuit: wingsuit.id,
      marathon: marathon.id,
      submitted: submitted.id,
      ownDraft: ownDraft.id,
    });
  });
  afterAll(() => t.close());

  describe('GET /calendar', () => {
    const calendar = async (user: TestUser, query: string) =>
      (await t.http.get(`/api/v1/calendar?from=2035-09-01&to=2035-09-30&${query}`).set(user.auth).expect(200))
        .body as {
        items: {
          kind: string;
          id: string;
          startsAt: string;
          startDate: string;
          endDate: string;
          allDay: boolean;
        }[];
      };
    const idsOf = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

    it('merges campaigns and events chronologically', async () => {
      const body = await calendar(planner, '');
      expect(idsOf(body)).toEqual([
        ids.rail,
        ids.sports,
        ids.marathon,
        ids.draft,
        ids.submitted,
        ids.ownDraft,
        ids.wingsuit,
      ]);
      const starts = body.items.map((i) => i.startsAt);
      expect([...starts].sort()).toEqual(starts);
      expect(body.items.find((i) => i.id === ids.rail)).toMatchObject({
        kind: 'campaign',
        allDay: true,
        startDate: '2035-08-15',
        endDate: '2035-09-10',
        startsAt: '2035-08-14T16:00:00.000Z',
        endsAt: '2035-09-10T16:00:00.000Z',
      });
      expect(body.items.find((i) => i.id === ids.wingsuit)).toMatchObject({
        kind: 'event',
        allDay: false,
        startDate: '2035-09-23',
        endDate: '2035-09-25',
        venueName: '天门山',
        campaignId: ids.sports,
      });
    });

    it('filters by venue, channel, status and kind', async () => {
      expect(idsOf(await calendar(planner, `venue=${venue.id}`))).toEqual([
        ids.sports,
        ids.submitted,
        ids.ownDraft,
        ids.wingsuit,
      ]);
      expect(idsOf(await calendar(planner, 'channel=sports_event'))).toEqual([ids.sports, ids.wingsuit]);
      expect(idsOf(await calendar(planner, 'status=approved'))).toEqual([ids.marathon, ids.wingsuit]);
      expect(idsOf(await calendar(planner, 'status=scheduled'))).toEqual([ids.sports]);
      expect(idsOf(await calendar(planner, 'status=draft'))).toEqual([ids.draft, ids.ownDraft]);
      expect(idsOf(await calendar(planner, 'kind=campaign'))).toEqual([ids.rail, ids.sports, ids.draft]);
      expect(idsOf(await calendar(planner, 'status=active'))).toEqual([ids.rail]);
    });

    it('names the nearest earlier and later days when the period is empty, under the same filters', async () => {
      const around = async (user: TestUser, query: string) =>
        (await t.http.get(`/api/v1/calendar?${query}`).set(user.auth).expect(200)).body as {
          items: unknown[];
          earlier: string | null;
          later: string | null;
        };
      // At this spec's venue: the sports campaign (Sep 1-30, linked to the wingsuit event there).
      expect(await around(planner, `from=2035-10-01&to=2035-10-31&venue=${venue.id}`)).toEqual({
        from: '2035-10-01',
        to: '2035-10-31',
        items: [],
        earlier: '2035-09-30',
        later: null,
      });
      expect(
        await around(planner, `from=2035-06-01&to=2035-06-30&venue=${venue.id}&kind=event`),
      ).toMatchObject({
        items: [],
        earlier: null,
        later: '2035-09-10',
      });
      // A period with items names neither.
      expect(await around(planner, 'from=2035-09-01&to=2035-09-30')).toMatchObject({
        earlier: null,
        later: null,
      });
      // An organizer is pointed at its own events only.
      expect(await around(otherOrganizer, 'from=2035-10-01&to=2035-10-31&kind=event')).toMatchObject({
        items: [],
        earlier: '2035-09-02',
      });
      expect(await around(otherOrganizer, 'from=2035-08-01&to=2035-08-31&kind=event')).toMatchObject({
        items: [],
        later: '2035-09-02',
      });
    });

    it('shows organizers their own events only, and everyone every campaign', async () => {
      expect(idsOf(await calendar(organizer, ''))).toEqual([
        ids.rail,
        ids.sports,
        ids.draft,
        ids.submitted,
        ids.ownDraft,
        ids.wingsuit,
      ]);
      expect(idsOf(await calendar(otherOrganizer, 'kind=event'))).toEqual([ids.marathon]);
      expect(idsOf(await calendar(viewer, 'kind=event'))).toHaveLength(4);
      await t.http.get('/api/v1/calendar?from=2035-09-01&to=2035-09-30').expect(401);
    });

    it('refuses a missing or backwards range, an over-long one and unknown filters with 400', async () => {
      await t.http.get('/api/v1/calendar').set(planner.auth).expect(400);
      await t.http.get('/api/v1/calendar?from=2035-09-30&to=2035-09-01').set(planner.auth).expect(400);
      const long = await t.http
        .get('/api/v1/calendar?from=2035-01-01&to=2036-12-31')
        .set(planner.auth)
        .expect(400);
      expect(long.body.message).toContain('400 days');
      await t.http
        .get('/api/v1/calendar?from=2035-09-01&to=2035-09-30&status=paused')
        .set(planner.auth)
        .expect(400);
      await t.http
        .get('/api/v1/calendar?from=2035-09-01&to=2035-09-30&channel=radio')
        .set(planner.auth)
        .expect(400);
    });
  });

  describe('public feed', () => {
    it('is RFC 5545 that a parser reads back: approved events only, Chinese intact, no contact data', async () => {
      const res = await t.http.get('/api/v1/public/events.ics').expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.text.startsWith('BEGIN:VCALENDAR')).toBe(true);
      const events = vevents(res.text);
      expect(events.map((e) => e.uid).sort()).toEqual(
        [
          `event-${ids.marathon}@tourism-recovery-planner`,
          `event-${ids.wingsuit}@tourism-recovery-planner`,
        ].sort(),
      );
      const wingsuit = events.find((e) => e.uid.includes(ids.wingsuit))!;
      expect(text(wingsuit.summary)).toBe('第九届天门山翼装飞行世界锦标赛 / Wingsuit World Championship');
      expect(wingsuit.start.toISOString()).toBe('2035-09-23T01:00:00.000Z');
      expect(wingsuit.end?.toISOString()).toBe('2035-09-25T10:00:00.000Z');
      expect(wingsuit.status).toBe('CONFIRMED');
      expect(text(wingsuit.location)).toContain('天门山');
      expect(res.text).not.toContain('张伟');
      expect(res.text).not.toContain('zhang@example.com');
    });

    it('updates entries in place: same UID, higher SEQUENCE, new LAST-MODIFIED; cancelled ones stay as CANCELLED', async () => {
      const event = await approvedEvent(t.http, organizer, planner, venue.id, {
        titleZh: '原名',
        startsAt: '2035-10-01T09:00',
        endsAt: '2035-10-01T12:00',
      });
      const find = async () =>
        vevents((await t.http.get('/api/v1/public/events.ics').expect(200)).text).find(
          (e) => e.uid === `event-${event.id}@tourism-recovery-planner`,
        );
      const first = (await find())!;
      await new Promise((r) => setTimeout(r, 1100));
      await t.http
        .patch(`/api/v1/events/${event.id}`)
        .set(organizer.auth)
        .send({ titleZh: '新名' })
        .expect(200);
      const renamed = (await find())!;
      expect(text(renamed.summary)).toContain('新名');
      expect(Number(renamed.sequence)).toBeGreaterThan(Number(first.sequence));
      expect(renamed.lastmodified!.getTime()).toBeGreaterThan(first.lastmodified!.getTime());
      await t.http
        .post(`/api/v1/events/${event.id}/cancel`)
        .set(organizer.auth)
        .send({ reason: '天气' })
        .expect(200);
      const cancelled = (await find())!;
      expect(cancelled.status).toBe('CANCELLED');
      expect(Number(cancelled.sequence)).toBeGreaterThan(Number(renamed.sequence));
      const never = await createEvent(t.http, organizer, venue.id);
      await t.http.post(`/api/v1/events/${never.id}/cancel`).set(organizer.auth).expect(200);
      expect((await t.http.get('/api/v1/public/events.ics')).text).not.toContain(never.id);
    });

    it('leaves out an approved event sent back for approval by an edit, until it is approved again', async () => {
      const event = await approvedEvent(t.http, organizer, planner, venue.id, {
        startsAt: '2035-11-01T09:00',
        endsAt: '2035-11-01T12:00',
      });
      const inFeed = async () =>
        (await t.http.get('/api/v1/public/events.ics').expect(200)).text.includes(event.id);
      expect(await inFeed()).toBe(true);
      await t.http
        .patch(`/api/v1/events/${event.id}`)
        .set(organizer.auth)
        .send({ startsAt: '2035-11-02T09:00', endsAt: '2035-11-02T12:00' })
        .expect(200);
      expect(await inFeed()).toBe(false);
      await t.http.post(`/api/v1/events/${event.id}/approve`).set(planner.auth).send({}).expect(200);
      expect(await inFeed()).toBe(true);
    });

    it('agrees with GET /public/events over the same window, by default every date (the demo’s 2022 event too)', async () => {
      const old = await approvedEvent(t.http, organizer, planner, venue.id, {
        titleZh: '二〇二二年的活动',
        startsAt: '2022-10-14T09:00',
        endsAt: '2022-10-16T17:00',
      });
      const compare = async (window: string) => {
        const listed = (
          await t.http.get(`/api/v1/public/events?limit=200${window ? `&${window}` : ''}`).expect(200)
        ).body.items.map((e: { id: string }) => `event-${e.id}@tourism-recovery-planner`);
        const feed = vevents(
          (await t.http.get(`/api/v1/public/events.ics${window ? `?${window}` : ''}`).expect(200)).text,
        )
          .filter((e) => e.status === 'CONFIRMED')
          .map((e) => e.uid);
        expect(feed.sort()).toEqual(listed.sort());
        return listed as string[];
      };
      expect(await compare('')).toContain(`event-${old.id}@tourism-recovery-planner`);
      expect(await compare('from=2030-01-01')).not.toContain(`event-${old.id}@tourism-recovery-planner`);
      expect(await compare('from=2022-10-16&to=2022-10-16')).toEqual([
        `event-${old.id}@tourism-recovery-planner`,
      ]);
      const bad = await t.http.get('/api/v1/public/events.ics?from=2022-12-01&to=2022-01-01').expect(400);
      expect(bad.body.message).toMatch(/from|to/);
      await t.http.get('/api/v1/public/events.ics?from=yesterday').expect(400);
    });
  });

  describe('private feed', () => {
    it("serves the user's visible events (no drafts) and campaigns at a URL with its own token", async () => {
      const token = await t.http.post('/api/v1/me/calendar-token').set(organizer.auth).expect(201);
      expect(token.body.token).toMatch(/^trc_/);
      expect(token.body.feedUrl).toBe(
        `${t.config.http.publicUrl}/api/v1/calendar/feed/${token.body.token}.ics`,
      );
      expect(token.body.webcalUrl).toMatch(/^webcal:\/\//);
      const res = await t.http.get(`/api/v1/calendar/feed/${token.body.token}.ics`).expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const uids = vevents(res.text).map((e) => e.uid);
      expect(uids).toEqual(
        expect.arrayContaining([
          `event-${ids.wingsuit}@tourism-recovery-planner`,
          `event-${ids.submitted}@tourism-recovery-planner`,
          `campaign-${ids.sports}@tourism-recovery-planner`,
          `campaign-${ids.rail}@tourism-recovery-planner`,
        ]),
      );
      expect(uids).not.toContain(`event-${ids.marathon}@tourism-recovery-planner`);
      expect(uids).not.toContain(`event-${ids.ownDraft}@tourism-recovery-planner`);
      expect(uids).not.toContain(`campaign-${ids.draft}@tourism-recovery-planner`);
      const parsed = vevents(res.text);
      const submitted = parsed.find((e) => e.uid.includes(ids.submitted))!;
      expect(submitted.status).toBe('TENTATIVE');
      const rail = parsed.find((e) => e.uid.includes(ids.rail))!;
      expect(rail.datetype).toBe('date');
      expect(text(rail.summary)).toContain('高铁营销');
    });

    it('rotates and revokes: old URLs answer 404, and the tokens are not interchangeable with API tokens', async () => {
      const first = (await t.http.post('/api/v1/me/calendar-token').set(viewer.auth).expect(201)).body.token;
      await t.http.get(`/api/v1/calendar/feed/${first}.ics`).expect(200);
      const second = (await t.http.post('/api/v1/me/calendar-token').set(viewer.auth).expect(201)).body.token;
      const gone = await t.http.get(`/api/v1/calendar/feed/${first}.ics`).expect(404);
      expect(gone.body.code).toBe('not_found');
      const viewerFeed = await t.http.get(`/api/v1/calendar/feed/${second}.ics`).expect(200);
      expect(vevents(viewerFeed.text).map((e) => e.uid)).toContain(
        `event-${ids.marathon}@tourism-recovery-planner`,
      );
      await t.http.get('/api/v1/me').set('Authorization', `Bearer ${second}`).expect(401);
      await t.http.get(`/api/v1/calendar/feed/${viewer.token}.ics`).expect(404);
      await t.http.delete('/api/v1/me/calendar-token').set(viewer.auth).expect(204);
      await t.http.get(`/api/v1/calendar/feed/${second}.ics`).expect(404);
      await t.http.delete('/api/v1/me/calendar-token').set(viewer.auth).expect(204);
      await t.http.post('/api/v1/me/calendar-token').expect(401);
    });
  });

  describe('one event as .ics', () => {
    it('is available to whoever may see the event, 404 to another organization', async () => {
      const res = await t.http
        .get(`/api/v1/events/${ids.wingsuit}/calendar.ics`)
        .set(organizer.auth)
        .expect(200);
      expect(vevents(res.text).map((e) => e.uid)).toEqual([`event-${ids.wingsuit}@tourism-recovery-planner`]);
      await t.http.get(`/api/v1/events/${ids.wingsuit}/calendar.ics`).set(planner.auth).expect(200);
      const hidden = await t.http
        .get(`/api/v1/events/${ids.wingsuit}/calendar.ics`)
        .set(otherOrganizer.auth)
        .expect(404);
      expect(hidden.body.message).toBe(`Event ${ids.wingsuit} was not found`);
    });
  });
});
