import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, type FindOptionsSelect, type Repository } from 'typeorm';
import { pageOf, pageWindow, type Page, type PageQueryDto } from '../../common/http/pagination.js';
import { ProjectionSnapshot } from './projection-snapshot.entity.js';

/** Snapshots kept per target; older ones are deleted after each new one. */
export const SNAPSHOTS_KEPT_PER_TARGET = 100;

/** The headline columns: every column but the JSON details. */
export const HEADLINE_COLUMNS: FindOptionsSelect<ProjectionSnapshot> = {
  id: true,
  targetId: true,
  inputsVersion: true,
  computedAt: true,
  asOf: true,
  inputsHash: true,
  durationMs: true,
  method: true,
  model: true,
  targetTotal: true,
  actualToDate: true,
  estimatedToDate: true,
  pathToDate: true,
  gap: true,
  median: true,
  lo80: true,
  hi80: true,
  lo95: true,
  hi95: true,
  probability: true,
  status: true,
  neededDaily: true,
  neededWeekly: true,
  expectedDaily: true,
  expectedWeekly: true,
  contributionsTotal: true,
  daysCounted: true,
  daysRemaining: true,
};

/** Stores and reads projection snapshots. */
@Injectable()
export class ProjectionSnapshotStore {
  constructor(
    @InjectRepository(ProjectionSnapshot) private readonly snapshots: Repository<ProjectionSnapshot>,
  ) {}

  findVersion(targetId: string, inputsVersion: number): Promise<ProjectionSnapshot | null> {
    return this.snapshots.findOneBy({ targetId, inputsVersion });
  }

  /**
   * Inserts the snapshot unless one exists for its (target, inputs version), which then wins:
   * a rebuild that runs twice, or two at once, store one row. Returns the stored row.
   */
  async saveOnce(snapshot: ProjectionSnapshot): Promise<{ snapshot: ProjectionSnapshot; created: boolean }> {
    await this.snapshots.createQueryBuilder().insert().values(snapshot).orIgnore().execute();
    const stored = await this.findVersion(snapshot.targetId, snapshot.inputsVersion);
    if (!stored) throw new Error(`Snapshot ${snapshot.targetId}@${snapshot.inputsVersion} was not stored`);
    const created = stored.id === snapshot.id;
    if (created) await this.prune(snapshot.targetId);
    return { snapshot: stored, created };
  }

  /** The newest snapshot of a target (computed at or before `at` when given). */
  latest(targetId: string, at?: Date): Promise<ProjectionSnapshot | null> {
    return this.snapshots.findOne({
      where: { targetId, ...(at ? { computedAt: LessThanOrEqual(at) } : {}) },
      order: { inputsVersion: 'DESC' },
    });
  }

  findById(id: string): Promise<ProjectionSnapshot | null> {
    return this.snapshots.findOneBy({ id });
  }

  /** Earlier snapshots, newest first, headline columns only. */
  async page(targetId: string, query: PageQueryDto): Promise<Page<ProjectionSnapshot>> {
    const { limit, offset } = pageWindow(query);
    const [items, total] = await this.snapshots.findAndCount({
      select: HEADLINE_COLUMNS,
      where: { targetId },
      order: { inputsVersion: 'DESC' },
      take: limit,
      skip: offset,
    });
    return pageOf(items, total, query);
  }

  /** Deletes all but the newest `keep` snapshots of a target. */
  async prune(targetId: string, keep = SNAPSHOTS_KEPT_PER_TARGET): Promise<void> {
    const [oldestKept] = await this.snapshots.find({
      select: { id: true, inputsVersion: true },
      where: { targetId },
      order: { inputsVersion: 'DESC' },
      skip: keep - 1,
      take: 1,
    });
    if (!oldestKept) return;
    await this.snapshots
      .createQueryBuilder()
      .delete()
      .where('"targetId" = :targetId AND "inputsVersion" < :version', {
        targetId,
        version: oldestKept.inputsVersion,
      })
      .execute();
  }
}
