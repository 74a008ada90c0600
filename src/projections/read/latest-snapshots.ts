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
  /** The same as JSON in UTF-8, serialised once per snapshot. */
  json(): Buffer;
  /**
   * A response made from this snapshot and the target's freshness, remembered for the last
   * `key` asked (the target's inputs version and dirty mark: they change far less often than
   * the snapshot is read).
   */
  remembered(name: 'projection' | 'progress', key: string, make: () => Buffer): Buffer;
}

interface Entry {
  snapshot: ProjectionSnapshot;
  view?: ProjectionSnapshotView;
  json?: Buffer;
  made: Map<string, { key: string; body: Buffer }>;
}

/**
 * The newest snapshots of targets for the reads that poll them. A stored snapshot never changes
 * (a rebuild inserts a new row per inputs version), so each process keeps the latest ones parsed
 * and serialised by id: once a read knows the newest id (TargetReadHeads), it costs no parsing
 * of the snapshot's daily series and contributions again, and any process sees a new snapshot as
 * soon as it is stored.
 */
@Injectable()
export class LatestSnapshots {
  /** By snapshot id; the least recently read goes first. */
  private readonly entries = new LruMap<string, Entry>(KEPT);

  constructor(private readonly store: ProjectionSnapshotStore) {}

  async byId(id: string): Promise<LatestSnapshot | null> {
    let entry = this.entries.get(id);
    if (!entry) {
      const snapshot = await this.store.findById(id);
      if (!snapshot) return null; // pruned in between: only older ones are, so this is rare
      entry = { snapshot, made: new Map() };
      this.entries.set(id, entry);
    }
    const kept = entry;
    const view = () => (kept.view ??= ProjectionSnapshotView.of(kept.snapshot));
    return {
      snapshot: kept.snapshot,
      view,
      json: () => (kept.json ??= Buffer.from(JSON.stringify(view()))),
      remembered: (name, key, make) => {
        const hit = kept.made.get(name);
        if (hit?.key === key) return hit.body;
        const body = make();
        kept.made.set(name, { key, body });
        return body;
      },
    };
  }
}
