import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACCOUNTABILITY_CAMPAIGNS, ACCOUNTABILITY_EVENTS } from '../../seeds/accountability.seed.js';
import { yearlyTotals } from '../../seeds/baseline.seed.js';
import { Actual } from '../../src/actuals/actual.entity.js';
import { Campaign } from '../../src/campaigns/campaign.entity.js';
import { TokenService } from '../../src/common/auth/token.service.js';
import { EffectMeasurement } from '../../src/effects/effect-measurement.service.js';
import { Event } from '../../src/events/event.entity.js';
import { DEMO_SEED_STEPS } from '../../src/seeding/demo-seed-steps.js';
import { seedDemo, type SeededUser } from '../../src/seeding/demo-seed.js';
import { pinClock } from '../factories/actuals.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface EffectBody {
  scope: string;
  metric: string;
  verdict: string;
  reason: string | null;
  estimate: number | null;
  interval80: { lower: number; upper: number } | null;
  interval95: { lower: number; upper: number } | null;
  share: number | null;
  split: { itemType: string; itemId: string; share: number }[];
}

/** On the demo data, the effect endpoints show every verdict. */
describe('measured effects of the demo data', () => {
  let t: TestApp;
  let users: SeededUser[];
  const auth = (role: string) => ({ Authorization: `Bearer ${users.find((u) => u.role === role)!.token}` });
  const campaignId = async (name: string) =>
    (await t.dataSource.getRepository(Campaign).findOneByOrFail({ name })).id;
  const eventId = async (titleZh: string) =>
    (await t.dataSource.getRepository(Event).findOneByOrFail({ titleZh })).id;
  const effects = async (path: string): Promise<EffectBody[]> => {
    const body = (await t.http.get(path).set(auth('viewer')).expect(200)).body;
    expect(body.state).toBe('measured');
    return body.effects;
  };
  const city = (list: EffectBody[], metric = 'visitors') =>
    list.find((e) => e.scope === 'city' && e.metric === metric)!;

  beforeAll(async () => {
    t = await createTestApp();
    pinClock(t.app, '2022-04-11T04:00:00Z');
    users = (await seedDemo(t.dataSource, t.app.get(TokenService), DEMO_SEED_STEPS))!;
    // The seed runs after the worker started (as in `npm start`): the periodic refresh, run now.
    await t.app.get(EffectMeasurement).refresh();
  }, 300_000);
  afterAll(() => t.close());

  it('keeps every year total of the demo actuals exact while adding the illustrative effects', async () => {
    const total = async (year: number) =>
      Number(
        (
          await t.dataSource
            .getRepository(Actual)
            .createQueryBuilder('a')
            .select('SUM(a.value)', 'sum')
            .where("a.scopeKey = 'city' AND a.metric = 'visitors' AND a.date LIKE :y", { y: `${year}-%` })
            .getRawOne<{ sum: string }>()
        )?.sum,
      );
    expect(await total(2021)).toBe(yearlyTotals('visitors', null)[2021]);
    expect(await total(2020)).toBe(yearlyTotals('visitors', null)[2020]);
  });

  it('shows measured, not detectable and not measurable campaigns', async () => {
    const [summer, online, spring] = ['summer-rail-2021', 'online-2021-11', 'spring-2021'].map(
      (key) => ACCOUNTABILITY_CAMPAIGNS.find((c) => c.key === key)!.name,
    );
    const measured = city(await effects(`/api/v1/campaigns/${await campaignId(summer)}/effect`));
    expect(measured.verdict).toBe('measured');
    expect(measured.estimate).toBeGreaterThan(0);
    expect(city(await effects(`/api/v1/campaigns/${await campaignId(online)}/effect`)).verdict).toBe(
      'no_effect_detectable',
    );
    const early = city(await effects(`/api/v1/campaigns/${await campaignId(spring)}/effect`));
    expect(early.verdict).toBe('not_measurable');
    expect(early.reason).toMatch(/too little history/);
  });

  it('measures the completed January 2022 campaigns: an estimate with its intervals, and one not detectable', async () => {
    const [iceSnow, winterTours] = ['ice-snow-2022', 'winter-tours-2022'].map(
      (key) => ACCOUNTABILITY_CAMPAIGNS.find((c) => c.key === key)!.name,
    );
    for (const metric of ['visitors', 'revenue']) {
      const measured = city(await effects(`/api/v1/campaigns/${await campaignId(iceSnow)}/effect`), metric);
      expect(measured.verdict).toBe('measured');
      const { estimate, interval80, interval95 } = measured;
      expect(estimate).toBeGreaterThan(0);
      // Nested intervals around the estimate, the 95 % one above zero.
      expect(interval95!.lower).toBeGreaterThan(0);
      expect(interval95!.lower).toBeLessThan(interval80!.lower);
      expect(interval80!.lower).toBeLessThan(estimate!);
      expect(estimate).toBeLessThan(interval80!.upper);
      expect(interval80!.upper).toBeLessThan(interval95!.upper);
    }
    const none = city(await effects(`/api/v1/campaigns/${await campaignId(winterTours)}/effect`));
    expect(none.verdict).toBe('no_effect_detectable');
    expect(none.interval95!.lower).toBeLessThan(0);
    expect(none.interval95!.upper).toBeGreaterThan(0);
  });

  it('splits the city excess between the autumn campaign and the event inside its window', async () => {
    const festival = ACCOUNTABILITY_EVENTS.find((e) => e.campaign === 'autumn-festival-2021')!;
    const id = await eventId(festival.titleZh);
    const list = await effects(`/api/v1/events/${id}/effect`);
    const venue = list.find((e) => e.scope === 'venue' && e.metric === 'visitors')!;
    expect(venue.verdict).toBe('measured');
    const shared = city(list);
    expect(shared.split).toHaveLength(2);
    expect(shared.share).toBeCloseTo(14_000 / (14_000 + 150_000), 6);
    const late = ACCOUNTABILITY_EVENTS.find((e) => e.startsAt.startsWith('2022-04-10'))!;
    const lateEffects = await effects(`/api/v1/events/${await eventId(late.titleZh)}/effect`);
    expect(lateEffects.every((e) => e.verdict === 'not_measurable' && /lacks actuals/.test(e.reason!))).toBe(
      true,
    );
  });
});
