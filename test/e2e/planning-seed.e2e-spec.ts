import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TokenService } from '../../src/common/auth/token.service.js';
import { CAMPAIGN_CHANNELS } from '../../src/campaigns/campaign-status.js';
import { seedPlanning } from '../../src/events/planning.seed-step.js';
import { DEMO_SEED_STEPS } from '../../src/seeding/demo-seed-steps.js';
import { seedDemo, type SeededUser } from '../../src/seeding/demo-seed.js';
import { seedVenues } from '../../src/venues/venues.seed-step.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('planning demo seed', () => {
  let t: TestApp;
  let users: SeededUser[];
  const auth = (role: string) => ({ Authorization: `Bearer ${users.find((u) => u.role === role)!.token}` });

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    users = (await seedDemo(t.dataSource, t.app.get(TokenService), [seedVenues, seedPlanning]))!;
  });
  afterAll(() => t.close());

  it('is registered in the demo start', () => {
    expect(DEMO_SEED_STEPS).toEqual(expect.arrayContaining([seedVenues, seedPlanning]));
    expect(DEMO_SEED_STEPS.indexOf(seedVenues)).toBeLessThan(DEMO_SEED_STEPS.indexOf(seedPlanning));
  });

  it('loads the venues named in the report, marked illustrative where figures are', async () => {
    const venues = (await t.http.get('/api/v1/venues?limit=200').set(auth('viewer')).expect(200)).body
      .items as { nameZh: string; note: string; maxDailyCapacity: number | null }[];
    const names = venues.map((v) => v.nameZh).join(' ');
    for (const place of [
      '武陵源',
      '天门山',
      '张家界大峡谷',
      '洪家关',
      '七星山',
      '长征国家文化公园',
      '体育中心',
      '广场',
      '线上',
    ])
      expect(names).toContain(place);
    for (const v of venues)
      if (v.maxDailyCapacity !== null) expect(v.note.toLowerCase()).toContain('illustrative');
  });

  it('loads a campaign for every channel and the four 2022 events, all marked illustrative', async () => {
    const campaigns = (await t.http.get('/api/v1/campaigns?limit=200').set(auth('planner')).expect(200)).body
      .items as { channel: string; note: string; linkedEventIds: string[] }[];
    expect([...new Set(campaigns.map((c) => c.channel))].sort()).toEqual([...CAMPAIGN_CHANNELS].sort());
    for (const c of campaigns) expect(c.note).toContain('illustrative');
    const events = (await t.http.get('/api/v1/events?limit=200').set(auth('planner')).expect(200)).body
      .items as { titleZh: string; status: string; note: string; campaignId: string | null }[];
    expect(events.map((e) => [e.titleZh, e.status])).toEqual([
      ['全国新年登高健身活动（张家界站）', 'completed'],
      ['张家界国家森林公园成立40周年庆祝活动', 'approved'],
      ['第九届天门山翼装飞行世界锦标赛', 'submitted'],
      ['环天门山马拉松', 'draft'],
    ]);
    for (const e of events) expect(e.note).toContain('illustrative');
    expect(campaigns.find((c) => c.channel === 'sports_event')!.linkedEventIds).toHaveLength(2);
  });

  it('gives the demo planner something to decide: the wingsuit championship waits, near the flow-control level', async () => {
    const events = (await t.http.get('/api/v1/events?status=submitted').set(auth('planner')).expect(200)).body
      .items as { id: string }[];
    const checks = (
      await t.http.get(`/api/v1/events/${events[0].id}/checks`).set(auth('planner')).expect(200)
    ).body as { code: string }[];
    expect(checks.map((w) => w.code)).toContain('capacity_near_limit');
    const own = (await t.http.get('/api/v1/events').set(auth('organizer')).expect(200)).body.items as {
      titleZh: string;
    }[];
    expect(own.map((e) => e.titleZh)).toEqual(['第九届天门山翼装飞行世界锦标赛']);
  });
});
