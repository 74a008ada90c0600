import { Injectable } from '@nestjs/common';
import { TargetPathService, type TargetPath } from './target-path.service.js';
import type { ResolvedTarget } from './targets.service.js';
import { LruMap } from '../common/lru-map.js';

/** Paths kept per process; the least recently used is dropped beyond this. */
const TARGET_PATH_MEMO_SIZE = 256;

/**
 * A target's path, computed once per inputs version (per process). Every change of a path's
 * inputs (the baseline year's actuals, the holidays of its years, the target's own edit) goes
 * through ProjectionInputs, which bumps the target's `inputsVersion` in the same transaction, so
 * a path computed for (target id, inputsVersion) stays right until that version moves; a new
 * version simply misses and the old entry ages out. Changes that do not move the path (events,
 * campaigns, actuals of the target year) bump the version too and only cost a recomputation.
 * In-flight computations are shared, so concurrent checks of one venue compute the path once.
 */
@Injectable()
export class TargetPathMemo {
  private readonly entries = new LruMap<string, Promise<TargetPath>>(TARGET_PATH_MEMO_SIZE);

  constructor(private readonly paths: TargetPathService) {}

  path(resolved: ResolvedTarget): Promise<TargetPath> {
    const { id, inputsVersion } = resolved.target;
    const key = `${id}@${inputsVersion}`;
    const hit = this.entries.get(key);
    if (hit) return hit;
    const computed = this.paths.path(resolved);
    this.entries.set(key, computed);
    // A failed computation is not remembered.
    computed.catch(() => {
      if (this.entries.peek(key) === computed) this.entries.delete(key);
    });
    return computed;
  }
}
