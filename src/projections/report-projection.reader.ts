import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { addDays } from '../common/time/local-date.js';
import type {
  ProjectionSnapshotReader,
  ProjectionSnapshotView,
} from '../reports/weekly-report/projection-snapshot-reader.js';
import { Target } from '../targets/target.entity.js';
import type { ProjectionSnapshot } from './projection-snapshot.entity.js';
import { ProjectionSnapshotStore } from './projection-snapshot.store.js';

/**
 * The weekly report's view of projections (the `ProjectionSnapshotReader` seam of src/reports):
 * the latest snapshot of each target computed at or before a given instant. `stale` says that
 * the target's inputs changed after that snapshot. `asOf` is the last counted day (31 December
 * of the previous year when the year has no actual yet); `path` runs from `asOf` to 31 December.
 *
 * Wiring (in the projections module): `{ provide: PROJECTION_SNAPSHOT_READER, useExisting:
 * ReportProjectionReader }`, exported from a global module.
 */
@Injectable()
export class ReportProjectionReader implements ProjectionSnapshotReader {
  constructor(
    private readonly store: ProjectionSnapshotStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async latest(targetIds: string[], at: Date): Promise<Map<string, ProjectionSnapshotView>> {
    const result = new Map<string, ProjectionSnapshotView>();
    if (!targetIds.length) return result;
    const versions = await this.inputsVersions(targetIds);
    for (const id of targetIds) {
      const snapshot = await this.store.latest(id, at);
      if (snapshot) result.set(id, reportView(snapshot, versions.get(id) ?? snapshot.inputsVersion));
    }
    return result;
  }

  /** The latest snapshot of one target (at or before `at`, default now), or null. */
  async latestFor(targetId: string, at?: Date): Promise<ProjectionSnapshotView | null> {
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

export function reportView(s: ProjectionSnapshot, currentVersion: number): ProjectionSnapshotView {
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
