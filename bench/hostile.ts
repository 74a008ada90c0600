/**
 * The hostile-input suite: every operation of the OpenAPI document fed bad input, as each role.
 *   npm run bench:hostile [-- --per-operation 400 --concurrency 6]
 * In a temporary folder with a private redis-server, starts the built planner as `npm start` does
 * (`dist/src/start.js`: demo data, rate limit raised out of the way) on a fresh SQLite file, or
 * on a fresh PostgreSQL schema when run with `DATABASE_URL=postgres://…`, reads /docs-json and,
 * for every operation that takes a body, query or path parameters, sends hostile variants:
 * impossible UTC offsets, lone surrogates, 3,000 nested objects, a wrong type for each property,
 * huge / negative / NaN-like numbers, empty and huge arrays, unknown properties, duplicate query
 * parameters, malformed JSON, wrong content types, a badly encoded cookie, non-UUID and absurd
 * path ids; with the admin's, a planner's and an organizer's API tokens and without any. Also
 * the queue dashboard's cookie and token handling. Prints counts by status class per role, every
 * 5xx (and every request that got no answer) with the request that caused it; the last line is JSON.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, startPrivateRedis } from '../src/infra/redis/embedded-redis.js';
import { spawnNode } from '../test/support/spawn-process.js';
import { createTestDatabase } from '../test/support/test-database.js';

const { values } = parseArgs({
  options: {
    'per-operation': { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '6' },
  },
});
const PER_OPERATION = Number(values['per-operation']);
const CONCURRENCY = Number(values.concurrency);
const ROOT = process.cwd();
if (!existsSync('dist/src/start.js'))
  throw new Error('Run `npm run build` first: the bench starts dist/src/start.js');

const dir = mkdtempSync(join(tmpdir(), 'planner-bench-hostile-'));
const cleanups: Array<() => unknown> = [() => rmSync(dir, { recursive: true, force: true })];

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Variant {
  what: string;
  path: Record<string, string>;
  query: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}
interface Sent {
  role: string;
  method: string;
  url: string;
  what: string;
  status: number | 'no answer';
  body: string;
}

const HUGE_ID = 'x'.repeat(5000);
const BAD_DATES = [
  '2022-11-01T09:00+99:00',
  '2022-11-01T09:00+24:00',
  '2022-11-01T09:00+12:60',
  '2022-13-45',
  'NaN',
];
const BAD_NUMBERS: unknown[] = [1e308, -1, -1e308, 'NaN', 'Infinity', '99999999999999999999999', 1.5];
const LONE = '\ud800x@a.example';
const UUID = '00000000-0000-4000-8000-000000000000';

function deref(doc: Record<string, unknown>, s: Schema | undefined, depth = 0): Schema {
  if (!s || depth > 8) return {};
  if (s.$ref) {
    const name = s.$ref.split('/').pop() ?? '';
    const schemas = ((doc.components as Record<string, unknown>)?.schemas ?? {}) as Record<string, Schema>;
    return deref(doc, schemas[name], depth + 1);
  }
  const composed = s.allOf ?? s.oneOf ?? s.anyOf;
  if (composed?.length)
    return deref(doc, composed.find((x) => !(x.type === 'null')) ?? composed[0], depth + 1);
  return s;
}

/** A plausible value for a schema (the base that each variant spoils in one place). */
function sample(doc: Record<string, unknown>, raw: Schema | undefined, depth = 0): unknown {
  const s = deref(doc, raw);
  if (s.enum?.length) return s.enum[0];
  if (s.example !== undefined) return s.example;
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object' || s.properties) {
    const out: Record<string, unknown> = {};
    if (depth < 4)
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(doc, v, depth + 1);
    return out;
  }
  if (type === 'array') return depth < 4 ? [sample(doc, s.items, depth + 1)] : [];
  if (type === 'integer') return 1;
  if (type === 'number') return 1;
  if (type === 'boolean') return true;
  if (s.format === 'date-time') return '2022-11-01T09:00:00Z';
  if (s.format === 'date') return '2022-11-01';
  if (s.format === 'uuid') return UUID;
  if (s.format === 'email') return 'someone@a.example';
  return 'x';
}

function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Real ids for path parameters (`/x/{id}` takes the first item of `GET /x`), so bad bodies reach real rows. */
const realIds = new Map<string, string>();

function variantsFor(doc: Record<string, unknown>, path: string, op: Operation): Variant[] {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
  const hasBody = !!op.requestBody;
  if (!pathParams.length && !queryParams.length && !hasBody) return [];
  const goodPath: Record<string, string> = {};
  for (const p of pathParams) {
    const v = sample(doc, p.schema);
    const real = realIds.get(path.slice(0, path.indexOf(`{${p.name}}`)));
    goodPath[p.name] = p.name === 'year' ? '2032' : (real ?? (typeof v === 'string' && v !== 'x' ? v : UUID));
  }
  const goodQuery = queryParams.map(
    (p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(sample(doc, p.schema)))}`,
  );
  const base = jsonSchema ? sample(doc, jsonSchema) : {};
  const bodyOf = (v: unknown) =>
    v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v);
  const out: Variant[] = [];
  const add = (what: string, over: Partial<Variant>) =>
    out.push({
      what,
      path: goodPath,
      query: goodQuery.join('&'),
      body: hasBody ? JSON.stringify(base) : undefined,
      contentType: hasBody ? 'application/json' : undefined,
      ...over,
    });

  add('plausible input', {});
  for (const p of pathParams)
    for (const bad of ['not-a-uuid', HUGE_ID, '%ED%A0%80', '%25', '-1', '1e309', '..%2F..%2Fetc'])
      add(`path ${p.name}=${bad.slice(0, 20)}`, { path: { ...goodPath, [p.name]: bad } });
  for (const p of queryParams) {
    const others = goodQuery.filter((q) => !q.startsWith(`${encodeURIComponent(p.name)}=`));
    const isDate = /date|at$|from|to|week|since|until|month|year/i.test(p.name);
    const bads = [
      ...(isDate ? BAD_DATES : []),
      '%ED%A0%80',
      '%',
      '-1',
      '1e309',
      '99999999999999999999',
      'NaN',
      'x'.repeat(3000),
    ];
    for (const bad of bads)
      add(`query ${p.name}=${bad.slice(0, 24)}`, {
        query: [
          ...others,
          `${encodeURIComponent(p.name)}=${bad.includes('%') ? bad : encodeURIComponent(bad)}`,
        ].join('&'),
      });
    add(`query ${p.name} twice`, {
      query: [...others, `${encodeURIComponent(p.name)}=1`, `${encodeURIComponent(p.name)}=2`].join('&'),
    });
    add(`query ${p.name}[]`, { query: [...others, `${encodeURIComponent(p.name)}[a]=1`].join('&') });
  }
  if (hasBody) {
    add('malformed JSON', { body: '{"a":' });
    add('JSON null', { body: 'null' });
    add('JSON array', { body: '[]' });
    add('JSON string', { body: '"x"' });
    add('3,000 nested objects', { body: nested(3000) });
    add('100,000 nested arrays', { body: '['.repeat(100_000) + ']'.repeat(100_000) });
    add('text/plain', { contentType: 'text/plain' });
    add('application/xml', { body: '<a/>', contentType: 'application/xml' });
    add('multipart without boundary', { contentType: 'multipart/form-data' });
    add('no content type', { contentType: '' });
    add('unknown property', {
      body: bodyOf(
        typeof base === 'object' && base && !Array.isArray(base)
          ? { ...base, __proto__x: 1, constructor: { prototype: { a: 1 } } }
          : base,
      ),
    });
    add('badly encoded cookies', { headers: { cookie: 'other=%; planner_session=%E0%A4%A' } });
    const s = deref(doc, jsonSchema);
    const props = Object.entries(s.properties ?? {});
    const perProperty: Variant[] = [];
    const obj = (typeof base === 'object' && base && !Array.isArray(base) ? base : {}) as Record<
      string,
      unknown
    >;
    for (const [name, raw] of props) {
      const ps = deref(doc, raw);
      const type = Array.isArray(ps.type) ? ps.type.find((t) => t !== 'null') : ps.type;
      const bads: Array<[string, unknown]> = [
        ['object', { a: 1 }],
        ['array', [1]],
        ['boolean', false],
        ['number', 12],
        ['string', 'x'],
        ['lone surrogate', LONE],
        ['null', null],
      ];
      if (type === 'string' && (ps.format === 'date-time' || /At$|date|Date/.test(name)))
        for (const d of BAD_DATES) bads.push([`date ${d}`, d]);
      if (type === 'number' || type === 'integer')
        for (const n of BAD_NUMBERS) bads.push([`number ${String(n)}`, n]);
      if (type === 'array') {
        bads.push(['empty array', []]);
        bads.push(['20,000 items', Array.from({ length: 20_000 }, () => sample(doc, ps.items))]);
        bads.push(['[[]]', [[]]]);
        bads.push(['[null]', [null]]);
        bads.push(['item lone surrogate', [LONE]]);
        const item = deref(doc, ps.items);
        for (const [iname, iraw] of Object.entries(item.properties ?? {}).slice(0, 6)) {
          const it = deref(doc, iraw);
          const itemBase = sample(doc, ps.items) as Record<string, unknown>;
          bads.push([`item.${iname} object`, [{ ...itemBase, [iname]: { a: 1 } }]]);
          bads.push([`item.${iname} lone surrogate`, [{ ...itemBase, [iname]: LONE }]]);
          if (it.format === 'date-time' || /At$|date|Date/.test(iname))
            bads.push([`item.${iname} +99:00`, [{ ...itemBase, [iname]: BAD_DATES[0] }]]);
        }
      }
      if (type === 'object' || ps.properties) {
        const inner = sample(doc, ps) as Record<string, unknown>;
        for (const iname of Object.keys(ps.properties ?? {}).slice(0, 6)) {
          bads.push([`${iname} lone surrogate`, { ...inner, [iname]: LONE }]);
          bads.push([`${iname} object`, { ...inner, [iname]: { a: 1 } }]);
        }
      }
      for (const [label, v] of bads)
        perProperty.push({
          what: `${name}: ${label}`,
          path: goodPath,
          query: goodQuery.join('&'),
          body: JSON.stringify({ ...obj, [name]: v }),
          contentType: 'application/json',
        });
    }
    // Spread the cap over the properties rather than spending it on the first ones.
    const room = Math.max(0, PER_OPERATION - out.length);
    const step = perProperty.length > room ? perProperty.length / room : 1;
    for (let i = 0; i < perProperty.length && out.length < PER_OPERATION + 40; i += step)
      out.push(perProperty[Math.floor(i)]);
  }
  void path;
  return out;
}

/** Starts the built planner in the temporary folder (stopped at the end); resolves once it welcomes. */
async function startPlanner(env: Record<string, string>) {
  const planner = spawnNode(resolve(ROOT, 'dist/src/start.js'), env, { cwd: dir });
  cleanups.unshift(() => planner.stop());
  await planner.waitFor(/Demo sign-in \(development only\)/, 300_000);
  return { welcome: planner.output(), output: planner.output };
}

try {
  const started = performance.now();
  const redis = await startPrivateRedis(join(dir, 'redis'), { persist: false });
  cleanups.push(() => redis.stop?.());
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { welcome, output } = await startPlanner({
    PORT: String(port),
    REDIS_URL: redis.url,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '10000000',
  });
  const tokenOf = (role: string) => new RegExp(`^\\s+${role}\\s+\\S+\\s+(trp_\\S+)`, 'm').exec(welcome)?.[1];
  const roles: Array<[string, Record<string, string>]> = [['anonymous', {}]];
  for (const role of ['admin', 'planner', 'organizer']) {
    const token = tokenOf(role);
    if (!token) throw new Error(`No ${role} token in the welcome:\n${welcome}`);
    roles.push([role, { authorization: `Bearer ${token}` }]);
  }
  const doc = (await (await fetch(`${base}/docs-json`)).json()) as Record<string, unknown>;
  const paths = doc.paths as Record<string, Record<string, Operation>>;

  const admin = roles.find(([r]) => r === 'admin')![1];
  for (const path of Object.keys(paths)) {
    const at = path.indexOf('{');
    if (at < 0) continue;
    const list = path.slice(0, at);
    if (realIds.has(list)) continue;
    const res = await fetch(base + list.replace(/\/$/, '') + (list.includes('{') ? '' : '?limit=5'), {
      headers: admin,
    });
    const got = res.ok
      ? ((await res.json()) as { items?: Array<{ id?: string }> } | Array<{ id?: string }>)
      : null;
    const items = Array.isArray(got) ? got : got?.items;
    const id = items?.find((i) => typeof i?.id === 'string')?.id;
    if (id) realIds.set(list, id);
  }

  const jobs: Array<{ method: string; url: string; v: Variant }> = [];
  let operations = 0;
  for (const [path, ops] of Object.entries(paths))
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const variants = variantsFor(doc, path, op);
      if (!variants.length) continue;
      operations++;
      for (const v of variants) {
        const p = path.replace(/\{(\w+)\}/g, (_, n: string) => v.path[n] ?? UUID);
        jobs.push({ method: method.toUpperCase(), url: p + (v.query ? `?${v.query}` : ''), v });
      }
    }
  // The queue dashboard is outside the OpenAPI document.
  for (const cookie of ['other=%', 'bull_board=%', 'a=%E0%A4%A'])
    jobs.push({
      method: 'GET',
      url: '/admin/queues',
      v: { what: `cookie ${cookie}`, path: {}, query: '', headers: { cookie } },
    });
  for (const query of ['token=a&token=b', 'token[a]=1', 'token=%'])
    jobs.push({
      method: 'GET',
      url: `/admin/queues?${query}`,
      v: { what: `query ${query}`, path: {}, query },
    });

  const sent: Sent[] = [];
  // Deletions last, so that the other operations still find the rows they edit.
  jobs.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  const queue = roles.flatMap(([role, auth]) => jobs.map((j) => ({ role, auth, ...j })));
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const j = queue[next++];
      const headers: Record<string, string> = { ...j.auth, ...(j.v.headers ?? {}) };
      if (j.v.contentType) headers['content-type'] = j.v.contentType;
      let status: Sent['status'] = 'no answer';
      let body: string;
      try {
        const res = await fetch(base + j.url, {
          method: j.method,
          headers,
          body: j.method === 'GET' || j.method === 'DELETE' ? undefined : j.v.body,
          signal: AbortSignal.timeout(15_000),
        });
        status = res.status;
        body = (await res.text()).slice(0, 300);
      } catch (e) {
        body = (e as Error).message;
      }
      sent.push({ role: j.role, method: j.method, url: j.url, what: j.v.what, status, body });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  const byRole: Record<string, Record<string, number>> = {};
  const byStatus: Record<string, Record<string, number>> = {};
  for (const s of sent) {
    const cls = typeof s.status === 'number' ? `${Math.floor(s.status / 100)}xx` : 'no answer';
    const r = (byRole[s.role] ??= {});
    r[cls] = (r[cls] ?? 0) + 1;
    const code = String(s.status);
    (byStatus[s.role] ??= {})[code] = (byStatus[s.role][code] ?? 0) + 1;
  }
  const failures = sent.filter(
    (s) => s.status === 'no answer' || (typeof s.status === 'number' && s.status >= 500),
  );
  const seconds = (performance.now() - started) / 1000;
  // The planner's log line for each 5xx (found by the error id in the answer).
  const logOf = (body: string) => {
    const id = /"errorId":"([0-9a-f-]{36})"/.exec(body)?.[1];
    const line = id
      ? output()
          .split('\n')
          .find((l) => l.includes(id))
      : undefined;
    return line ? `\n      log: ${line.slice(0, 1500)}` : '';
  };
  const lines = [
    `planner   demo on ${database.kind === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${operations} operations with input, ${jobs.length} requests per role, ${sent.length} in all, ${seconds.toFixed(0)} s`,
    '',
    `${'role'.padEnd(10)} ${['2xx', '3xx', '4xx', '5xx', 'no answer'].map((c) => c.padStart(9)).join(' ')}`,
    ...Object.entries(byRole).map(
      ([role, c]) =>
        `${role.padEnd(10)} ${['2xx', '3xx', '4xx', '5xx', 'no answer'].map((k) => String(c[k] ?? 0).padStart(9)).join(' ')}`,
    ),
    '',
    'statuses per role',
    ...Object.entries(byStatus).map(
      ([role, c]) =>
        `  ${role.padEnd(10)} ${Object.entries(c)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, n]) => `${k}: ${n}`)
          .join(', ')}`,
    ),
    '',
    failures.length
      ? `${failures.length} requests got a 5xx or no answer:`
      : 'No 5xx, every request answered.',
    ...failures.map(
      (f) =>
        `  ${f.status} ${f.role} ${f.method} ${f.url.slice(0, 160)}  [${f.what}]  ${f.body.replace(/\s+/g, ' ').slice(0, 200)}${logOf(f.body)}`,
    ),
  ];
  console.log(lines.join('\n'));
  console.log(
    JSON.stringify({
      bench: 'hostile',
      database: database.kind,
      operations,
      requests: sent.length,
      seconds: +seconds.toFixed(1),
      byRole,
      byStatus,
      serverErrors: failures.length,
      failures: failures.map((f) => ({
        status: f.status,
        role: f.role,
        method: f.method,
        url: f.url.slice(0, 200),
        what: f.what,
      })),
    }),
  );
  if (failures.length) process.exitCode = 1;
} finally {
  for (const cleanup of cleanups) await cleanup();
}
