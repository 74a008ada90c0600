import { Injectable } from '@nestjs/common';
import type { ProjectionSnapshot } from '../rebuild/projection-snapshot.entity.js';
import { ProjectionSnapshotStore } from '../rebuild/projection-snapshot.store.js';
import { ProjectionSnapshotView } from './dto/projection-snapshot.view.js';
import { LruMap } from '../../common/lru-map.js';

/**
 * Snapshots kept parsed in each API process (the latest of up to this many targets; a demo-sized
 * snapshot is a few hundred KB parsed and serialised, so this bounds the cache to tens of MB).
 */
const KEPT = 128;

export interface LatestSnapshot {
  snapshot: ProjectionSnapshot;
  /** `ProjectionSnapshotView.of(snapshot)`, made once per snapshot. */
  view(): ProjectionSnapshotView;
  /** The same, serialised once per snapshot. */
  json(): string;
}

/**
 * The newest snapshot of a target for the reads that poll it. A stored snapshot never changes
 * (a rebuild inserts a new row per inputs version), so each process keeps the latest ones parsed
 * and serialised by id: a read costs one small indexed query for the newest id, not the parsing
 * of the snapshot's daily series and contributions again, and any process sees a new snapshot
 * as soon as it is stored.
 */
@Injectable()
export class LatestSnapshots {
  /** By snapshot id; the least recently read goes first. */
  private readonly entries = new LruMap<
    string,
    { snapshot: ProjectionSnapshot; view?: ProjectionSnapshotView; json?: string }
  >(KEPT);

  constructor(private readonly store: ProjectionSnapshotStore) {}

  async of(targetId: string): Promise<LatestSnapshot | null> {
    const key = await this.store.latestKey(targetId);
    if (!key) return null;
    let entry = this.entries.get(key.id);
    if (!entry) {
      const snapshot = await this.store.findById(key.id);
      if (!snapshot) return null; // pruned in between: only older ones are, so this is rare
      entry = { snapshot };
      this.entries.set(key.id, entry);
    }
    const kept = entry;
    const view = () => (kept.view ??= ProjectionSnapshotView.of(kept.snapshot));
    return { snapshot: kept.snapshot, view, json: () => (kept.json ??= JSON.stringify(view())) };
  }
}
