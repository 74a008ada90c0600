import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

const LOCK_ID = 7_302_022; // any constant shared by every process of this app
const logger = new Logger('Migrations');

/**
 * Brings the schema up to date at start. On PostgreSQL an advisory lock lets any number of API
 * and worker processes start at once: one migrates, the others wait, then find nothing pending.
 * On SQLite (one host) the process that may migrate does; the others wait until it has.
 */
export async function migrateOnStart(dataSource: DataSource, mayMigrate: boolean): Promise<void> {
  if (dataSource.options.type === 'postgres') {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
      await run(dataSource);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => undefined);
      await runner.release();
    }
    return;
  }
  if (mayMigrate) {
    await run(dataSource);
    return;
  }
  for (let waited = 0; await dataSource.showMigrations(); waited++) {
    if (waited % 10 === 0) logger.log('Waiting for the API process to migrate the database');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function run(dataSource: DataSource): Promise<void> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length)
    logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
}
