import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { freePort } from '../../src/infra/redis/embedded-redis.js';
import { spawnNode, type Spawned } from '../support/spawn-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testRedisUrl } from '../support/test-env.js';

const CLI = resolve('dist/src/cli.js');
const MAIN = resolve('dist/src/main.js');

/** Runs the compiled CLI with `stdin` piped in; resolves with its exit code and output. */
function cli(
  env: Record<string, string>,
  args: string[],
  stdin?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/**
 * Passwords from the CLI to the console, as separate processes: `set-password` and
 * `create-user --password-stdin` read stdin, `invite` prints a link, and no password ever
 * appears in any output of the CLI or (at LOG_LEVEL=trace) of the API process, nor in an answer.
 */
describe('passwords through the CLI and the API process', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let api: Spawned | undefined;
  const outputs: string[] = [];
  const passwords = {
    admin: 'admin-secret-pw-1',
    planner: 'planner secret pw 2 密码',
    invitee: 'invitee-secret-pw-3',
    short: 'short-pw',
    wrong: 'wrong-secret-pw-4',
  };
  const run = async (args: string[], stdin?: string) => {
    const result = await cli(env, args, stdin);
    outputs.push(result.stdout, result.stderr);
    return result;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    env = {
      NODE_ENV: 'development',
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: `authp${process.pid}`,
      PORT: String(port),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'trace',
    };
  });
  afterAll(async () => {
    if (api) await api.stop('SIGTERM');
    await db.drop();
  });

  it('create-user --password-stdin needs --email, and takes the password from stdin', async () => {
    const noEmail = await run(
      ['create-user', '--role', 'admin', '--name', 'A', '--password-stdin'],
      'x'.repeat(12),
    );
    expect(noEmail.code).toBe(2);
    expect(noEmail.stderr).toContain('--email');
    const created = await run(
      [
        'create-user',
        '--role',
        'admin',
        '--name',
        'Admin',
        '--email',
        'admin@cli.example',
        '--password-stdin',
      ],
      `${passwords.admin}\n`,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('they can sign in as admin@cli.example');
    expect(created.stdout).toMatch(/trp_[\w-]{43}/);
  }, 120_000);

  it('set-password reads stdin, checks the length and names an unknown email', async () => {
    const planner = await run([
      'create-user',
      '--role',
      'planner',
      '--name',
      'P',
      '--email',
      'planner@cli.example',
    ]);
    expect(planner.code).toBe(0);
    const short = await run(['set-password', '--email', 'planner@cli.example'], passwords.short);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 10 characters');
    const long = await run(['set-password', '--email', 'planner@cli.example'], 'x'.repeat(201));
    expect(long.code).toBe(2);
    const set = await run(['set-password', '--email', 'Planner@CLI.example'], `${passwords.planner}\r\n`);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Password set for planner');
    const unknown = await run(['set-password', '--email', 'nobody@cli.example'], passwords.wrong);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('nobody@cli.example');
    const noEmail = await run(['set-password'], passwords.wrong);
    expect(noEmail.code).toBe(2);
  }, 240_000);

  it('invite prints a single-use link; the API signs them in; no password in any answer or log line', async () => {
    const invited = await run([
      'invite',
      '--email',
      'invitee@cli.example',
      '--role',
      'viewer',
      '--name',
      'V',
    ]);
    expect(invited.code).toBe(0);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/invite\/([\w-]{43}))/.exec(invited.stdout);
    expect(link?.[1].startsWith(`http://127.0.0.1:${env.PORT}/invite/`)).toBe(true);
    const badRole = await run(['invite', '--email', 'x@cli.example', '--role', 'king', '--name', 'X']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role');

    api = spawnNode(MAIN, env);
    const http = request(`http://127.0.0.1:${env.PORT}`);
    await api.waitFor(/successfully started|"msg":"Nest application/i, 60_000);
    for (let i = 0; i < 100 && (await http.get('/health').catch(() => null))?.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
    }
    const answers: string[] = [];
    const send = async (path: string, body: unknown, status: number) => {
      const res = await http
        .post(path)
        .send(body as object)
        .expect(status);
      answers.push(JSON.stringify(res.headers), res.text);
      return res;
    };
    await send('/api/v1/auth/sign-in', { email: 'admin@cli.example', password: passwords.admin }, 200);
    await send('/api/v1/auth/sign-in', { email: 'planner@cli.example', password: passwords.planner }, 200);
    await send('/api/v1/auth/sign-in', { email: 'planner@cli.example', password: passwords.wrong }, 401);
    await send('/api/v1/auth/sign-in', { email: 'admin@cli.example', password: 'y'.repeat(201) }, 400);
    await send(
      '/api/v1/auth/sign-in',
      { email: 'admin@cli.example', password: passwords.admin, extra: 1 },
      400,
    );
    await send(`/api/v1/auth/invitations/${link![2]}/accept`, { password: passwords.short }, 400);
    await send(`/api/v1/auth/invitations/${link![2]}/accept`, { password: passwords.invitee }, 200);
    // Malformed JSON around a password: the parser's message must not quote it back.
    const broken = await http
      .post('/api/v1/auth/sign-in')
      .set('Content-Type', 'application/json')
      .send(`{"email":"admin@cli.example","password":"${passwords.admin}"`)
      .expect(400);
    answers.push(broken.text);
    await send('/api/v1/auth/sign-in', { email: 'invitee@cli.example', password: passwords.invitee }, 200);

    expect(await api.stop('SIGTERM')).toBe(0);
    const logged = api.output();
    api = undefined;
    expect(logged).toContain('/api/v1/auth/sign-in'); // the requests were logged at all
    const everything = [...outputs, logged, ...answers].join('\n');
    for (const password of Object.values(passwords)) expect(everything).not.toContain(password);
    expect(everything).not.toContain('y'.repeat(201));
  }, 240_000);
});
