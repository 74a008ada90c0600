import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnNode } from '../support/spawn-process.js';

/** A production process refuses to start without the address its emails link to (issue 10, item 21). */
describe('production configuration', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'planner-prod-'));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it.each(['dist/src/main.js', 'dist/src/worker.js'])(
    '%s without PUBLIC_URL stops at boot with one line naming it',
    async (entry) => {
      const run = spawnNode(
        resolve(entry),
        { NODE_ENV: 'production', SIGNING_SECRET: 'x'.repeat(40), DATABASE_URL: 'sqlite:./p.db' },
        { cwd },
      );
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toMatch(/Invalid configuration: PUBLIC_URL must be set in production/);
      expect(run.stderr()).not.toMatch(/\n\s+at /);
    },
  );
});
