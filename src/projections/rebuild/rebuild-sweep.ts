import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, Not, type DataSource } from 'typeorm';
import { Target } from '../../targets/target.entity.js';
import { RebuildQueue, type EnqueueResult } from './rebuild-queue.js';

/**
 * Queues a rebuild for every target the database marks dirty: the recovery path for changes
 * made while Redis was unreachable, and for rebuilds that gave up. Run by the worker at start
 * and every REBUILD_SWEEP_SECONDS (see RebuildSweepScheduler); deduplication makes it harmless
 * for targets whose rebuild is already queued.
 */
@Injectable()
export class RebuildSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rebuilds: RebuildQueue,
  ) {}

  async dirtyTargetIds(): Promise<string[]> {
    const rows = await this.dataSource.getRepository(Target).find({
      select: { id: true },
      where: { dirtySince: Not(IsNull()) },
      order: { dirtySince: 'ASC' },
    });
    return rows.map((r) => r.id);
  }

  async sweep(): Promise<EnqueueResult & { dirty: number }> {
    const ids = await this.dirtyTargetIds();
    // No delay: these changes are already old.
    const result = await this.rebuilds.enqueue(ids, { delay: 0, failFast: false });
    return { dirty: ids.length, ...result };
  }
}
