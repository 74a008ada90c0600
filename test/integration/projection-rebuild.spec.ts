import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { eachDay } from '../../src/common/time/local-date.js';
import { ProjectionBuilder } from '../../src/projections/rebuild/projection-builder.service.js';
import { warmUpBuilds } from '../../src/projections/rebuild/projection-warm-up.js';
import { ProjectionInputLoader } from '../../src/projections/rebuild/projection-input.loader.js';
import { ProjectionInputs } from '../../src/projections/rebuild/projection-inputs.js';
import {
  ProjectionRebuild,
  TargetGoneError,
} from '../../src/projections/rebuild/projection-rebuild.service.js';
import { RebuildSweep } from '../../src/projections/rebuild/rebuild-sweep.js';
import { TargetsService } from '../../src/targets/targets.service.js';
import { importActuals, pinClock, targetRow } from '../factories/actuals.factory.js';
import { latestSnapshot, snapshotCount } from '../factories/projection.factory.js';
import { createUser } from '../factories/user.factory.js';
import { asAuthUser, createTestContext, type TestContext } from '../support/test-context.js';

// "Today" is 11 January 2022 in Shanghai: the first ten days of the year are counted.
const NOW = '2022-01-11T04:00:00Z';
const TARGET = 474_500; // 1,300 a day over 365 days (uniform path, no 2021 figures)
const PER_DAY = 1_560;

/**
 * The rebuild pipeline service to service (no HTTP, no worker): a change marks the target dirty,
 * the sweep finds it, a rebuild builds and stores one snapshot per inputs version and leaves the
 * target clean; repeated or concurrent rebuilds of a version store nothing more.
 */
describe('projection rebuild pipeline', () => {
  let t: TestContext;
  let targetId: string;
  let rebuild: ProjectionRebuild;

  beforeAll(async () => {
    // Queued rebuilds wait long enough that only this spec's calls build snapshots.
    t = await createTestContext({ env: { REBUILD_DELAY_MS: '600000' } });
    pinClock(t.app, NOW);
    rebuild = t.app.get(ProjectionRebuild);
    const planner = asAuthUser(await createUser(t.app, 'planner'));
    await importActuals(
      t.app,
      eachDay('2022-01-01', '2022-01-10').map((date) => ({ date, metric: 'visitors', value: PER_DAY })),
    );
    const created = await t.app.get(TargetsService).create(
      {
        year: 2022,
        metric: 'visitors',
        scope: 'city',
        baselineYear: 2021,
        growthRate: 0.3,
        targetTotal: TARGET,
      },
      planner,
    );
    targetId = created.target.id;
  });
  afterAll(() => t.close());

  it('a new target is dirty and the sweep finds it', async () => {
    const row = await targetRow(t.dataSource, targetId);
    expect(row.dirtySince).not.toBeNull();
    expect(row.projectedVersion).toBeLessThan(row.inputsVersion);
    expect(await t.app.get(RebuildSweep).dirtyTargetIds()).toEqual([targetId]);
    expect(await snapshotCount(t.dataSource, targetId)).toBe(0);
  });

  it("the worker's warm-up builds the target from the real data but stores and marks nothing", async () => {
    const before = await targetRow(t.dataSource, targetId);
    const built = await warmUpBuilds(t.app.get(ProjectionBuilder), t.dataSource);
    expect(built).toEqual([expect.stringMatching(/^visitors of city 2022 .*"forecast"/)]);
    expect(await snapshotCount(t.dataSource, targetId)).toBe(0);
    expect(await targetRow(t.dataSource, targetId)).toEqual(before);
  });

  it('builds one snapshot of the current inputs version and leaves the target clean', async () => {
    const { inputsVersion } = await targetRow(t.dataSource, targetId);
    const seen: number[] = [];
    const result = await rebuild.run(targetId, async (p) => void seen.push(p));
    expect(result).toMatchObject({ targetId, inputsVersion, built: true, clean: true });
    expect(seen[0]).toBe(5);
    expect(seen.at(-1)).toBe(100);
    const snapshot = await latestSnapshot(t.dataSource, targetId);
    expect(snapshot).toMatchObject({ id: result.snapshotId, inputsVersion, asOf: '2022-01-10' });
    // 10 days at 1,560, then the same pace for the 355 days left.
    expect(snapshot!.median).toBe(15_600 + 355 * PER_DAY);
    expect(await targetRow(t.dataSource, targetId)).toMatchObject({
      inputsVersion,
      projectedVersion: inputsVersion,
      dirtySince: null,
    });
    expect(await t.app.get(RebuildSweep).dirtyTargetIds()).toEqual([]);
  });

  it('run again on the same version, it reuses the snapshot and stores nothing', async () => {
    const before = await latestSnapshot(t.dataSource, targetId);
    const again = await rebuild.run(targetId);
    expect(again).toMatchObject({ built: false, clean: true, snapshotId: before!.id });
    expect(await snapshotCount(t.dataSource, targetId)).toBe(1);
  });

  it('a change makes a new version: concurrent rebuilds of it store one snapshot', async () => {
    const { inputsVersion: old } = await targetRow(t.dataSource, targetId);
    await t.app.get(ProjectionInputs).markDirty({ source: 'target', years: [], targetIds: [targetId] });
    const { inputsVersion, dirtySince } = await targetRow(t.dataSource, targetId);
    expect(inputsVersion).toBe(old + 1);
    expect(dirtySince).not.toBeNull();
    const results = await Promise.all([rebuild.run(targetId), rebuild.run(targetId), rebuild.run(targetId)]);
    expect(new Set(results.map((r) => r.snapshotId)).size).toBe(1);
    expect(results.every((r) => r.inputsVersion === inputsVersion && r.clean)).toBe(true);
    expect(await snapshotCount(t.dataSource, targetId)).toBe(2);
    expect((await latestSnapshot(t.dataSource, targetId))!.inputsVersion).toBe(inputsVersion);
    expect((await targetRow(t.dataSource, targetId)).dirtySince).toBeNull();
  });

  it('a change of actuals moves the projection by exactly the added visitors', async () => {
    const before = (await latestSnapshot(t.dataSource, targetId))!;
    // 11 January is not over yet ("today"): the actuals of 10 January change instead.
    await importActuals(t.app, [{ date: '2022-01-10', metric: 'visitors', value: PER_DAY + 1_000 }]);
    expect((await targetRow(t.dataSource, targetId)).dirtySince).not.toBeNull();
    expect(await rebuild.run(targetId)).toMatchObject({ built: true, clean: true });
    const after = (await latestSnapshot(t.dataSource, targetId))!;
    expect(after.inputsVersion).toBeGreaterThan(before.inputsVersion);
    expect(after.actualToDate).toBe(before.actualToDate + 1_000);
  });

  it('a revenue target built after its visitors target takes that projection instead of making it again', async () => {
    const planner = asAuthUser(await createUser(t.app, 'planner'));
    await importActuals(
      t.app,
      eachDay('2022-01-01', '2022-01-10').map((date) => ({ date, metric: 'revenue', value: 390_000 })),
    );
    const revenue = await t.app.get(TargetsService).create(
      {
        year: 2022,
        metric: 'revenue',
        scope: 'city',
        baselineYear: 2021,
        growthRate: 0.34,
        targetTotal: 150_000_000,
      },
      planner,
    );
    // The visitors target is rebuilt first, as a change that queues both usually has it.
    await t.app.get(ProjectionInputs).markDirty({ source: 'target', years: [], targetIds: [targetId] });
    expect(await rebuild.run(targetId)).toMatchObject({ built: true });
    const load = jest.spyOn(ProjectionInputLoader.prototype, 'load');
    try {
      expect(await rebuild.run(revenue.target.id)).toMatchObject({ built: true });
      // Its own inputs only: the visitors projection of that version came from the first build.
      expect(load).toHaveBeenCalledTimes(1);
    } finally {
      load.mockRestore();
    }
    const visitors = (await latestSnapshot(t.dataSource, targetId))!;
    const perVisitor = (await latestSnapshot(t.dataSource, revenue.target.id))!.revenuePerVisitor!;
    expect(perVisitor.visitorsTargetId).toBe(targetId);
    expect(perVisitor.projected?.visitors).toBe(visitors.median);
  });

  it('a target that does not exist fails as gone, which no retry can help', async () => {
    await expect(rebuild.run('00000000-0000-4000-8000-00000000dead')).rejects.toBeInstanceOf(TargetGoneError);
  });
});
