import { Injectable } from '@nestjs/common';
import { LruMap } from '../../common/lru-map.js';
import type { LocalDate } from '../../common/time/local-date.js';
import type { ProjectionInput } from '../math/projection-math.js';

/** What a build projected, kept for the builds that follow it in this process. */
export interface RecentProjection {
  input: ProjectionInput;
  projectedMedian: number;
}

/** Projections kept; the least recently used is dropped beyond this (a few per target). */
const KEPT = 64;

/**
 * The projections this process computed lately, by target, inputs version and day. A revenue
 * target's build needs its visitors target projected from the same data, and the worker has
 * usually just built that one (a change queues both), so it is taken from here instead of being
 * loaded and projected again. Right by construction: every change to a target's inputs bumps its
 * inputs version, and a projection is kept under the version read before its data was loaded, so
 * an entry found under the version a target has now holds that version's data.
 */
@Injectable()
export class RecentProjections {
  private readonly entries = new LruMap<string, RecentProjection>(KEPT);

  get(targetId: string, inputsVersion: number, today: LocalDate): RecentProjection | undefined {
    return this.entries.get(`${targetId}:${inputsVersion}:${today}`);
  }

  set(targetId: string, inputsVersion: number, today: LocalDate, projection: RecentProjection): void {
    this.entries.set(`${targetId}:${inputsVersion}:${today}`, projection);
  }
}
