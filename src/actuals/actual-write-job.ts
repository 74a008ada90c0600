import type { ActualColumns } from './actual-rows.js';

/** What the actuals write thread is given (as its `workerData`)... */
export interface ActualWriteJob {
  /** The SQLite file. */
  file: string;
  rows: ActualColumns;
  /** The instant as the app's SQLite columns store it. */
  updatedAt: string;
  dirtyTargetIds: string[];
}

/** ...and what it answers, once, after its connection is closed. */
export type ActualWriteOutcome =
  { ok: true } | { ok: false; error: { name: string; message: string; code?: string } };
