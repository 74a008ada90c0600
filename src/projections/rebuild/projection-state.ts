import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Target } from '../../targets/target.entity.js';

/**
 * The dirty bookkeeping of targets, for the rebuild: read the inputs version before computing,
 * then record the snapshot's version. A change that lands during the rebuild bumps
 * `inputsVersion` again, so the target stays dirty (and its follow-up job runs).
 */
@Injectable()
export class ProjectionState {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The version of the inputs as of now (null when the target is gone). */
  async inputsVersion(targetId: string): Promise<number | null> {
    const row = await this.dataSource
      .getRepository(Target)
      .findOne({ select: { id: true, inputsVersion: true }, where: { id: targetId } });
    return row?.inputsVersion ?? null;
  }

  /**
   * Records that a projection was computed from inputs version `version`: sets
   * `projectedVersion` (never backwards) and clears `dirtySince` if nothing changed since.
   * Returns true when the target is now clean.
   */
  async markBuilt(targetId: string, version: number): Promise<boolean> {
    await this.dataSource
      .createQueryBuilder()
      .update(Target)
      .set({
        projectedVersion: () =>
          `CASE WHEN "projectedVersion" < :version THEN :version ELSE "projectedVersion" END`,
        dirtySince: () => `CASE WHEN "inputsVersion" = :version THEN NULL ELSE "dirtySince" END`,
      })
      .where('id = :id', { id: targetId })
      .setParameter('version', version)
      .updateEntity(false)
      .execute();
    const row = await this.dataSource
      .getRepository(Target)
      .findOne({ select: { id: true, dirtySince: true }, where: { id: targetId } });
    return row !== null && row.dirtySince === null;
  }
}
