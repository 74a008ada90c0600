import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A fresh, empty database for one test file: a temporary SQLite file by default, or a new
 * PostgreSQL schema when the run is given `DATABASE_URL=postgres://...`.
 */
export interface TestDatabase {
  url: string;
  kind: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (base?.startsWith('postgres')) {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.end();
    const url = new URL(base);
    url.searchParams.set('schema', schema);
    return {
      url: url.toString(),
      kind: 'postgres',
      drop: async () => {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'planner-test-db-'));
  return {
    url: `sqlite:${join(dir, 'planner.db')}`,
    kind: 'sqlite',
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
