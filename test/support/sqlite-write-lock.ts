import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';

/**
 * Waits until another connection holds the write lock of the SQLite file (a transaction of a
 * worker thread or another process: one of this thread's own can never be seen held from here),
 * or until `gaveUp()`. True when the lock was seen. Probes with `BEGIN IMMEDIATE`, given up at once.
 */
export async function writeLockSeen(file: string, gaveUp: () => boolean): Promise<boolean> {
  const probe = new Database(file, { timeout: 0 });
  try {
    while (!gaveUp()) {
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
        throw error;
      }
      await sleep(1);
    }
    return false;
  } finally {
    probe.close();
  }
}
