import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../seeds/organizations.seed.js';
import { freePort } from '../../src/infra/redis/embedded-redis.js';
import { spawnNode, spawnNodeOnTerminal } from '../support/spawn-process.js';
import { testRedisUrl } from '../support/test-env.js';

const START = resolve('dist/src/start.js');

/** Where the start banner begins in the output. */
const BANNER = 'Tourism recovery planner is running.';

/** What a terminal shows, without colours and with plain line ends. */
const plain = (output: string) => stripVTControlCharacters(output.replaceAll('\r\n', '\n'));

/**
 * The newcomer's `npm start` (issue 10 items 17 and 18): the demo sign-in banner after the
 * start-up logs, readable logs on a terminal, and a taken port.
 */
describe('npm start for a newcomer', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'planner-auth-start-'));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  const env = async (extra: Record<string, string> = {}): Promise<Record<string, string>> => ({
    PORT: String(await freePort()),
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: `authstart${process.pid}`,
    ...extra,
  });
  const startAndRead = async (e: Record<string, string>, cwdOf = cwd) => {
    const app = spawnNode(START, e, { cwd: cwdOf });
    try {
      await app.waitFor(/Console: [^\n]*\n(?:[^\n]+\n)*\n/, 90_000);
      await new Promise((r) => setTimeout(r, 300)); // the banner is written in one go
      return { stdout: app.stdout(), http: request(`http://127.0.0.1:${e.PORT}`), app };
    } catch (error) {
      await app.stop('SIGTERM');
      throw error;
    }
  };

  it('prints the console URL, every demo account and the demo password last, on every start until one signs in', async () => {
    for (const round of [1, 2]) {
      const e = await env();
      const { stdout, http, app } = await startAndRead(e);
      try {
        expect(stdout.includes('Demo data loaded')).toBe(round === 1);
        const banner = stdout.slice(stdout.lastIndexOf('Console:')).trimEnd().split('\n');
        expect(banner[0]).toBe(`Console: http://127.0.0.1:${e.PORT}/`);
        expect(banner[1]).toBe(`Demo sign-in (development only), password: ${DEMO_PASSWORD}`);
        expect(banner.slice(2).map((l) => l.trim().split(/\s+/))).toEqual(
          DEMO_USERS.map((u) => [u.role, u.email]),
        );
        // Nothing after the banner.
        expect(stdout.trimEnd().endsWith(DEMO_USERS.at(-1)!.email)).toBe(true);
        if (round === 2) {
          const res = await http
            .post('/api/v1/auth/sign-in')
            .send({ email: 'planner@planner.local', password: DEMO_PASSWORD })
            .expect(200);
          expect(res.body.user.role).toBe('planner');
        }
      } finally {
        expect(await app.stop('SIGTERM')).toBe(0);
      }
    }
    // Someone has signed in: the demo password is no longer printed.
    const e = await env();
    const { stdout, app } = await startAndRead(e);
    try {
      expect(stdout).toContain(`Console: http://127.0.0.1:${e.PORT}/`);
      expect(stdout).not.toContain(DEMO_PASSWORD);
    } finally {
      await app.stop('SIGTERM');
    }
  }, 300_000);

  it('never gives the demo users a password outside development', async () => {
    const prodCwd = mkdtempSync(join(tmpdir(), 'planner-auth-start-prod-'));
    try {
      const e = await env({
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        SEED_DEMO: 'true',
        SIGNING_SECRET: 's'.repeat(40),
        DATABASE_URL: `sqlite:${join(prodCwd, 'planner.db')}`,
      });
      e.PUBLIC_URL = `http://127.0.0.1:${e.PORT}`;
      const { stdout, http, app } = await startAndRead(e, prodCwd);
      try {
        expect(stdout).toContain('Demo data loaded');
        expect(stdout).not.toContain(DEMO_PASSWORD);
        // JSON log lines, every start-up one written before the banner (none held in a buffer).
        const banner = stdout.indexOf(BANNER);
        for (const logged of ['"context":"Migrations"', '"msg":"Loaded the demo data'])
          expect([stdout.indexOf(logged) >= 0, stdout.indexOf(logged) < banner]).toEqual([true, true]);
        const res = await http
          .post('/api/v1/auth/sign-in')
          .send({ email: 'admin@planner.local', password: DEMO_PASSWORD })
          .expect(401);
        expect(res.body.code).toBe('invalid_credentials');
      } finally {
        await app.stop('SIGTERM');
      }
    } finally {
      rmSync(prodCwd, { recursive: true, force: true });
    }
  }, 180_000);

  it('on a terminal in development, shows readable log lines without the start-up chatter, then the banner', async () => {
    const devCwd = mkdtempSync(join(tmpdir(), 'planner-auth-start-tty-'));
    const e = await env();
    const app = spawnNodeOnTerminal(START, e, { cwd: devCwd });
    try {
      await app.waitFor(/Console: [^\n]*\n(?:[^\r\n]+\r?\n)*\r?\n/, 90_000);
      const out = plain(app.stdout());
      const [logs, banner] = [out.slice(0, out.indexOf(BANNER)), out.slice(out.indexOf(BANNER))];
      const lines = logs.trim().split('\n');
      // One readable line per message: time, level, message; no JSON object lines.
      expect(lines.filter((l) => l.startsWith('{'))).toEqual([]);
      expect(lines).toContainEqual(expect.stringMatching(/^\[\d\d:\d\d:\d\d\] INFO: Applied \d+ migration/));
      expect(lines).toContainEqual(expect.stringMatching(/^\[\d\d:\d\d:\d\d\] INFO: Loaded the demo data/));
      // Nest's modules and routes are logged at debug, below the default level.
      expect(out).not.toMatch(/InstanceLoader|RouterExplorer|Mapped \{/);
      expect(banner).toContain(`Console: http://127.0.0.1:${e.PORT}/`);
      expect(banner).toContain(`Demo sign-in (development only), password: ${DEMO_PASSWORD}`);
    } finally {
      await app.stop('SIGTERM');
      rmSync(devCwd, { recursive: true, force: true });
    }
  }, 180_000);

  it('with the port taken, says so in one line naming PORT, without a stack trace, and exits 1', async () => {
    const blocker: Server = createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    try {
      const app = spawnNode(START, { ...(await env()), PORT: String(port) }, { cwd });
      expect(await app.exited).toBe(1);
      const lines = app.stderr().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`Port ${port} .*in use.*PORT=\\d+`));
      expect(app.output()).not.toMatch(/^\s+at /m);
      expect(app.output()).not.toContain('EADDRINUSE');
    } finally {
      blocker.close();
    }
  }, 120_000);
});
