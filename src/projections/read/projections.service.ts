import { Injectable } from '@nestjs/common';
import { mapPage, type Page, type PageQueryDto } from '../../common/http/pagination.js';
import { EnqueuedJobView } from '../../jobs/dto/job-status.view.js';
import { TargetsService } from '../../targets/targets.service.js';
import { ProjectionHeadlineView } from './dto/projection-snapshot.view.js';
import { ProjectionProgressView, TargetProjectionView } from './dto/target-projection.view.js';
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
  ) {}

  async projection(targetId: string): Promise<TargetProjectionView> {
    const resolved = await this.targets.get(targetId);
    return TargetProjectionView.of(resolved, await this.store.latest(targetId));
  }

  async progress(targetId: string): Promise<ProjectionProgressView> {
    const resolved = await this.targets.get(targetId);
    return ProjectionProgressView.of(resolved, await this.store.latest(targetId));
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
