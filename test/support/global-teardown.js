/* global process */
import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.__plannerRedisStop?.();
  if (process.env.TEST_TMP_DIR) rmSync(process.env.TEST_TMP_DIR, { recursive: true, force: true });
}
