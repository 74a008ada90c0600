import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { freePort } from '../../src/infra/redis/embedded-redis.js';
import { spawnNode } from '../support/spawn-process.js';
import { testRedisUrl } from '../support/test-env.js';

const START = resolve('dist/src/start.js');
const CLI = resolve('dist/src/cli.js');

/**
 * `npm start` with the embedded defaults, run as a user would: a fresh folder, no configuration
 * but the port (and this run's Redis, so that runs stay apart).
 */
describe('the embedded start', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'planner-boot-'));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  const env = async () => ({
    PORT: String(await freePort()),
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: `boot${process.pid}`,
  });

  it('creates the SQLite database under ./data, loads the demo data and prints working tokens and URLs', async () => {
    const e = await env();
    const app = spawnNode(START, e, { cwd });
    try {
      const [, token] = await app.waitFor(/admin\s+\S+\s+(trp_[\w-]+)/, 60_000);
      expect(app.output()).toContain(`Docs:     http://127.0.0.1:${e.PORT}/docs`);
      expect(app.output()).toContain(`API:      http://127.0.0.1:${e.PORT}/api/v1`);
      expect(existsSync(join(cwd, 'data', 'planner.db'))).toBe(true);
      expect(existsSync(join(cwd, 'data', 'planner.db-wal'))).toBe(true);
      const http = request(`http://127.0.0.1:${e.PORT}`);
      const me = await http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(me.body.role).toBe('admin');
      await http.get('/health/ready').expect(200);
      expect(
        (await http.get('/api/v1/organizations').set('Authorization', `Bearer ${token}`)).body.length,
      ).toBeGreaterThanOrEqual(5);
    } finally {
      expect(await app.stop('SIGTERM')).toBe(0);
    }
  });

  it('does not load the demo data twice', async () => {
    const e = await env();
    const app = spawnNode(START, e, { cwd });
    try {
      await app.waitFor(/Tourism recovery planner is running/, 60_000);
      expect(app.output()).not.toContain('Demo data loaded');
    } finally {
      await app.stop('SIGTERM');
    }
  });

  it('the CLI creates a user and, with --json, prints only one JSON object with id and token', async () => {
    const run = spawnNode(
      CLI,
      {},
      { cwd, args: ['create-user', '--role', 'admin', '--name', 'Second admin', '--json'] },
    );
    expect(await run.exited).toBe(0);
    const parsed = JSON.parse(run.stdout());
    expect(parsed).toMatchObject({
      name: 'Second admin',
      role: 'admin',
      id: expect.any(String),
      token: expect.stringMatching(/^trp_/),
    });
  });

  it('the CLI names a bad option and exits non-zero', async () => {
    const run = spawnNode(CLI, {}, { cwd, args: ['create-user', '--role', 'king', '--name', 'X'] });
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('--role');
  });
});
