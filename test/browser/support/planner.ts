import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { LOOKUP_TRUST_MS } from '../../../src/common/auth/trusted-lookups.js';
import { freePort } from '../../../src/infra/redis/embedded-redis.js';
import { spawnNode, type Spawned } from '../../support/spawn-process.js';
import { testRedisUrl } from '../../support/test-env.js';

export interface RunningPlanner {
  url: string;
  /** The one demo password `npm start` prints in development. */
  password: string;
  /** The planner's SQLite file (tests read it, or end a session as its expiry would). */
  databaseFile: string;
  process: Spawned;
  stop(): Promise<void>;
}

/**
 * The planner as a user starts it: the built `dist/src/start.js` in a fresh folder, SQLite,
 * this run's Redis, demo data and the demo sign-in, on a free port.
 */
export async function startPlanner(env: Record<string, string> = {}): Promise<RunningPlanner> {
  const cwd = mkdtempSync(join(tmpdir(), 'planner-browser-'));
  const port = await freePort();
  const child = spawnNode(
    resolve('dist/src/start.js'),
    {
      PORT: String(port),
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: `browser${process.pid}${port}`,
      LOG_LEVEL: 'warn',
      REBUILD_DELAY_MS: '200',
      ...env,
    },
    { cwd },
  );
  try {
    const [, password] = await child.waitFor(/Demo sign-in \(development only\), password: (\S+)/, 90_000);
    await child.waitFor(/Console: +http/, 10_000);
    return {
      url: `http://127.0.0.1:${port}`,
      password,
      databaseFile: join(cwd, 'data', 'planner.db'),
      process: child,
      stop: async () => {
        await child.stop('SIGTERM');
        rmSync(cwd, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await child.stop('SIGKILL');
    rmSync(cwd, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Ends every session of a user the way their expiry would: `expiresAt` in the past. Written from
 * outside the planner, so it answers once the planner's lookups of those sessions are no longer
 * trusted (LOOKUP_TRUST_MS), as a sign-out in another API process would be.
 */
export async function expireSessions(planner: RunningPlanner, email: string): Promise<number> {
  const db = new Database(planner.databaseFile);
  let changes: number;
  try {
    db.pragma('busy_timeout = 5000');
    changes = db
      .prepare(
        `UPDATE sessions SET expiresAt = '2000-01-01 00:00:00.000'
         WHERE userId IN (SELECT id FROM users WHERE email = ?)`,
      )
      .run(email).changes;
  } finally {
    db.close();
  }
  await setTimeout(LOOKUP_TRUST_MS);
  return changes;
}
