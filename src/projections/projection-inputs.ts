import { Injectable } from '@nestjs/common';

/** What changed, enough to find the targets whose projection it can move. */
export interface InputChange {
  source: 'campaign' | 'event' | 'actual' | 'target' | 'holiday';
  /** Calendar years (Asia/Shanghai) the change touches, e.g. the years an event spans before and after an edit. */
  years: number[];
  /**
   * Venues the change is about (before and after an edit). Targets scoped to the city are
   * always affected; venue-scoped targets only when their venue is listed. Empty = city only.
   */
  venueIds?: string[];
}

/**
 * The one door through which every feature says "projection inputs changed": it marks the
 * affected targets dirty in the database and enqueues their rebuilds (see the projections
 * module). Call it after the change is committed.
 */
@Injectable()
export class ProjectionInputs {
  async changed(_change: InputChange): Promise<void> {
    // Implemented by the targets/projections work (issue 4): mark dirty + enqueue rebuilds.
  }
}
