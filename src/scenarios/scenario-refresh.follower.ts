import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ProjectionRebuild, type RebuildResult } from '../projections/rebuild/projection-rebuild.service.js';
import { ScenarioProjection } from './scenario-projection.entity.js';
import { ScenarioQueue } from './scenario-queue.js';
import { errorMessage } from '../common/errors/error-message.js';

/**
 * Worker side: when the official plan of a target changes, its scenarios follow without waiting
 * for a read. Every change of a target's inputs (actuals, campaigns, events, holidays, the
 * target) bumps its inputs version and ends in an official rebuild; after a rebuild that stored
 * a new snapshot, this queues `scenarios.project` for each scenario already projected on that
 * target, through the same deduplicated jobs as a scenario edit or a read.
 */
@Injectable()
export class ScenarioRefreshFollower implements OnModuleInit {
  private readonly logger = new Logger(ScenarioRefreshFollower.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rebuilds: ProjectionRebuild,
    private readonly queue: ScenarioQueue,
  ) {}

  onModuleInit(): void {
    this.rebuilds.follow((result) => this.onRebuilt(result));
  }

  /** Never rejects: a failure is logged (the next read of a scenario queues its projection). */
  async onRebuilt({ targetId }: RebuildResult): Promise<void> {
    try {
      const rows = await this.dataSource
        .getRepository(ScenarioProjection)
        .createQueryBuilder('p')
        .select('DISTINCT p.scenarioId', 'scenarioId')
        .where('p.targetId = :targetId', { targetId })
        .getRawMany<{ scenarioId: string }>();
      let failed = 0;
      for (const { scenarioId } of rows) if (!(await this.queue.enqueue(scenarioId, targetId))) failed++;
      if (failed)
        this.logger.warn(
          `Could not queue ${failed} scenario projection(s) of target ${targetId}; the next read queues them`,
        );
    } catch (error) {
      this.logger.warn(
        `Could not queue the scenario projections of target ${targetId} (${errorMessage(error)})`,
      );
    }
  }
}
