import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TokenService } from '../../src/common/auth/token.service.js';
import { EffectMeasurement } from '../../src/effects/effect-measurement.service.js';
import type { ScoreboardDigest } from '../../src/reports/weekly-report/weekly-report-data.js';
import type { ScoreRow } from '../../src/scoreboard/scoreboard-math.js';
import { DEMO_SEED_STEPS } from '../../src/seeding/demo-seed-steps.js';
import { seedDemo, type SeededUser } from '../../src/seeding/demo-seed.js';
import { pinClock } from '../factories/actuals.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 9: the demo's 2022 weekly report carries the scoreboard section, with the units the
 * scoreboard ranks by measured yuan per visitor (the same ranks), and the caveats.
 */
describe('the scoreboard section of the demo’s 2022 weekly report', () => {
  let t: TestApp;
  let users: SeededUser[];
  const auth = (role: string) => ({ Authorization: `Bearer ${users.find((u) => u.role === role)!.token}` });

  beforeAll(async () => {
    t = await createTestApp();
    // The Monday after 2022-W14, when its report is sent (and the demo's actuals end).
    pinClock(t.app, '2022-04-11T04:00:00Z');
    users = (await seedDemo(t.dataSource, t.app.get(TokenService), DEMO_SEED_STEPS))!;
    // The seed runs after the worker started (as in `npm start`): the periodic refresh, run now.
    await t.app.get(EffectMeasurement).refresh();
  }, 300_000);
  afterAll(() => t.close());

  it('ranks the measured units as the scoreboard does, with the caveats, in JSON and text', async () => {
    const rows = (await t.http.get('/api/v1/scoreboard?year=2022&by=unit').set(auth('viewer')).expect(200))
      .body.rows as ScoreRow[];
    const ranked = rows.filter((r) => r.ranks.yuanPerMeasuredVisitor !== null);
    const unmeasured = rows.flatMap((r) => r.unmeasured.list);
    // The demo's completed January 2022 campaigns rank their units with measured figures; the
    // others say why they are not ranked, and the completed items not measured say why.
    expect(ranked.length).toBeGreaterThanOrEqual(2);
    for (const r of ranked) {
      expect(r.measured.items).toBeGreaterThan(0);
      expect(r.measured.visitors).toBeGreaterThan(0);
      expect(r.measured.spendYuan).toBeGreaterThan(0);
      expect(r.yuanPerMeasuredVisitor).toBeCloseTo(r.measured.spendYuan / r.measured.visitors!, 6);
    }
    expect(ranked.some((r) => r.measured.significant > 0)).toBe(true);
    expect(ranked.some((r) => r.measured.significant < r.measured.items)).toBe(true);
    const unranked = rows.filter((r) => r.ranks.yuanPerMeasuredVisitor === null);
    expect(unranked.length).toBeGreaterThan(0);
    for (const r of unranked) expect(r.notRankedBecause).toEqual(expect.any(String));
    expect(unmeasured.length).toBeGreaterThan(0);
    for (const u of unmeasured) expect(u.reason).toEqual(expect.any(String));

    const json = await t.http
      .get('/api/v1/reports/weekly?week=2022-W14&format=json')
      .set(auth('viewer'))
      .expect(200);
    const board = json.body.scoreboard as ScoreboardDigest;
    expect(board.year).toBe(2022);
    expect(board.units).toBe(rows.length);
    expect(board.rankedUnits).toBe(ranked.length);
    expect(board.best.map((u) => [u.unit, u.rank, u.yuanPerMeasuredVisitor])).toEqual(
      ranked.slice(0, 3).map((r) => [r.label, r.ranks.yuanPerMeasuredVisitor, r.yuanPerMeasuredVisitor]),
    );
    const shown = [...board.best, ...board.attention].map((u) => u.unit);
    expect(new Set(shown).size).toBe(shown.length);
    for (const u of rows.filter((r) => r.ranks.yuanPerMeasuredVisitor === null)) {
      expect(shown).not.toContain(u.label);
      expect(board.unranked.map((x) => x.unit)).toContain(u.label);
    }
    expect(board.unmeasured.items).toBe(rows.reduce((n, r) => n + r.unmeasured.items, 0));

    const en = await t.http
      .get('/api/v1/reports/weekly?week=2022-W14&lang=en&format=text')
      .set(auth('viewer'))
      .expect(200);
    const zh = await t.http
      .get('/api/v1/reports/weekly?week=2022-W14&lang=zh-CN&format=text')
      .set(auth('viewer'))
      .expect(200);
    expect(en.text).toContain('== Scoreboard 2022: yuan per measured incremental visitor ==');
    expect(zh.text).toContain('== 2022年责任单位记分板：实测每新增人次成本 ==');
    for (const part of [en.text, zh.text]) expect(part).toContain(`- 1. ${ranked[0].label}`);
    expect(en.text).toContain(`¥${Math.round(ranked[0].yuanPerMeasuredVisitor!).toLocaleString('en-US')}`);
    const reasons = new Map<string, number>();
    for (const u of unmeasured) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
    expect(en.text).toContain(`Caveats: ${unmeasured.length} completed item(s) could not be measured (`);
    for (const [reason, n] of reasons) expect(en.text).toContain(`${n} × ${reason}`);
    expect(en.text).toContain(
      `${rows.length - ranked.length} of ${rows.length} unit(s) have no measured cost per visitor and are not ranked`,
    );
    expect(zh.text).toContain(`说明：${unmeasured.length}项已完成的营销或活动无法测算成效`);
  });
});
