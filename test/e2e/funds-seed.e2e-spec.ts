import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_CAMPAIGNS } from '../../seeds/planning.seed.js';
import { TokenService } from '../../src/common/auth/token.service.js';
import { seedPlanning } from '../../src/events/planning.seed-step.js';
import { seedFunds } from '../../src/funds/funds.seed-step.js';
import { DEMO_SEED_STEPS } from '../../src/seeding/demo-seed-steps.js';
import { seedDemo, type SeededUser } from '../../src/seeding/demo-seed.js';
import { seedVenues } from '../../src/venues/venues.seed-step.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('funds demo seed', () => {
  let t: TestApp;
  let users: SeededUser[];
  const auth = (role: string) => ({ Authorization: `Bearer ${users.find((u) => u.role === role)!.token}` });

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    users = (await seedDemo(t.dataSource, t.app.get(TokenService), [seedVenues, seedPlanning, seedFunds]))!;
  });
  afterAll(() => t.close());

  it('is registered after the planning step', () => {
    expect(DEMO_SEED_STEPS.indexOf(seedPlanning)).toBeLessThan(DEMO_SEED_STEPS.indexOf(seedFunds));
  });

  it('loads illustrative 2022 funds of every kind but "other", within their amounts', async () => {
    const page = (await t.http.get('/api/v1/funds?year=2022').set(auth('viewer')).expect(200)).body;
    expect(page.total).toBe(5);
    for (const f of page.items) {
      expect(f.note).toMatch(/illustrative/i);
      expect(f.allocatedYuan).toBeLessThanOrEqual(f.amountYuan);
      expect(f.remainingYuan).toBe(f.amountYuan - f.allocatedYuan);
    }
    const municipal = page.items.find((f: { kind: string }) => f.kind === 'municipal_budget');
    // The completed regional campaign drew 2,000,000 from the municipal fund alone: its actual spend is all there.
    const regional = DEMO_CAMPAIGNS.find((c) => c.key === 'regional')!;
    expect(municipal.spentYuan).toBe(regional.actualSpendYuan);
  });

  it('keeps every seeded campaign’s budget equal to the sum of its allocations', async () => {
    const campaigns = (await t.http.get('/api/v1/campaigns?limit=200').set(auth('viewer')).expect(200)).body
      .items;
    expect(campaigns).toHaveLength(DEMO_CAMPAIGNS.length);
    for (const c of campaigns) {
      const funding = (await t.http.get(`/api/v1/campaigns/${c.id}/funding`).set(auth('viewer')).expect(200))
        .body;
      expect(funding.allocations.length).toBeGreaterThan(0);
      expect(funding.allocatedYuan).toBe(c.budgetYuan);
      expect(c.budgetYuan).toBe(DEMO_CAMPAIGNS.find((d) => d.name === c.name)!.budgetYuan);
    }
  });
});
