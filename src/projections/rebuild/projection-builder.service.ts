import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/time/clock.js';
import { newId } from '../../infra/database/new-id.js';
import { TargetsService } from '../../targets/targets.service.js';
import { inputsHash, PROJECTION_METHOD_VERSION } from './inputs-hash.js';
import { ProjectionInputLoader } from './projection-input.loader.js';
import { projectYear } from '../math/projection-math.js';
import type { ProjectionSnapshot } from './projection-snapshot.entity.js';
import { RevenuePerVisitorLoader } from './revenue-per-visitor.loader.js';
import { snapshotOf } from './snapshot-of.js';

export type Progress = (percent: number) => Promise<void>;

/**
 * Computes (does not save) the projection snapshot of a target from the latest data: loads the
 * inputs, runs the pure `projectYear`, adds revenue per visitor for revenue targets, and stamps
 * the snapshot with the inputs version it was asked for, the inputs hash and the time it took.
 * Throws NotFoundError when the target is gone.
 */
@Injectable()
export class ProjectionBuilder {
  constructor(
    private readonly targets: TargetsService,
    private readonly loader: ProjectionInputLoader,
    private readonly perVisitor: RevenuePerVisitorLoader,
    private readonly clock: Clock,
  ) {}

  /**
   * `today`: the day the projection is made on (it counts the actuals before it); default the
   * clock's today. The weekly report asks for the Monday after its week.
   */
  async build(
    targetId: string,
    inputsVersion: number,
    progress: Progress = async () => {},
    today: string = this.clock.today(),
  ): Promise<ProjectionSnapshot> {
    const started = performance.now();
    const resolved = await this.targets.get(targetId);
    const loaded = await this.loader.load(resolved, today);
    await progress(40);
    const result = projectYear(loaded.input);
    await progress(70);
    const perVisitor =
      resolved.target.metric === 'revenue'
        ? await this.perVisitor.compute(resolved, loaded, result, today)
        : null;
    await progress(90);
    return snapshotOf(result, {
      id: newId(),
      targetId,
      inputsVersion,
      computedAt: this.clock.now(),
      inputsHash: inputsHash({
        method: PROJECTION_METHOD_VERSION,
        input: loaded.input,
        revenuePerVisitor: perVisitor?.inputs ?? null,
      }),
      durationMs: Math.round(performance.now() - started),
      contributions: loaded.contributions,
      revenuePerVisitor: perVisitor?.figures ?? null,
      notes: loaded.notes,
    });
  }
}
