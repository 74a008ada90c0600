import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../../common/config/app-config.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { applySqlitePragmas, SQLITE_BUSY_TIMEOUT_MS } from './sqlite-pragmas.js';

// Instants are stored as UTC in `timestamp` columns on PostgreSQL (TypeORM's mapping of `Date`,
// shared with SQLite's `datetime`). Make node-postgres write and read them as UTC whatever the
// process time zone is.
pg.defaults.parseInputDatesAsUTC = true;
pg.types.setTypeParser(1114, (value: string) => new Date(`${value.replace(' ', 'T')}Z`));
// COUNT(*) and BIGINT come back as strings from node-postgres; our integers stay below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

/**
 * TypeORM options for either database. SQLite goes through `better-sqlite3`: TypeORM 1.x dropped
 * its driver for the callback-based `sqlite3` package, and better-sqlite3 is synchronous, faster
 * and supports WAL, which lets the API and worker processes share the file.
 */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  } as const;
  if (db.type === 'sqlite') {
    mkdirSync(dirname(db.path), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.path,
      enableWAL: true,
      timeout: SQLITE_BUSY_TIMEOUT_MS,
      prepareDatabase: applySqlitePragmas,
    };
  }
  return {
    ...common,
    type: 'postgres',
    url: db.url,
    schema: db.schema,
    extra: { max: 10, options: `-c timezone=UTC -c search_path=${db.schema}` },
  };
}
