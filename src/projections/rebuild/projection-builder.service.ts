import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/time/clock.js';
import { Stopwatch } from '../../common/time/stopwatch.js';
import { newId } from '../../infra/database/new-id.js';
import { TargetsService } from '../../targets/targets.service.js';
import type { ContributionReads } from './contribution.loader.js';
import { hashedInput, inputsHash, PROJECTION_METHOD_VERSION } from './inputs-hash.js';
import { ProjectionInputLoader } from './projection-input.loader.js';
import { projectYear } from '../math/projection-math.js';
import type { ProjectionSnapshot } from './projection-snapshot.entity.js';
import { RecentProjections } from './recent-projections.js';
import { RevenuePerVisitorLoader } from './revenue-per-visitor.loader.js';
import { snapshotOf } from './snapshot-of.js';

export type Progress = (percent: number) => Promise<void>;

/** The stages of a build, in the order they run (revenuePerVisitor: revenue targets only). */
export type BuildStage =
  'target' | 'path' | 'actuals' | 'contributions' | 'forecast' | 'revenuePerVisitor' | 'hash';

/** Milliseconds a build spent in each stage it ran. */
export type BuildStages = Partial<Record<BuildStage, number>>;

export interface BuiltSnapshot {
  /** Computed, not saved. */
  snapshot: ProjectionSnapshot;
  stagesMs: BuildStages;
}

/**
 * Computes (does not save) the projection snapshot of a target from the latest data: loads the
 * inputs, runs the pure `projectYear`, adds revenue per visitor for revenue targets, and stamps
 * the snapshot with the inputs version it was asked for, the inputs hash and the time it took,
 * and says how long each stage took. Progress is reported on the way without waiting for it (it
 * is advisory; a slow or failed report neither slows nor fails the build). Throws NotFoundError
 * when the target is gone.
 */
@Injectable()
export class ProjectionBuilder {
  constructor(
    private readonly targets: TargetsService,
    private readonly loader: ProjectionInputLoader,
    private readonly perVisitor: RevenuePerVisitorLoader,
    private readonly recent: RecentProjections,
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
  ): Promise<BuiltSnapshot> {
    const watch = new Stopwatch<BuildStage>();
    const report = (percent: number) => void progress(percent).catch(() => undefined);
    const resolved = await this.targets.get(targetId);
    watch.lap('target');
    const reads: ContributionReads = new Map();
    const loaded = await this.loader.load(resolved, today, { watch, reads });
    report(40);
    const result = projectYear(loaded.input);
    this.recent.set(targetId, inputsVersion, today, {
      input: loaded.input,
      projectedMedian: result.projected.median,
    });
    watch.lap('forecast');
    report(70);
    const perVisitor =
      resolved.target.metric === 'revenue'
        ? await this.perVisitor.compute(resolved, loaded, result, today, reads)
        : null;
    if (perVisitor) watch.lap('revenuePerVisitor');
    report(90);
    const hash = inputsHash({
      method: PROJECTION_METHOD_VERSION,
      input: hashedInput(loaded.input),
      revenuePerVisitor: perVisitor?.inputs ?? null,
    });
    watch.lap('hash');
    const snapshot = snapshotOf(result, {
      id: newId(),
      targetId,
      inputsVersion,
      computedAt: this.clock.now(),
      inputsHash: hash,
      durationMs: watch.elapsedMs(),
      contributions: loaded.contributions,
      revenuePerVisitor: perVisitor?.figures ?? null,
      notes: loaded.notes,
    });
    return { snapshot, stagesMs: watch.laps() };
  }
}
