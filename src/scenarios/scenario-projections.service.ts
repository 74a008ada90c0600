import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TargetsService } from '../targets/targets.service.js';
import { ScenarioProjectionView } from './dto/scenario-projection.view.js';
import { ScenarioProjection } from './scenario-projection.entity.js';
import { ScenarioQueue } from './scenario-queue.js';
import { ScenariosService } from './scenarios.service.js';

/**
 * Reads a scenario's projection for a target. Never waits: answers with the row of the current
 * (scenario version, target inputs version) when there is one, else with the latest row (or
 * none) marked `stale`, and queues the deduplicated job that computes the current one.
 */
@Injectable()
export class ScenarioProjectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scenarios: ScenariosService,
    private readonly targets: TargetsService,
    private readonly queue: ScenarioQueue,
  ) {}

  async projection(scenarioId: string, targetId: string): Promise<ScenarioProjectionView> {
    const scenario = await this.scenarios.find(scenarioId);
    const target = await this.targets.find(targetId);
    const ids = {
      scenarioId,
      targetId,
      scenarioVersion: scenario.version,
      inputsVersion: target.inputsVersion,
    };
    const repo = this.dataSource.getRepository(ScenarioProjection);
    const current = await repo.findOneBy(ids);
    if (current) return ScenarioProjectionView.of(ids, current, false, false);
    const latest = await repo.findOne({
      where: { scenarioId, targetId },
      order: { computedAt: 'DESC', id: 'DESC' },
    });
    const pending = await this.queue.enqueue(scenarioId, targetId);
    return ScenarioProjectionView.of(ids, latest, true, pending);
  }
}
