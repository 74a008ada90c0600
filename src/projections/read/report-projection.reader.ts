import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { Clock } from '../../common/time/clock.js';
import { addDays, minDate } from '../../common/time/local-date.js';
import type { ProjectionSnapshotReader, ReportProjectionView } from './projection-snapshot-reader.js';
import { Target } from '../../targets/target.entity.js';
import type { ProjectionSnapshot } from '../rebuild/projection-snapshot.entity.js';
import { ProjectionBuilder } from '../rebuild/projection-builder.service.js';
import { ProjectionSnapshotStore } from '../rebuild/projection-snapshot.store.js';

/**
 * The weekly report's view of projections (the {@link ProjectionSnapshotReader} interface):
 * each target's projection as of a week's end, i.e. counting actuals through that Sunday. The
 * stored snapshot serves when it is of the target's current inputs and its last counted day is
 * that Sunday (the usual case for the run on the Monday after, and for the demo's week);
 * otherwise one is computed for that date from the current inputs, and not stored (snapshots are
 * one per inputs version, of "today"). `stale` says that the target's inputs changed after the
 * snapshot used. `asOf` is the last counted day (31 December
 * of the previous year when the year has no actual yet); `path` runs from `asOf` to 31 December.
 *
 * Provided by ProjectionsModule as `{ provide: PROJECTION_SNAPSHOT_READER, useExisting:
 * ReportProjectionReader }`, which ReportsModule imports.
 */
@Injectable()
export class ReportProjectionReader implements ProjectionSnapshotReader {
  constructor(
    private readonly store: ProjectionSnapshotStore,
    private readonly builder: ProjectionBuilder,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async asOf(targetIds: string[], through: string): Promise<Map<string, ReportProjectionView>> {
    const result = new Map<string, ReportProjectionView>();
    if (!targetIds.length) return result;
    const versions = await this.inputsVersions(targetIds);
    // A projection made on the Monday counts the actuals through the Sunday; never a day not yet over.
    const today = minDate(addDays(through, 1), this.clock.today());
    for (const id of targetIds) {
      const version = versions.get(id);
      if (version === undefined) continue;
      const stored = await this.store.latest(id);
      if (stored && stored.inputsVersion === version && stored.asOf === addDays(today, -1)) {
        result.set(id, reportView(stored, version));
        continue;
      }
      const { snapshot: computed } = await this.builder.build(id, version, undefined, today);
      result.set(id, reportView(computed, version));
    }
    return result;
  }

  /** The latest snapshot of one target (at or before `at`, default now), or null. */
  async latestFor(targetId: string, at?: Date): Promise<ReportProjectionView | null> {
    const snapshot = await this.store.latest(targetId, at);
    if (!snapshot) return null;
    const versions = await this.inputsVersions([targetId]);
    return reportView(snapshot, versions.get(targetId) ?? snapshot.inputsVersion);
  }

  private async inputsVersions(ids: string[]): Promise<Map<string, number>> {
    const rows = await this.dataSource
      .getRepository(Target)
      .find({ select: { id: true, inputsVersion: true }, where: { id: In(ids) } });
    return new Map(rows.map((r) => [r.id, r.inputsVersion]));
  }
}

export function reportView(s: ProjectionSnapshot, currentVersion: number): ReportProjectionView {
  const asOf = s.asOf ?? addDays(s.daily[0].date, -1);
  return {
    targetId: s.targetId,
    asOf,
    stale: s.inputsVersion < currentVersion,
    median: s.median,
    interval80: [s.lo80, s.hi80],
    interval95: [s.lo95, s.hi95],
    probability: s.probability,
    status: s.status,
    expectedWeeklyRunRate: s.expectedWeekly,
    path: s.daily
      .filter((d) => d.date >= asOf)
      .map((d) => ({
        date: d.date,
        median: d.projected,
        lo80: d.lo80,
        hi80: d.hi80,
        lo95: d.lo95,
        hi95: d.hi95,
      })),
  };
}
