import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_DATE } from '../../seeds/baseline.seed.js';
import { TokenService } from '../../src/common/auth/token.service.js';
import { RebuildSweep } from '../../src/projections/rebuild/rebuild-sweep.js';
import { DEMO_SEED_STEPS } from '../../src/seeding/demo-seed-steps.js';
import { seedDemo, type SeededUser } from '../../src/seeding/demo-seed.js';
import { pinClock } from '../factories/actuals.factory.js';
import { waitForProjection } from '../factories/projection.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface ReportTarget {
  targetId: string;
  projection: { asOf: string; median: number; stale: boolean } | null;
}

/**
 * Issue 10, item 13: the README's own example, `GET /reports/weekly?week=2022-W14`, read on the
 * demo years after 2022 (its snapshots computed "today", long after that week): every target
 * shows its projection as of that week's end, and the demo's submitted event awaits approval.
 */
describe('the weekly report of the demo data, read today', () => {
  let t: TestApp;
  let users: SeededUser[];
  const auth = (role: string) => ({ Authorization: `Bearer ${users.find((u) => u.role === role)!.token}` });
  const stored = new Map<string, { median: number; asOf: string | null }>();

  beforeAll(async () => {
    t = await createTestApp();
    pinClock(t.app, '2026-11-30T04:00:00Z');
    users = (await seedDemo(t.dataSource, t.app.get(TokenService), DEMO_SEED_STEPS))!;
    const ids = await t.app.get(RebuildSweep).dirtyTargetIds();
    expect(ids).toHaveLength(4);
    await t.app.get(RebuildSweep).sweep();
    for (const id of ids) {
      const s = await waitForProjection(t.dataSource, id, 60_000);
      stored.set(id, { median: s.median, asOf: s.asOf });
    }
  }, 90_000);
  afterAll(() => t.close());

  it('shows every target with the projection as of 2022-W14 (the stored snapshot: actuals through its Sunday)', async () => {
    const res = await t.http
      .get('/api/v1/reports/weekly?week=2022-W14&format=json')
      .set(auth('viewer'))
      .expect(200);
    const targets = res.body.targets as ReportTarget[];
    expect(targets).toHaveLength(4);
    for (const target of targets) {
      expect(stored.get(target.targetId)!.asOf).toBe(DEMO_DATE); // 2022-W14 ends on the demo date
      expect(target.projection).toMatchObject({
        asOf: DEMO_DATE,
        median: stored.get(target.targetId)!.median,
        stale: false,
      });
    }
    expect(JSON.stringify(res.body.caveats)).not.toContain('projection_not_computed');
    const text = await t.http
      .get('/api/v1/reports/weekly?week=2022-W14&lang=en&format=text')
      .set(auth('viewer'))
      .expect(200);
    expect(text.text).not.toMatch(/not computed yet/i);
  });

  it('computes the projection as of an earlier week’s end when no stored snapshot matches', async () => {
    const res = await t.http
      .get('/api/v1/reports/weekly?week=2022-W13&format=json')
      .set(auth('viewer'))
      .expect(200);
    for (const target of res.body.targets as ReportTarget[]) {
      expect(target.projection).toMatchObject({ asOf: '2022-04-03', stale: false });
      expect(target.projection!.median).not.toBe(stored.get(target.targetId)!.median);
    }
  });

  it('lists the demo’s submitted event as awaiting approval', async () => {
    const [submitted] = await t.dataSource.query(
      `SELECT "id" FROM "events" WHERE "status" = 'submitted' ORDER BY "startsAt"`,
    );
    expect(submitted).toBeDefined();
    const res = await t.http
      .get('/api/v1/reports/weekly?week=2022-W14&format=json')
      .set(auth('viewer'))
      .expect(200);
    expect(res.body.awaitingApproval.map((e: { id: string }) => e.id)).toContain(submitted.id);
  });
});
