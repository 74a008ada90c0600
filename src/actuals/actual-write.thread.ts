/**
 * The entry of the worker thread that writes a large import of actuals to the SQLite file (started
 * by `writeActualsInThread`, actual-thread-writer.ts): its own connection, one `BEGIN IMMEDIATE
 * ... COMMIT` transaction, all or nothing. Loads no Nest and no TypeORM: only better-sqlite3 and
 * the upsert itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { applySqlitePragmas, SQLITE_BUSY_TIMEOUT_MS } from '../infra/database/sqlite-pragmas.js';
import { upsertActualsSqlite } from './actual-sqlite-upsert.js';
import type { ActualWriteJob, ActualWriteOutcome } from './actual-write-job.js';

const job = workerData as ActualWriteJob;
let outcome: ActualWriteOutcome;
try {
  const db = new Database(job.file, { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    applySqlitePragmas(db);
    // Each multi-row upsert keeps a statement journal (the pages it changes, to undo it alone if
    // one of its rows fails), which SQLite spills to a temporary FILE past 64 KiB: a file write
    // per statement, most of the time the upsert took over a plain insert (8.9 s instead of
    // 6.2 s for a million rows). In memory it stays a few hundred KiB, emptied after each
    // statement. This connection makes no temporary tables.
    db.pragma('temp_store = MEMORY');
    db.exec('BEGIN IMMEDIATE');
    try {
      upsertActualsSqlite(db, job.rows, job.updatedAt, job.dirtyTargetIds);
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.close();
  }
  outcome = { ok: true };
} catch (error) {
  const e = error as { name?: string; message?: string; code?: unknown };
  outcome = {
    ok: false,
    error: {
      name: e.name ?? 'Error',
      message: e.message ?? String(error),
      code: typeof e.code === 'string' ? e.code : undefined,
    },
  };
}
parentPort!.postMessage(outcome);
