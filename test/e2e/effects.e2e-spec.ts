import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eachDay, isoWeekday, type LocalDate } from '../../src/common/time/local-date.js';
import { EffectMeasurement } from '../../src/effects/effect-measurement.service.js';
import { EffectsQueue } from '../../src/effects/effects-queue.js';
import { ItemEffect } from '../../src/effects/item-effect.entity.js';
import { createRandom } from '../../src/forecasting/random.js';
import { importActuals, pinClock, type DailyRow } from '../factories/actuals.factory.js';
import { approvedEvent, createCampaign, createVenue } from '../factories/planning.factory.js';
import { waitFor } from '../factories/projection.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NOW = '2022-04-10T04:00:00Z';
const MONTHS = [0.55, 0.7, 0.8, 1.0, 1.1, 1.0, 1.4, 1.5, 1.0, 1.25, 0.85, 0.6];
/** The campaign's effect window (15 days + the 7-day tail), where the city gets +30 %. */
const CAMPAIGN = { startDate: '2021-10-10', endDate: '2021-10-24' };
const WINDOW = eachDay('2021-10-10', '2021-10-31');
const UPLIFT = 0.3;

/** Deterministic daily figures with months, weekends and 4 % noise; the city's window lifted. */
function series(metric: 'visitors' | 'revenue', base: number, seed: number, venueId?: string) {
  const random = createRandom(seed);
  let injected = 0;
  const rows: DailyRow[] = eachDay('2020-01-01', '2022-04-08').map((date: LocalDate) => {
    const month = Number(date.slice(5, 7));
    const year = Number(date.slice(0, 4));
    const value =
      base *
      MONTHS[month - 1] *
      (isoWeekday(date) >= 6 ? 1.3 : 1) *
      1.05 ** (year - 2020) *
      (0.98 + 0.04 * random.uniform());
    let v = Math.round(value);
    if (!venueId && WINDOW.includes(date)) {
      const extra = Math.round(v * UPLIFT);
      injected += extra;
      v += extra;
    }
    return { date, metric, value: v, ...(venueId ? { venueId } : {}) };
  });
  return { rows, injected };
}

describe('measured effects (GET /campaigns/:id/effect, /events/:id/effect)', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let viewer: TestUser;
  let organizer: TestUser;
  let otherOrganizer: TestUser;
  let venueId: string;
  let campaignId: string;
  let earlyCampaignId: string;
  let eventId: string;
  let lateEventId: string;
  let injectedVisitors: number;

  const effectOf = async (path: string, by: TestUser = viewer) =>
    (await t.http.get(path).set(by.auth).expect(200)).body;
  const waitMeasured = (path: string) =>
    waitFor(
      `effects of ${path}`,
      async () => {
        const body = await effectOf(path, admin);
        return body.state === 'measured' ? body : undefined;
      },
      120_000,
    );

  beforeAll(async () => {
    t = await createTestApp({ env: { REBUILD_DELAY_MS: '200' } });
    pinClock(t.app, NOW);
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    viewer = await createUser(t.app, 'viewer');
    organizer = await createUser(t.app, 'organizer');
    otherOrganizer = await createUser(t.app, 'organizer');
    venueId = (await createVenue(t.http, admin)).id;

    const cityVisitors = series('visitors', 10_000, 1);
    injectedVisitors = cityVisitors.injected;
    await importActuals(t.app, [
      ...cityVisitors.rows,
      ...series('revenue', 9_000_000, 2).rows,
      ...series('visitors', 2_000, 3, venueId).rows,
      ...series('revenue', 600_000, 4, venueId).rows,
    ]);

    const complete = async (id: string, typedIn: Record<string, number>) => {
      for (const step of ['schedule', 'activate'])
        await t.http.post(`/api/v1/campaigns/${id}/${step}`).set(planner.auth).expect(200);
      await t.http.post(`/api/v1/campaigns/${id}/complete`).set(planner.auth).send(typedIn).expect(200);
    };
    campaignId = (
      await createCampaign(t.http, planner, {
        ...CAMPAIGN,
        expectedIncrementalVisitors: 50_000,
        expectedIncrementalRevenueYuan: 40_000_000,
      })
    ).id;
    earlyCampaignId = (
      await createCampaign(t.http, planner, {
        startDate: '2020-06-01',
        endDate: '2020-06-14',
        expectedIncrementalVisitors: 20_000,
      })
    ).id;
    // Inside the campaign's window: shares the city's excess in proportion to expectations.
    eventId = (
      await approvedEvent(t.http, organizer, planner, venueId, {
        startsAt: '2021-10-15T09:00',
        endsAt: '2021-10-16T18:00',
        expectedAttendance: 1000,
        expectedOutsideCitySharePct: 60,
      })
    ).id;
    // Its one-day tail (9 April) has no actuals yet.
    lateEventId = (
      await approvedEvent(t.http, organizer, planner, venueId, {
        startsAt: '2022-04-08T09:00',
        endsAt: '2022-04-08T18:00',
      })
    ).id;
    await complete(campaignId, { actualSpendYuan: 2_800_000, actualIncrementalVisitors: 77_000 });
    await complete(earlyCampaignId, { actualSpendYuan: 900_000 });
    for (const id of [eventId, lateEventId])
      await t.http
        .post(`/api/v1/events/${id}/complete`)
        .set(organizer.auth)
        .send({ actualAttendance: 1234 })
        .expect(200);
  }, 180_000);
  afterAll(() => t.close());

  it('measures a completed campaign: estimate, 80/95 % intervals, split with the overlapping event', async () => {
    const body = await waitMeasured(`/api/v1/campaigns/${campaignId}/effect`);
    expect(body).toMatchObject({
      itemType: 'campaign',
      itemId: campaignId,
      status: 'completed',
      expected: { visitors: 50_000, revenueYuan: 40_000_000 },
      // The typed-in figures are shown unchanged, beside the measurement.
      typedIn: { visitors: 77_000, revenueYuan: null, spendYuan: 2_800_000 },
    });
    const visitors = body.effects.find((e: { metric: string }) => e.metric === 'visitors');
    expect(visitors).toMatchObject({
      scope: 'city',
      verdict: 'measured',
      method: 'yearly-reference-ratio',
      window: { from: '2021-10-10', to: '2021-10-31' },
      measuredWindow: { from: '2021-10-10', to: '2021-10-31' },
    });
    // The whole window's excess recovers the injected +30 %.
    expect(visitors.interval95.lower).toBeLessThanOrEqual(injectedVisitors * visitors.share + 1);
    expect(visitors.interval95.upper).toBeGreaterThanOrEqual(injectedVisitors * visitors.share - 1);
    expect(Math.abs(visitors.windowExcess - injectedVisitors) / injectedVisitors).toBeLessThan(0.25);
    expect(visitors.interval80.lower).toBeGreaterThan(visitors.interval95.lower);
    expect(visitors.interval80.upper).toBeLessThan(visitors.interval95.upper);
    // Split by expected increments: 50,000 against the event's 600 outside visitors.
    expect(visitors.split).toHaveLength(2);
    expect(visitors.share).toBeCloseTo(50_000 / 50_600, 6);
    expect(
      Math.abs(visitors.estimate - Math.round(visitors.windowExcess * visitors.share)),
    ).toBeLessThanOrEqual(1);
    const eventShare = visitors.split.find((s: { itemType: string }) => s.itemType === 'event');
    expect(eventShare).toMatchObject({ itemId: eventId, expected: 600 });
    expect(eventShare.share).toBeCloseTo(600 / 50_600, 6);

    const campaign = (await t.http.get(`/api/v1/campaigns/${campaignId}`).set(viewer.auth).expect(200)).body;
    expect(campaign.actualIncrementalVisitors).toBe(77_000);

    // The split names its items, as the reader may see them: another organization's event stays
    // unnamed for an organizer (its id alone, which the event's own routes answer with 404).
    const event = (await t.http.get(`/api/v1/events/${eventId}`).set(viewer.auth).expect(200)).body;
    const titled = (split: { itemType: string; title: string | null }[]) =>
      Object.fromEntries(split.map((s) => [s.itemType, s.title]));
    expect(titled(visitors.split)).toEqual({ campaign: campaign.name, event: event.titleZh });
    expect(eventShare.titleEn).toBe(event.titleEn);
    const asOther = await effectOf(`/api/v1/campaigns/${campaignId}/effect`, otherOrganizer);
    const otherVisitors = asOther.effects.find((e: { metric: string }) => e.metric === 'visitors');
    expect(titled(otherVisitors.split)).toEqual({ campaign: campaign.name, event: null });
    expect(otherVisitors.split.find((s: { itemType: string }) => s.itemType === 'event').titleEn).toBeNull();
  });

  it('says why an effect is not measurable: too little history, or a window without actuals', async () => {
    const early = await waitMeasured(`/api/v1/campaigns/${earlyCampaignId}/effect`);
    for (const e of early.effects) {
      expect(e).toMatchObject({ verdict: 'not_measurable', estimate: null, interval95: null });
      expect(e.reason).toMatch(/too little history: a 21-day window needs at least \d+ days/);
      expect(e.reasonCode).toBe('too_little_history');
    }
    const late = await waitMeasured(`/api/v1/events/${lateEventId}/effect`);
    expect(late.effects).toHaveLength(4);
    for (const e of late.effects) {
      expect(e.verdict).toBe('not_measurable');
      expect(e.reason).toContain('lacks actuals for 1 of its 2 day(s)');
      expect(e.reasonCode).toBe('window_lacks_actuals');
    }
  });

  it('measures an event for the city and its venue; no effect detectable where nothing was added', async () => {
    const body = await waitMeasured(`/api/v1/events/${eventId}/effect`);
    expect(body.typedIn).toEqual({ visitors: 1234, revenueYuan: null, spendYuan: null });
    const venue = body.effects.find(
      (e: { scope: string; metric: string }) => e.scope === 'venue' && e.metric === 'visitors',
    );
    expect(venue).toMatchObject({ venueId, verdict: 'no_effect_detectable', share: 1 });
    expect(venue.interval95.lower).toBeLessThan(0);
    expect(venue.interval95.upper).toBeGreaterThan(0);
    const city = body.effects.find(
      (e: { scope: string; metric: string }) => e.scope === 'city' && e.metric === 'visitors',
    );
    expect(city.measuredWindow).toEqual({ from: '2021-10-10', to: '2021-10-31' });
    expect(city.share).toBeCloseTo(600 / 50_600, 6);
  });

  it("lets an organizer see its own organization's event effects only; roles as the item's GET", async () => {
    await t.http.get(`/api/v1/events/${eventId}/effect`).set(organizer.auth).expect(200);
    await t.http.get(`/api/v1/events/${eventId}/effect`).set(otherOrganizer.auth).expect(404);
    await t.http.get(`/api/v1/campaigns/${campaignId}/effect`).set(organizer.auth).expect(200);
    await t.http.get(`/api/v1/campaigns/${campaignId}/effect`).expect(401);
    await t.http
      .get(`/api/v1/campaigns/8c8f1c9e-0000-4000-8000-000000000000/effect`)
      .set(viewer.auth)
      .expect(404);
    await t.http.get(`/api/v1/campaigns/not-a-uuid/effect`).set(viewer.auth).expect(400);
    await t.http
      .get(`/api/v1/events/8c8f1c9e-0000-4000-8000-000000000000/effect`)
      .set(admin.auth)
      .expect(404);
  });

  it('stores one row per inputs version: running twice adds nothing, a changed actual adds a version', async () => {
    const rows = () => t.dataSource.getRepository(ItemEffect).countBy({ itemId: campaignId });
    expect(await rows()).toBe(2);
    const measurement = t.app.get(EffectMeasurement);
    const [first, second] = await Promise.all([measurement.refresh(), measurement.refresh()]);
    expect(first.measured + second.measured).toBe(0);
    expect(await t.app.get(EffectsQueue).enqueue('manual')).toBe(true);
    expect(await t.app.get(EffectsQueue).enqueue('manual')).toBe(true);
    expect(await rows()).toBe(2);

    const before = (await effectOf(`/api/v1/campaigns/${campaignId}/effect`)).effects;
    // A corrected actual inside the window: a new inputs version for the city's visitors.
    await t.http
      .put('/api/v1/actuals')
      .set(admin.auth)
      .send({ date: '2021-10-20', metric: 'visitors', value: 50_000, source: 'correction' })
      .expect(200);
    await waitFor('a new inputs version', async () => (await rows()) === 3, 120_000);
    const after = (await effectOf(`/api/v1/campaigns/${campaignId}/effect`)).effects;
    const v = (list: { metric: string; inputsHash: string; estimate: number }[]) =>
      list.find((e) => e.metric === 'visitors')!;
    expect(v(after).inputsHash).not.toBe(v(before).inputsHash);
    expect(v(after).estimate).toBeGreaterThan(v(before).estimate);
    expect(
      await t.dataSource.getRepository(ItemEffect).countBy({ itemId: campaignId, metric: 'revenue' }),
    ).toBe(1);
  });
});
