import { Injectable } from '@nestjs/common';
import type { CachedRead } from '../../common/http/if-none-match.js';
import { mapPage, type Page, type PageQueryDto } from '../../common/http/pagination.js';
import { EnqueuedJobView } from '../../jobs/dto/job-status.view.js';
import { TargetsService } from '../../targets/targets.service.js';
import { ProjectionHeadlineView } from './dto/projection-snapshot.view.js';
import { freshness, ProjectionProgressView } from './dto/target-projection.view.js';
import { LatestSnapshots, type LatestSnapshot } from './latest-snapshots.js';
import { TargetReadHeads, type TargetHead } from './target-read-head.js';
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
    private readonly heads: TargetReadHeads,
  ) {}

  /**
   * The projection read as `TargetProjectionView` JSON, and its ETag. The body depends only on
   * the target's inputs version and dirty mark and on which snapshot is the latest (a snapshot
   * never changes), so the ETag is known before the body is made (`body` runs only on a miss),
   * and the body is made once per snapshot and freshness, then sent as the same bytes.
   */
  async projectionJson(targetId: string): Promise<CachedRead> {
    const { target, latest, etag } = await this.head(targetId);
    return {
      etag,
      // The bytes JSON.stringify(TargetProjectionView.of(...)) gives, with the snapshot serialised once.
      body: () => {
        const make = () =>
          Buffer.concat([
            Buffer.from(
              `${JSON.stringify(freshness({ target }, latest?.snapshot ?? null)).slice(0, -1)},"snapshot":`,
            ),
            latest ? latest.json() : Buffer.from('null'),
            Buffer.from('}'),
          ]);
        return latest ? latest.remembered('projection', etag, make) : make();
      },
    };
  }

  /** The progress read as `ProjectionProgressView` JSON, and its ETag, as `projectionJson`. */
  async progressJson(targetId: string): Promise<CachedRead> {
    const { target, latest, etag } = await this.head(targetId);
    if (!latest) {
      // Before the first snapshot the total comes from the baseline year's actuals: not cached.
      const view = ProjectionProgressView.of(
        await this.targets.resolve(await this.targets.find(targetId)),
        null,
      );
      return { etag, body: () => Buffer.from(JSON.stringify(view)) };
    }
    return {
      etag,
      // With a snapshot the total is the snapshot's: no need to add up the baseline year again.
      body: () =>
        latest.remembered('progress', etag, () =>
          Buffer.from(
            JSON.stringify(
              ProjectionProgressView.of(
                { target, total: latest.snapshot.targetTotal },
                latest.snapshot,
                latest.view(),
              ),
            ),
          ),
        ),
    };
  }

  /**
   * The target's read head and its newest snapshot. The ETag names what a read's body depends
   * on: the snapshot, the inputs version and the dirty mark.
   */
  private async head(
    targetId: string,
  ): Promise<{ target: TargetHead; latest: LatestSnapshot | null; etag: string }> {
    const { target, latestSnapshotId } = await this.heads.of(targetId);
    const latest = latestSnapshotId ? await this.latest.byId(latestSnapshotId) : null;
    const etag = `"${latest?.snapshot.id ?? 'none'}.${target.inputsVersion}.${target.dirtySince?.getTime() ?? 0}"`;
    return { target, latest, etag };
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
