import { Injectable } from '@nestjs/common';
import { mapPage, type Page, type PageQueryDto } from '../../common/http/pagination.js';
import { EnqueuedJobView } from '../../jobs/dto/job-status.view.js';
import { TargetsService } from '../../targets/targets.service.js';
import { ProjectionHeadlineView } from './dto/projection-snapshot.view.js';
import { freshness, ProjectionProgressView } from './dto/target-projection.view.js';
import { LatestSnapshots } from './latest-snapshots.js';
import { ProjectionInputs } from '../rebuild/projection-inputs.js';
import { ProjectionSnapshotStore } from '../rebuild/projection-snapshot.store.js';
import { RebuildQueue } from '../rebuild/rebuild-queue.js';

/**
 * The projection reads of the API, and forced rebuilds. Reads never wait for a rebuild: they
 * return the latest snapshot and say whether it is stale.
 */
@Injectable()
export class ProjectionsService {
  constructor(
    private readonly targets: TargetsService,
    private readonly store: ProjectionSnapshotStore,
    private readonly inputs: ProjectionInputs,
    private readonly rebuilds: RebuildQueue,
    private readonly latest: LatestSnapshots,
  ) {}

  /**
   * The projection read as `TargetProjectionView` JSON, and its ETag: the body depends only on
   * the target's inputs version and dirty mark and on which snapshot is the latest (a snapshot
   * never changes), so the ETag is known before the body is made (`body` runs only on a miss).
   */
  async projectionJson(targetId: string): Promise<{ etag: string; body: () => string }> {
    const [target, latest] = await Promise.all([this.targets.find(targetId), this.latest.of(targetId)]);
    const etag = `"${latest?.snapshot.id ?? 'none'}.${target.inputsVersion}.${target.dirtySince?.getTime() ?? 0}"`;
    return {
      etag,
      // The bytes JSON.stringify(TargetProjectionView.of(...)) gives, with the snapshot serialised once.
      body: () =>
        `${JSON.stringify(freshness({ target }, latest?.snapshot ?? null)).slice(0, -1)},"snapshot":${latest ? latest.json() : 'null'}}`,
    };
  }

  async progress(targetId: string): Promise<ProjectionProgressView> {
    const [target, latest] = await Promise.all([this.targets.find(targetId), this.latest.of(targetId)]);
    if (!latest) return ProjectionProgressView.of(await this.targets.resolve(target), null);
    // With a snapshot the total is the snapshot's: no need to add up the baseline year again.
    return ProjectionProgressView.of(
      { target, total: latest.snapshot.targetTotal },
      latest.snapshot,
      latest.view(),
    );
  }

  async history(targetId: string, query: PageQueryDto): Promise<Page<ProjectionHeadlineView>> {
    await this.targets.find(targetId);
    return mapPage(await this.store.page(targetId, query), (s) => ProjectionHeadlineView.of(s));
  }

  /**
   * Forces a rebuild: bumps the target's inputs version (so the rebuild computes a new snapshot
   * even when nothing changed) and queues it at once. When Redis is down this fails with 503
   * but the target stays marked dirty, so the worker's sweep rebuilds it later.
   */
  async requestRebuild(targetId: string): Promise<EnqueuedJobView> {
    await this.targets.find(targetId);
    await this.inputs.markDirty({ source: 'target', years: [], targetIds: [targetId] });
    const job = await this.rebuilds.add(targetId, { delay: 0 });
    return EnqueuedJobView.of('projections.rebuild', job);
  }
}
