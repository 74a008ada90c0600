import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { ProjectionBuilder, type BuildStages, type Progress } from './projection-builder.service.js';
import { ProjectionSnapshotStore } from './projection-snapshot.store.js';
import { ProjectionState } from './projection-state.js';

export interface RebuildResult {
  targetId: string;
  /** The target's inputs version the rebuild read before computing. */
  inputsVersion: number;
  /** A new snapshot was stored (false: the one of this version already existed). */
  built: boolean;
  snapshotId: string;
  durationMs: number;
  /** Where a new snapshot's build spent its time (null: the stored one was reused). */
  stagesMs: BuildStages | null;
  /** Nothing changed while it ran: the target is clean. */
  clean: boolean;
}

/** The target of a rebuild no longer exists: retrying cannot help. */
export class TargetGoneError extends Error {
  constructor(readonly targetId: string) {
    super(`Target ${targetId} no longer exists`);
    this.name = 'TargetGoneError';
  }
}

/** Follows the rebuilds that stored a new snapshot (e.g. to refresh what depends on the same inputs). */
export type RebuildFollower = (result: RebuildResult) => Promise<void>;

/**
 * One rebuild of one target, idempotent: reads the inputs version FIRST, reuses the snapshot
 * of that version if there is one, otherwise builds from the latest data and stores it once
 * (unique per target and version), then records the version as built. A change that lands
 * while it runs bumps the version again, so the target stays dirty and its follow-up rebuild
 * (kept by the queue's deduplication) computes the next version.
 */
@Injectable()
export class ProjectionRebuild {
  constructor(
    private readonly state: ProjectionState,
    private readonly builder: ProjectionBuilder,
    private readonly store: ProjectionSnapshotStore,
  ) {}

  private readonly followers: RebuildFollower[] = [];

  /**
   * Another feature that follows the rebuilds storing a new snapshot (the scenarios' projections
   * of the same target), called once per new snapshot before the job ends. Its promise must not
   * reject (a retried rebuild finds its snapshot stored and calls nobody): it queues its own
   * work and logs its own failures.
   */
  follow(follower: RebuildFollower): void {
    this.followers.push(follower);
  }

  async run(targetId: string, progress: Progress = async () => {}): Promise<RebuildResult> {
    const version = await this.state.inputsVersion(targetId);
    if (version === null) throw new TargetGoneError(targetId);
    await progress(5);
    let snapshot = await this.store.findVersion(targetId, version);
    let built = false;
    let stagesMs: BuildStages | null = null;
    if (!snapshot) {
      try {
        const draft = await this.builder.build(targetId, version, (p) => progress(5 + Math.round(p * 0.85)));
        ({ snapshot, created: built } = await this.store.saveOnce(draft.snapshot));
        if (built) stagesMs = draft.stagesMs;
      } catch (error) {
        if (error instanceof NotFoundError || (await this.state.inputsVersion(targetId)) === null)
          throw new TargetGoneError(targetId);
        throw error;
      }
    }
    const clean = await this.state.markBuilt(targetId, version);
    const result: RebuildResult = {
      targetId,
      inputsVersion: version,
      built,
      snapshotId: snapshot.id,
      durationMs: snapshot.durationMs,
      stagesMs,
      clean,
    };
    if (built) for (const follower of this.followers) await follower(result);
    await progress(100);
    return result;
  }
}
