/**
 * The API's read and write path against bare Fastify, side by side in one run.
 *   npm run bench:api [-- --duration 10 --connections 50 --only projection,me --cpu-prof DIR]
 * (`--cpu-prof DIR`: the API process writes a V8 CPU profile into DIR when it stops.)
 * In a temporary folder with a private redis-server:
 * 1. starts the built planner once as `npm start` does (`dist/src/start.js`: SQLite, demo data)
 *    and waits for every target's first projection, then stops it;
 * 2. starts the API process alone on that database (`dist/src/main.js`, no worker: the load
 *    measures the API, and the rebuilds the writes queue wait in Redis), with the rate limit
 *    raised out of the way (RATE_LIMIT_PER_MINUTE);
 * 3. records each route's response once and starts a bare Fastify server answering the same
 *    bytes (bench/support/bare-server.ts) in its own process, and a NestJS application doing
 *    nothing else on the same adapter (bench/support/nest-floor-server.ts): the framework's floor;
 * 4. runs autocannon on each route, `connections` at a time for `duration` seconds, against the
 *    planner, the bare server and the Nest floor, and prints req/s, p50/p99 latency and the ratio
 *    to bare, and each server process's CPU time per request with its ratio (bare over planner):
 *    on a machine busy with other work the req/s ratio drifts, the CPU one hardly does. The Nest
 *    floor's figures say how much of the gap is the framework's.
 * Routes: a target's projection (also revalidated with If-None-Match, and gzipped) and progress,
 * /me, the public events list, /health, an event PATCH (also one at a time) and a PUT /actuals,
 * authenticated with a seeded admin's API token; /me and progress also with the console's session
 * cookie (the seeded admin signed in), the way the console asks. The last line is JSON.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort, startPrivateRedis } from '../src/infra/redis/embedded-redis.js';
import { DEMO_PASSWORD } from '../seeds/organizations.seed.js';
import { spawnNode } from '../test/support/spawn-process.js';
import type { BareResponse } from './support/recorded-response.js';
import { until } from '../test/support/until.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string', default: '' },
    'cpu-prof': { type: 'string', default: '' },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
// Route names may hold ", " ("event PATCH, 1 conn"): only a comma without a space separates.
const ONLY = values.only ? new Set(values.only.split(/,(?! )/)) : null;
const ROOT = process.cwd();
for (const file of [
  'dist/src/start.js',
  'dist/src/main.js',
  'dist/bench/support/bare-server.js',
  'dist/bench/support/nest-floor-server.js',
])
  if (!existsSync(file)) throw new Error(`Run \`npm run build\` first: the bench starts ${file}`);

const dir = mkdtempSync(join(tmpdir(), 'planner-bench-api-'));
const cleanups: Array<() => unknown> = [() => rmSync(dir, { recursive: true, force: true })];
/** Polling for the demo and the API: every 200 ms, for up to 5 minutes. */
const PATIENTLY = { timeoutMs: 300_000, everyMs: 200 };

/** Starts a built script in the temporary folder (`nodeArgs` go to node itself); stopped at the end. */
function startNode(
  script: string,
  env: Record<string, string>,
  { args = [] as string[], nodeArgs = [] as string[] } = {},
) {
  const node = spawnNode(resolve(ROOT, script), env, { cwd: dir, args, nodeArgs });
  cleanups.unshift(() => node.stop());
  return node;
}

interface Route {
  name: string;
  method: 'GET' | 'PATCH' | 'PUT';
  /** Path and query as requested. */
  url: string;
  headers: Record<string, string>;
  /** A new body for each request (writes change something each time). */
  body?: (i: number) => unknown;
  /** A new path for each request (writes spread over several resources)... */
  path?: (i: number) => string;
  /** ...matched by this route pattern on the bare server. */
  pattern?: string;
  connections?: number;
}

interface Measured {
  reqPerSec: number;
  /**
   * CPU time the server process spent per request (user + system, µs; null where /proc is not
   * available). Unlike req/s it hardly depends on what else the machine runs, so its ratio holds
   * on a busy machine.
   */
  cpuUsPerReq: number | null;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Count per HTTP status, when any was not 2xx. */
  statuses?: Record<string, number>;
}

/** CPU seconds (user + system) a process has used so far, from /proc; null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    // Fields 14 and 15 of /proc/PID/stat, after the command name in parentheses; in clock ticks (100 a second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function load(base: string, route: Route, serverPid: number | undefined): Promise<Measured> {
  let i = 0;
  const cpuBefore = cpuSeconds(serverPid);
  const result = await autocannon({
    url: base + route.url,
    method: route.method,
    headers: { ...route.headers, ...(route.body ? { 'content-type': 'application/json' } : {}) },
    connections: route.connections ?? CONNECTIONS,
    duration: DURATION,
    requests: route.body
      ? [
          {
            setupRequest: (req) => {
              const n = i++;
              return { ...req, path: route.path?.(n) ?? req.path, body: JSON.stringify(route.body!(n)) };
            },
          },
        ]
      : undefined,
  });
  const cpuAfter = cpuSeconds(serverPid);
  const answered = result.requests.total;
  return {
    reqPerSec: Math.round(result.requests.average),
    cpuUsPerReq:
      cpuBefore === null || cpuAfter === null || !answered
        ? null
        : Math.round(((cpuAfter - cpuBefore) * 1e6) / answered),
    p50: result.latency.p50,
    p99: result.latency.p99,
    // 304s count as non-2xx in autocannon; the revalidation route expects them.
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses: result.non2xx
      ? Object.fromEntries(
          Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]),
        )
      : undefined,
  };
}

try {
  const redis = await startPrivateRedis(join(dir, 'redis'), { persist: false });
  cleanups.push(() => redis.stop?.());
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    REDIS_URL: redis.url,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '10000000',
    REBUILD_DELAY_MS: '200',
  };

  // -- 1. the demo, with its first projections ---------------------------------------------------
  const seedStart = performance.now();
  const seeding = startNode('dist/src/start.js', env);
  await seeding.waitFor(/Demo sign-in \(development only\)/, 300_000);
  const token = /^\s+admin\s+\S+\s+(trp_\S+)/m.exec(seeding.output())?.[1];
  if (!token) throw new Error(`No admin token in the welcome:\n${seeding.output()}`);
  const auth = { authorization: `Bearer ${token}` };
  const json = async (path: string) => {
    const res = await fetch(base + path, { headers: auth });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const targets = (await json('/api/v1/targets?limit=100')).items as Array<{
    id: string;
    scopeKey: string;
    metric: string;
  }>;
  await until(
    'every target projected',
    async () => {
      for (const t of targets) {
        const p = await json(`/api/v1/targets/${t.id}/projection`);
        if (p.stale !== false) return undefined;
      }
      return true;
    },
    PATIENTLY,
  );
  await seeding.stop();
  const seedSeconds = (performance.now() - seedStart) / 1000;

  // -- 2. the API process alone ------------------------------------------------------------------
  const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', resolve(values['cpu-prof'])] : [];
  const api = startNode('dist/src/main.js', env, { nodeArgs: profile });
  await until(
    'the API',
    async () => {
      if (api.child.exitCode !== null) throw new Error(`The API exited:\n${api.output()}`);
      return (await fetch(`${base}/health`).catch(() => null))?.ok ? true : undefined;
    },
    PATIENTLY,
  );

  const city = targets.find((t) => t.scopeKey === 'city' && t.metric === 'visitors') ?? targets[0];
  const events = (await json('/api/v1/events?limit=100')).items as Array<{
    id: string;
    status: string;
  }>;
  // The outside-city share changes no status and every approved event counts in the projections.
  // Concurrent edits go to different events (edits of one event at once answer 409 by design).
  const editable = events.filter((e) => e.status === 'approved');
  if (!editable.length) throw new Error('The demo has no approved event to edit');
  // The console's way in: a session cookie (reads need no CSRF token).
  const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@planner.local', password: DEMO_PASSWORD }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('planner_session='));
  if (!signIn.ok || !cookie) throw new Error(`Sign-in: ${signIn.status} ${await signIn.text()}`);
  const session = { cookie };
  const actualDate = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  const projection = await fetch(`${base}/api/v1/targets/${city.id}/projection`, { headers: auth });
  const etag = projection.headers.get('etag');
  const patch: Route = {
    name: 'event PATCH',
    method: 'PATCH',
    url: `/api/v1/events/${editable[0].id}`,
    headers: auth,
    path: (i) => `/api/v1/events/${editable[i % editable.length].id}`,
    pattern: '/api/v1/events/:id',
    body: (i) => ({ expectedOutsideCitySharePct: 10 + (Math.floor(i / editable.length) % 80) }),
  };
  const routes: Route[] = [
    { name: 'projection', method: 'GET', url: `/api/v1/targets/${city.id}/projection`, headers: auth },
    ...(etag
      ? [
          {
            name: 'projection 304',
            method: 'GET' as const,
            url: `/api/v1/targets/${city.id}/projection`,
            headers: { ...auth, 'if-none-match': etag },
          },
        ]
      : []),
    { name: 'progress', method: 'GET', url: `/api/v1/targets/${city.id}/progress`, headers: auth },
    {
      name: 'progress, session',
      method: 'GET',
      url: `/api/v1/targets/${city.id}/progress`,
      headers: session,
    },
    { name: 'me', method: 'GET', url: '/api/v1/me', headers: auth },
    { name: 'me, session', method: 'GET', url: '/api/v1/me', headers: session },
    { name: 'public events', method: 'GET', url: '/api/v1/public/events', headers: {} },
    { name: 'health', method: 'GET', url: '/health', headers: {} },
    patch,
    { ...patch, name: 'event PATCH, 1 conn', connections: 1 },
    {
      name: 'PUT actuals',
      method: 'PUT',
      url: '/api/v1/actuals',
      headers: auth,
      body: (i) => ({
        date: actualDate,
        metric: 'visitors',
        value: 50_000 + (i % 1000),
        source: 'bench:api',
      }),
    },
  ];
  const selected = routes.filter((r) => !ONLY || ONLY.has(r.name));

  // -- 3. the same bytes from bare Fastify -------------------------------------------------------
  const recorded: BareResponse[] = [];
  const sizes = new Map<string, number>();
  for (const r of selected) {
    const res = await fetch(base + r.url, {
      method: r.method,
      headers: { ...r.headers, ...(r.body ? { 'content-type': 'application/json' } : {}) },
      body: r.body ? JSON.stringify(r.body(0)) : undefined,
    });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status >= 400) throw new Error(`${r.method} ${r.url}: ${res.status} ${body.toString()}`);
    sizes.set(r.name, body.length);
    const path = r.pattern ?? r.url.split('?')[0];
    if (recorded.some((x) => x.method === r.method && x.path === path)) continue;
    recorded.push({
      method: r.method,
      path,
      status: res.status,
      headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' },
      body: body.toString('base64'),
      etag: res.headers.get('etag') ?? undefined,
    });
  }
  const responsesFile = join(dir, 'responses.json');
  writeFileSync(responsesFile, JSON.stringify(recorded));
  const bare = startNode('dist/bench/support/bare-server.js', {}, { args: [responsesFile] });
  const [, barePort] = await bare.waitFor(/listening (\d+)/, 300_000);
  const bareBase = `http://127.0.0.1:${barePort}`;
  const floor = startNode('dist/bench/support/nest-floor-server.js', {}, { args: [responsesFile] });
  const [, floorPort] = await floor.waitFor(/listening (\d+)/, 300_000);
  const floorBase = `http://127.0.0.1:${floorPort}`;

  // -- 4. load -------------------------------------------------------------------------------------
  const rows: Array<{
    route: string;
    bytes: number;
    planner: Measured;
    bare: Measured;
    /** A NestJS application answering the same bytes and doing nothing else. */
    nest: Measured;
    ratio: number;
    /** The Nest floor's req/s over bare's: the most the framework leaves. */
    nestRatio: number;
    /** Bare's CPU per request over the planner's: the req/s ratio one core would allow. */
    cpuRatio: number | null;
  }> = [];
  for (const r of selected) {
    const planner = await load(base, r, api.child.pid);
    const bareRun = await load(bareBase, r, bare.child.pid);
    const nest = await load(floorBase, r, floor.child.pid);
    const ratio = +(planner.reqPerSec / Math.max(1, bareRun.reqPerSec)).toFixed(2);
    const nestRatio = +(nest.reqPerSec / Math.max(1, bareRun.reqPerSec)).toFixed(2);
    const cpuRatio =
      planner.cpuUsPerReq && bareRun.cpuUsPerReq
        ? +(bareRun.cpuUsPerReq / planner.cpuUsPerReq).toFixed(2)
        : null;
    rows.push({
      route: r.name,
      bytes: sizes.get(r.name) ?? 0,
      planner,
      bare: bareRun,
      nest,
      ratio,
      nestRatio,
      cpuRatio,
    });
    const failed = planner.errors || (planner.non2xx && r.name !== 'projection 304');
    process.stderr.write(
      `${r.name}: ${planner.reqPerSec} req/s (bare ${bareRun.reqPerSec}, Nest floor ${nest.reqPerSec})${failed ? ` ${JSON.stringify(planner.statuses ?? {})}, ${planner.errors} errors` : ''}\n`,
    );
  }

  const fmt = (m: Measured) =>
    `${String(m.reqPerSec).padStart(6)} req/s  p50 ${String(m.p50).padStart(3)} ms  p99 ${String(m.p99).padStart(4)} ms  ${String(m.cpuUsPerReq ?? '-').padStart(5)} µs CPU`;
  const lines = [
    `planner                  demo on SQLite (seeded and first projections in ${seedSeconds.toFixed(0)} s), API process alone, rate limit ${env.RATE_LIMIT_PER_MINUTE}/min`,
    `load                     autocannon, ${CONNECTIONS} connections (unless said), ${DURATION} s per route and server`,
    '',
    `${'route'.padEnd(22)} ${'bytes'.padStart(7)}  ${'planner'.padEnd(47)}  ${'bare Fastify, same bytes'.padEnd(47)}  ratio  CPU ratio  ${'Nest floor, same bytes'.padEnd(30)}  ratio`,
    ...rows.map(
      (r) =>
        `${r.route.padEnd(22)} ${String(r.bytes).padStart(7)}  ${fmt(r.planner)}  ${fmt(r.bare)}  ${r.ratio.toFixed(2)}   ${(r.cpuRatio?.toFixed(2) ?? '-').padEnd(9)}  ${String(r.nest.reqPerSec).padStart(6)} req/s  ${String(r.nest.cpuUsPerReq ?? '-').padStart(5)} µs CPU  ${r.nestRatio.toFixed(2)}${
          r.planner.errors || (r.planner.non2xx && r.route !== 'projection 304')
            ? `  (statuses ${JSON.stringify(r.planner.statuses ?? {})}, ${r.planner.errors} errors)`
            : ''
        }`,
    ),
  ];
  const row = (name: string) => rows.find((r) => r.route === name);
  const goals: string[] = [];
  for (const name of ['projection', 'progress', 'progress, session']) {
    const r = row(name);
    if (r)
      goals.push(
        `${name}: ratio ${r.ratio.toFixed(2)} (goal ≥ 0.5; Nest floor ${r.nestRatio.toFixed(2)}), p99 ${r.planner.p99} ms (goal < 25): ${r.ratio >= 0.5 && r.planner.p99 < 25 ? 'met' : 'NOT met'}`,
      );
  }
  for (const name of ['me', 'me, session']) {
    const me = row(name);
    if (me)
      goals.push(
        `${name}: ratio ${me.ratio.toFixed(2)} (goal ≥ 0.5; Nest floor ${me.nestRatio.toFixed(2)}): ${me.ratio >= 0.5 ? 'met' : 'NOT met'}`,
      );
  }
  const single = row('event PATCH, 1 conn');
  if (single)
    goals.push(
      `one event PATCH at a time: p50 ${single.planner.p50} ms (goal < 5): ${single.planner.p50 < 5 ? 'met' : 'NOT met'}`,
    );
  console.log([...lines, '', 'goals', ...goals.map((g) => `  ${g}`)].join('\n'));
  console.log(
    JSON.stringify({
      bench: 'api',
      database: 'sqlite',
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      routes: rows,
    }),
  );
} finally {
  for (const cleanup of cleanups) await cleanup();
}
