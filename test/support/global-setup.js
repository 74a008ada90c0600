/* global process */
// Plain JS: jest loads global setup with Node's own ESM loader (no TS transform, no module
// mapping), so it uses the compiled app; `npm test` builds first (pretest).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrivateRedis } from '../../dist/src/infra/redis/embedded-redis.js';

/**
 * One throwaway redis-server per test run, on a free port, so runs never see each other's keys
 * (each test file also gets its own key prefix). Its URL reaches the test files through the
 * environment.
 */
export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'planner-test-redis-'));
  const redis = await startPrivateRedis(dir, { persist: false });
  process.env.TEST_REDIS_URL = redis.url;
  process.env.TEST_TMP_DIR = dir;
  globalThis.__plannerRedisStop = redis.stop;
}
