import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ItemEffect } from '../../src/effects/item-effect.entity.js';
import type { ScoreRow } from '../../src/scoreboard/scoreboard-math.js';
import { newId } from '../../src/infra/database/new-id.js';
import { pinClock } from '../factories/actuals.factory.js';
import { approvedEvent, createCampaign, createVenue } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// "Today" is 1 June 2022: campaigns completed today were completed on 2022-06-01.
const NOW = '2022-06-01T04:00:00Z';

type Verdict = 'measured' | 'no_effect_detectable' | 'not_measurable';

/**
 * The scoreboard reads measured effects through the effects feature's store. The measuring job
 * itself is tested in effects.e2e-spec; here the app runs without workers and the effects of
 * the campaigns are written into that store as the job would (city scope, one row per metric).
 */
describe('scoreboard', () => {
  let t: TestApp;
  let planner: TestUser;
  let viewer: TestUser;
  let organizer: TestUser;
  let fundId: string;
  const ids: Record<string, string> = {};

  const storeEffect = async (
    campaignId: string,
    metric: 'visitors' | 'revenue',
    verdict: Verdict,
    estimate: number | null,
    reason: string | null = null,
  ) => {
    await t.dataSource.getRepository(ItemEffect).insert({
      id: newId(),
      itemType: 'campaign',
      itemId: campaignId,
      year: 2022,
      scope: 'city',
      venueId: null,
      metric,
      inputsHash: newId().replace(/-/g, '').padEnd(64, '0'),
      computedAt: new Date(NOW),
      revision: 1,
      verdict,
      reason,
      method: verdict === 'not_measurable' ? null : 'forecast',
      windowStart: '2022-04-01',
      windowEnd: '2022-05-31',
      groupStart: '2022-04-01',
      groupEnd: '2022-05-31',
      actual: null,
      counterfactual: null,
      groupEstimate: estimate,
      share: estimate === null ? null : 1,
      estimate,
      lo80: estimate === null ? null : Math.round(estimate * 0.8),
      hi80: estimate === null ? null : Math.round(estimate * 1.2),
      lo95: estimate === null ? null : Math.round(estimate * 0.7),
      hi95: estimate === null ? null : Math.round(estimate * 1.3),
      split: [],
    } as ItemEffect);
  };

  /** A 2022 campaign funded from the fund, completed today with its spend (or left active). */
  const campaign = async (
    key: string,
    unit: string,
    channel: string,
    allocation: number,
    endDate: string,
    spend: number | null,
  ) => {
    const c = await createCampaign(t.http, planner, {
      responsibleUnit: unit,
      channel,
      startDate: '2022-04-01',
      endDate,
      expectedIncrementalVisitors: 50_000,
      expectedIncrementalRevenueYuan: 40_000_000,
    });
    ids[key] = c.id;
    await t.http
      .post(`/api/v1/funds/${fundId}/allocations`)
      .set(planner.auth)
      .send({ campaignId: c.id, amountYuan: allocation })
      .expect(201);
    for (const step of ['schedule', 'activate'])
      await t.http.post(`/api/v1/campaigns/${c.id}/${step}`).set(planner.auth).expect(200);
    if (spend !== null)
      await t.http
        .post(`/api/v1/campaigns/${c.id}/complete`)
        .set(planner.auth)
        .send({ actualSpendYuan: spend })
        .expect(200);
  };

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    pinClock(t.app, NOW);
    const admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    viewer = await createUser(t.app, 'viewer');
    organizer = await createUser(t.app, 'organizer');
    fundId = (
      await t.http
        .post('/api/v1/funds')
        .set(planner.auth)
        .send({
          name: '市级资金',
          kind: 'municipal_budget',
          year: 2022,
          amountYuan: 20_000_000,
          responsibleUnit: '市财政局',
        })
        .expect(201)
    ).body.id;
    await campaign('regional', '市场管理科', 'regional', 2_000_000, '2022-05-25', 1_800_000); // on time
    await campaign('media', '宣传推广科', 'media', 3_000_000, '2022-05-20', 3_000_000); // on time
    await campaign('mediaLate', '宣传推广科', 'media', 1_000_000, '2022-05-01', null); // overdue, no spend
    await campaign('overseas', '国际交流科', 'overseas', 1_000_000, '2022-05-31', 900_000);
    await campaign('sports', '体育中心', 'sports_event', 2_000_000, '2022-04-30', 1_800_000); // 32 days late
    await storeEffect(ids.regional, 'visitors', 'measured', 90_000); // 20 yuan per visitor
    await storeEffect(ids.regional, 'revenue', 'measured', 72_000_000); // 40 per yuan
    await storeEffect(ids.media, 'visitors', 'measured', 60_000); // 50 yuan per visitor
    await storeEffect(ids.media, 'revenue', 'no_effect_detectable', 10_000_000);
    await storeEffect(ids.overseas, 'visitors', 'not_measurable', null, 'window without actuals');
    await storeEffect(ids.overseas, 'revenue', 'not_measurable', null, 'window without actuals');
    await storeEffect(ids.sports, 'visitors', 'measured', 90_000); // 20: a tie with 市场管理科
    const venueId = (await createVenue(t.http, admin)).id;
    // An organizer's event that ended without its attendance recorded.
    await approvedEvent(t.http, organizer, planner, venueId, {
      startsAt: '2022-05-10T09:00',
      endsAt: '2022-05-10T18:00',
      expectedAttendance: 1000,
      expectedOutsideCitySharePct: 60,
    });
  });
  afterAll(() => t.close());

  const board = async (query: string, by = viewer) =>
    (await t.http.get(`/api/v1/scoreboard?${query}`).set(by.auth).expect(200)).body;

  it('ranks the responsible units by yuan per measured visitor, with ties, and the rest apart', async () => {
    const body = await board('year=2022&by=unit');
    expect(body).toMatchObject({ year: 2022, by: 'unit', today: '2022-06-01' });
    const rows = body.rows as ScoreRow[];
    expect(rows.map((r) => [r.label, r.ranks.yuanPerMeasuredVisitor])).toEqual([
      ['市场管理科', 1],
      ['体育中心', 1],
      ['宣传推广科', 3],
      [expect.any(String), null],
      [expect.any(String), null],
    ]);
    const market = rows[0];
    expect(market).toMatchObject({
      campaigns: 1,
      budgetYuan: 2_000_000,
      allocatedYuan: 2_000_000,
      spentYuan: 1_800_000,
      utilisation: 0.9,
      expected: { visitors: 50_000, revenueYuan: 40_000_000 },
      measured: { items: 1, significant: 1, visitors: 90_000, revenueYuan: 72_000_000, spendYuan: 1_800_000 },
      yuanPerMeasuredVisitor: 20,
      measuredRevenuePerYuan: 40,
      discipline: { rate: 1, campaignsDue: 1, campaignsOnTime: 1, eventsDue: 0, eventsCompleted: 0 },
      ranks: { measuredRevenuePerYuan: 1, discipline: 1 },
    });
    const sports = rows[1];
    expect(sports).toMatchObject({
      yuanPerMeasuredVisitor: 20,
      measuredRevenuePerYuan: null,
      discipline: { rate: 0 },
    });
    // Discipline: 市场管理科 and 国际交流科 share rank 1 (all on time), 宣传推广科 3, the two at 0 share 4.
    expect(sports.ranks).toEqual({ yuanPerMeasuredVisitor: 1, measuredRevenuePerYuan: null, discipline: 4 });
    const promo = rows[2];
    expect(promo).toMatchObject({
      label: '宣传推广科',
      campaigns: 2,
      budgetYuan: 4_000_000,
      spentYuan: 3_000_000,
      utilisation: 0.75,
      yuanPerMeasuredVisitor: 50,
      measuredRevenuePerYuan: 10_000_000 / 3_000_000,
      open: 1,
      discipline: { rate: 0.5, campaignsDue: 2, campaignsOnTime: 1 },
      ranks: { yuanPerMeasuredVisitor: 3, measuredRevenuePerYuan: 2, discipline: 3 },
    });
    // Not measurable: counted apart with the reason, never as zero.
    const overseas = rows.find((r) => r.label === '国际交流科')!;
    expect(overseas).toMatchObject({
      spentYuan: 900_000,
      measured: { items: 0, visitors: null, revenueYuan: null, spendYuan: 0 },
      unmeasured: { items: 1, spendYuan: 900_000 },
      yuanPerMeasuredVisitor: null,
      notRankedBecause: 'no completed campaign has a measured effect on visitors',
      notRankedCode: 'no_measured_campaign',
    });
    expect(overseas.unmeasured.list[0]).toMatchObject({
      verdict: 'not_measurable',
      reason: 'window without actuals',
      reasonCode: 'not_measurable',
    });
    // The organizer's organization answers for its event: ended, attendance not recorded.
    const org = rows.find((r) => r.events === 1)!;
    expect(org).toMatchObject({
      campaigns: 0,
      expected: { visitors: 600 },
      notRankedBecause: 'no campaigns (events carry no spend)',
      notRankedCode: 'no_campaigns',
      discipline: { rate: 0, eventsDue: 1, eventsCompleted: 0 },
    });
    expect(body.caveats.join(' ')).toContain('never counted as zero');
  });

  it('answers which channel brings the most visitors per yuan, and groups by organization', async () => {
    const channels = await board('year=2022&by=channel');
    expect(channels.leader).toMatchObject({
      key: 'regional',
      yuanPerMeasuredVisitor: 20,
      visitorsPerYuan: 0.05,
    });
    expect(channels.rows.map((r: { key: string }) => r.key)).toEqual(
      expect.arrayContaining(['regional', 'sports_event', 'media', 'overseas', 'organizer_events']),
    );
    const orgs = await board('year=2022&by=organization');
    const none = orgs.rows.find((r: { key: string }) => r.key === 'none');
    expect(none.campaigns).toBe(5);
    expect(none.spentYuan).toBe(1_800_000 + 3_000_000 + 900_000 + 1_800_000);
    // Another year: nothing.
    expect((await board('year=2021')).rows).toEqual([]);
  });

  it('exports the scoreboard as CSV with BOM', async () => {
    const res = await t.http
      .get('/api/v1/scoreboard/export.csv?year=2022&by=unit')
      .set(planner.auth)
      .expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const lines = res.text.slice(1).trim().split('\r\n');
    expect(
      lines[0].startsWith('group,key,campaigns,events,budget_yuan,allocated_yuan,spent_yuan,utilisation'),
    ).toBe(true);
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain('市场管理科');
    expect(lines.find((l) => l.startsWith('国际交流科'))).toContain(
      'not_measurable (window without actuals)',
    );
  });

  it('is for admins, planners and viewers, and refuses bad queries', async () => {
    await t.http.get('/api/v1/scoreboard?year=2022').set(organizer.auth).expect(403);
    await t.http.get('/api/v1/scoreboard/export.csv?year=2022').set(organizer.auth).expect(403);
    await t.http.get('/api/v1/scoreboard?year=2022').expect(401);
    const missing = await t.http.get('/api/v1/scoreboard').set(viewer.auth).expect(400);
    expect(JSON.stringify(missing.body)).toContain('year');
    const by = await t.http.get('/api/v1/scoreboard?year=2022&by=district').set(viewer.auth).expect(400);
    expect(JSON.stringify(by.body)).toContain('by');
  });
});
