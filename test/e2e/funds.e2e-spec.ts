import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FundAllocation } from '../../src/funds/fund-allocation.entity.js';
import { createCampaign } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('funds', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let viewer: TestUser;
  let organizer: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    viewer = await createUser(t.app, 'viewer');
    organizer = await createUser(t.app, 'organizer');
  });
  afterAll(() => t.close());

  const fundBody = (overrides: Record<string, unknown> = {}) => ({
    name: '2022 年市级旅游营销专项资金',
    kind: 'municipal_budget',
    year: 2022,
    amountYuan: 10_000_000,
    responsibleUnit: '市财政局',
    note: 'test',
    ...overrides,
  });
  const createFund = async (overrides: Record<string, unknown> = {}, by = planner) =>
    (await t.http.post('/api/v1/funds').set(by.auth).send(fundBody(overrides)).expect(201)).body as {
      id: string;
      amountYuan: number;
    };
  const allocate = (fundId: string, campaignId: string, amountYuan: number, by = planner) =>
    t.http.post(`/api/v1/funds/${fundId}/allocations`).set(by.auth).send({ campaignId, amountYuan });

  it('lets planners and admins write and every signed-in role read', async () => {
    const fund = await createFund({}, admin);
    await t.http.post('/api/v1/funds').set(viewer.auth).send(fundBody()).expect(403);
    await t.http.post('/api/v1/funds').set(organizer.auth).send(fundBody()).expect(403);
    await t.http.post('/api/v1/funds').send(fundBody()).expect(401);
    for (const who of [viewer, organizer, planner]) {
      const res = await t.http.get(`/api/v1/funds/${fund.id}`).set(who.auth).expect(200);
      expect(res.body).toMatchObject({
        allocatedYuan: 0,
        spentYuan: 0,
        remainingYuan: 10_000_000,
        utilisation: null,
      });
    }
    await t.http.patch(`/api/v1/funds/${fund.id}`).set(viewer.auth).send({ name: 'x' }).expect(403);
    const list = await t.http.get('/api/v1/funds?year=2022&limit=1').set(organizer.auth).expect(200);
    expect(list.body).toMatchObject({ limit: 1, offset: 0 });
    expect(list.body.total).toBeGreaterThanOrEqual(1);
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const res = await t.http
      .post('/api/v1/funds')
      .set(planner.auth)
      .send(fundBody({ kind: 'lottery' }))
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('kind');
    await t.http
      .post('/api/v1/funds')
      .set(planner.auth)
      .send(fundBody({ amountYuan: 1.5 }))
      .expect(400);
    await t.http
      .patch(`/api/v1/funds/${(await createFund()).id}`)
      .set(planner.auth)
      .send({ amountYuan: null })
      .expect(400);
    await t.http.get('/api/v1/funds/00000000-0000-4000-8000-000000000000').set(viewer.auth).expect(404);
  });

  it('makes a campaign’s budget the sum of its allocations and refuses a budget that disagrees', async () => {
    const a = await createFund({ amountYuan: 5_000_000 });
    const b = await createFund({
      kind: 'provincial_special',
      amountYuan: 2_000_000,
      responsibleUnit: '省文旅厅',
    });
    const campaign = await createCampaign(t.http, planner, { budgetYuan: 9_999 });
    const first = await allocate(a.id, campaign.id, 3_000_000).expect(201);
    expect(first.body).toMatchObject({ fundId: a.id, campaignId: campaign.id, amountYuan: 3_000_000 });
    await allocate(b.id, campaign.id, 1_000_000).expect(201);
    const c = await t.http.get(`/api/v1/campaigns/${campaign.id}`).set(viewer.auth).expect(200);
    expect(c.body.budgetYuan).toBe(4_000_000);

    const refused = await t.http
      .patch(`/api/v1/campaigns/${campaign.id}`)
      .set(planner.auth)
      .send({ budgetYuan: 5_000_000, name: 'renamed' })
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'budget_from_allocations',
      details: { allocatedYuan: 4_000_000, requestedBudgetYuan: 5_000_000 },
    });
    // Nothing changed, not even the name.
    expect((await t.http.get(`/api/v1/campaigns/${campaign.id}`).set(viewer.auth)).body.name).not.toBe(
      'renamed',
    );
    await t.http
      .patch(`/api/v1/campaigns/${campaign.id}`)
      .set(planner.auth)
      .send({ budgetYuan: 4_000_000 })
      .expect(200);

    // Changing an allocation moves the budget too; a second allocation of the same pair is a 409.
    const again = await allocate(a.id, campaign.id, 1).expect(409);
    expect(again.body.code).toBe('allocation_exists');
    await t.http
      .patch(`/api/v1/funds/${a.id}/allocations/${first.body.id}`)
      .set(planner.auth)
      .send({ amountYuan: 2_500_000 })
      .expect(200);
    const funding = await t.http
      .get(`/api/v1/campaigns/${campaign.id}/funding`)
      .set(organizer.auth)
      .expect(200);
    expect(funding.body).toMatchObject({ budgetYuan: 3_500_000, allocatedYuan: 3_500_000 });
    expect(funding.body.allocations).toHaveLength(2);

    // Spend of the completed campaign is shared pro rata: 2,500,000 / 1,000,000 of 1,400,000.
    await t.http.post(`/api/v1/campaigns/${campaign.id}/schedule`).set(planner.auth).expect(200);
    await t.http.post(`/api/v1/campaigns/${campaign.id}/activate`).set(planner.auth).expect(200);
    await t.http
      .post(`/api/v1/campaigns/${campaign.id}/complete`)
      .set(planner.auth)
      .send({ actualSpendYuan: 1_400_000 })
      .expect(200);
    const fa = (await t.http.get(`/api/v1/funds/${a.id}`).set(viewer.auth).expect(200)).body;
    const fb = (await t.http.get(`/api/v1/funds/${b.id}`).set(viewer.auth).expect(200)).body;
    expect(fa).toMatchObject({
      allocatedYuan: 2_500_000,
      spentYuan: 1_000_000,
      remainingYuan: 2_500_000,
      utilisation: 0.4,
    });
    expect(fb).toMatchObject({ allocatedYuan: 1_000_000, spentYuan: 400_000, remainingYuan: 1_000_000 });
    // A completed campaign's funding is settled.
    const closed = await t.http
      .patch(`/api/v1/funds/${a.id}/allocations/${first.body.id}`)
      .set(planner.auth)
      .send({ amountYuan: 1_000_000 })
      .expect(409);
    expect(closed.body.code).toBe('campaign_closed');
    const moving = await t.http
      .patch(`/api/v1/funds/${a.id}`)
      .set(planner.auth)
      .send({ year: 2023 })
      .expect(409);
    expect(moving.body.code).toBe('fund_has_allocations');
    const deleting = await t.http.delete(`/api/v1/funds/${a.id}`).set(planner.auth).expect(409);
    expect(deleting.body.code).toBe('fund_has_allocations');
  });

  it('refuses over-allocation with a 409 naming the fund and the amounts', async () => {
    const fund = await createFund({ name: '赞助资金', kind: 'sponsorship', amountYuan: 1_000_000 });
    const c1 = await createCampaign(t.http, planner);
    const c2 = await createCampaign(t.http, planner);
    await allocate(fund.id, c1.id, 800_000).expect(201);
    const res = await allocate(fund.id, c2.id, 300_000).expect(409);
    expect(res.body).toMatchObject({
      code: 'fund_over_allocated',
      details: {
        fundId: fund.id,
        fundName: '赞助资金',
        amountYuan: 1_000_000,
        allocatedYuan: 800_000,
        requestedYuan: 300_000,
        remainingYuan: 200_000,
      },
    });
    expect(res.body.message).toContain('赞助资金');
    expect(res.body.message).toContain('1000000');
    // Lowering the fund below what is allocated is refused too; cancelling a campaign releases its money.
    expect(
      (
        await t.http
          .patch(`/api/v1/funds/${fund.id}`)
          .set(planner.auth)
          .send({ amountYuan: 700_000 })
          .expect(409)
      ).body.code,
    ).toBe('fund_over_allocated');
    await t.http.post(`/api/v1/campaigns/${c1.id}/cancel`).set(planner.auth).send({}).expect(200);
    await allocate(fund.id, c2.id, 1_000_000).expect(201);
    // A campaign outside the fund's year.
    const old = await createCampaign(t.http, planner, { startDate: '2021-03-01', endDate: '2021-04-01' });
    expect((await allocate(fund.id, old.id, 1).expect(422)).body.code).toBe('fund_year_mismatch');
  });

  it('never exceeds a fund under concurrent allocations', async () => {
    const fund = await createFund({ amountYuan: 10_000_000 });
    const campaigns = [];
    for (let i = 0; i < 30; i++) campaigns.push(await createCampaign(t.http, planner));
    // 30 requests of 700,000 at once: exactly 14 fit into 10,000,000.
    const results = await Promise.all(campaigns.map((c) => allocate(fund.id, c.id, 700_000)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(14);
    expect(statuses.filter((s) => s === 409)).toHaveLength(16);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.code).toBe('fund_over_allocated');
    const rows = await t.dataSource.getRepository(FundAllocation).findBy({ fundId: fund.id });
    expect(rows.reduce((s, r) => s + r.amountYuan, 0)).toBe(9_800_000);
    const view = (await t.http.get(`/api/v1/funds/${fund.id}`).set(viewer.auth).expect(200)).body;
    expect(view).toMatchObject({ allocatedYuan: 9_800_000, remainingYuan: 200_000, campaigns: 14 });

    // Raising existing allocations at once: the sum still stays within the amount.
    const allocations = (
      await t.http.get(`/api/v1/funds/${fund.id}/allocations?limit=200`).set(viewer.auth).expect(200)
    ).body;
    expect(allocations.total).toBe(14);
    const raises = await Promise.all(
      allocations.items.map((a: { id: string }) =>
        t.http
          .patch(`/api/v1/funds/${fund.id}/allocations/${a.id}`)
          .set(planner.auth)
          .send({ amountYuan: 750_000 }),
      ),
    );
    expect(raises.filter((r) => r.status === 200)).toHaveLength(4);
    const after = await t.dataSource.getRepository(FundAllocation).findBy({ fundId: fund.id });
    expect(after.reduce((s, r) => s + r.amountYuan, 0)).toBe(10_000_000);
  });

  it('exports CSV with BOM and guards formula cells', async () => {
    await createFund({ name: '=HYPERLINK("x")', year: 2031 });
    const res = await t.http.get('/api/v1/funds/export.csv?year=2031').set(viewer.auth).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const lines = res.text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'id,name,kind,year,amount_yuan,allocated_yuan,spent_yuan,remaining_yuan,utilisation,campaigns,responsible_unit,note',
    );
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines.filter(Boolean)).toHaveLength(2);
  });
});
