/**
 * One weekly run to 10,000 readers, through a real worker process and a local SMTP sink.
 *   npm run bench:report [-- --readers 10000 --rate 100000 --database postgres://postgres@127.0.0.1:5432/test]
 * Builds a fresh database (SQLite by default) with a year of illustrative actuals, the two city
 * targets and `readers` subscriptions in both languages, starts a private redis-server, an SMTP
 * sink and one `node dist/src/worker.js` (run `npm run build` first), queues the run of 2022-W14
 * and measures: messages per second, time to the last message, the worker's peak memory (VmHWM)
 * and duplicates (messages beyond one per reader, or a Message-ID seen twice: must be 0).
 * The last line is JSON.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../src/common/config/app-config.js';
import { eachDay } from '../src/common/time/local-date.js';
import { dataSourceOptions } from '../src/infra/database/data-source-options.js';
import { newId } from '../src/infra/database/new-id.js';
import { startPrivateRedis } from '../src/infra/redis/embedded-redis.js';
import { Queue } from 'bullmq';
import { SmtpSink } from '../test/support/smtp-sink.js';

const { values } = parseArgs({
  options: {
    readers: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '100000' },
    database: { type: 'string', default: '' },
  },
});
const READERS = Number(values.readers);
const WEEK = '2022-W14';
if (!existsSync('dist/src/worker.js'))
  throw new Error('Run `npm run build` first: the benchmark starts dist/src/worker.js');

const dir = mkdtempSync(join(tmpdir(), 'planner-bench-report-'));
const cleanups: Array<() => unknown> = [() => rmSync(dir, { recursive: true, force: true })];

// -- database -------------------------------------------------------------------------------
let databaseUrl = `sqlite:${join(dir, 'planner.db')}`;
if (values.database.startsWith('postgres')) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: values.database });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const url = new URL(values.database);
  url.searchParams.set('schema', schema);
  databaseUrl = url.toString();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: values.database });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  });
}
const dataSource = await new DataSource(dataSourceOptions(parseDatabaseUrl(databaseUrl))).initialize();
await dataSource.runMigrations();
const postgres = dataSource.options.type === 'postgres';
/** Raw parameters as each driver takes them (better-sqlite3 binds no Dates or booleans). */
const bindable = (v: unknown) =>
  postgres
    ? v
    : v instanceof Date
      ? v.toISOString().replace('T', ' ').replace('Z', '')
      : typeof v === 'boolean'
        ? Number(v)
        : v;
const insert = async (table: string, columns: string[], rows: unknown[][]) => {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    let n = 0;
    const placeholders = chunk
      .map(() => `(${columns.map(() => (postgres ? `$${++n}` : '?')).join(', ')})`)
      .join(', ');
    await dataSource.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${placeholders}`,
      chunk.flat().map(bindable),
    );
  }
};

// Illustrative figures (not official): a seasonal year 2021, 2022 to 10 April, two city targets.
const seasonal = (date: string, base: number) => {
  const day = (Date.parse(date) - Date.parse(`${date.slice(0, 4)}-01-01`)) / 86_400_000;
  return Math.round(base * (1 + 0.6 * Math.sin(((day - 80) / 365) * 2 * Math.PI)));
};
const actualRows: unknown[][] = [];
for (const date of [...eachDay('2021-01-01', '2021-12-31'), ...eachDay('2022-01-01', '2022-04-10')]) {
  const grow = date >= '2022' ? 1.28 : 1;
  actualRows.push([
    'city',
    'visitors',
    date,
    'city',
    null,
    Math.round(seasonal(date, 60_000) * grow),
    'bench-illustrative',
    new Date(),
  ]);
  actualRows.push([
    'city',
    'revenue',
    date,
    'city',
    null,
    Math.round(seasonal(date, 60_000) * grow * 1_050),
    'bench-illustrative',
    new Date(),
  ]);
}
await insert(
  'actuals',
  ['scopeKey', 'metric', 'date', 'scope', 'venueId', 'value', 'source', 'updatedAt'],
  actualRows,
);
for (const [metric, growth] of [
  ['visitors', 0.3],
  ['revenue', 0.34],
] as const) {
  await insert(
    'targets',
    [
      'id',
      'year',
      'metric',
      'scope',
      'venueId',
      'scopeKey',
      'baselineYear',
      'growthRate',
      'enteredTotal',
      'note',
      'inputsVersion',
      'projectedVersion',
      'createdAt',
      'updatedAt',
    ],
    [
      [
        newId(),
        2022,
        metric,
        'city',
        null,
        'city',
        2021,
        growth,
        null,
        'bench: illustrative',
        1,
        0,
        new Date(),
        new Date(),
      ],
    ],
  );
}
const subscriptionRows = Array.from({ length: READERS }, (_, i) => [
  newId(),
  `reader-${i}@bench.example`,
  `Reader ${i}`,
  i % 2 ? 'en' : 'zh-CN',
  null,
  true,
  new Date(),
  new Date(),
]);
await insert(
  'report_subscriptions',
  ['id', 'email', 'displayName', 'language', 'targetIds', 'active', 'createdAt', 'updatedAt'],
  subscriptionRows,
);

// -- redis, SMTP sink, worker ---------------------------------------------------------------
const redis = await startPrivateRedis(join(dir, 'redis'), { persist: false });
cleanups.push(() => redis.stop?.());
const sink = await new SmtpSink({ keepRaw: false }).start();
cleanups.push(() => sink.stop());
const prefix = `bench${randomBytes(3).toString('hex')}`;
const worker = spawn(
  process.execPath,
  [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), 'dist/src/worker.js'],
  {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SIGNING_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      SMTP_URL: sink.url,
      MAIL_RATE_PER_SECOND: values.rate,
      PUBLIC_URL: 'https://planner.example',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
const workerExit = new Promise((resolve) => worker.once('exit', resolve));
cleanups.push(async () => {
  worker.kill('SIGTERM');
  const timer = setTimeout(() => worker.kill('SIGKILL'), 15_000);
  await workerExit;
  clearTimeout(timer);
});
let peakKb = 0;
const readPeak = () => {
  try {
    const status = readFileSync(`/proc/${worker.pid}/status`, 'utf8');
    peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
  } catch {
    /* the process is gone */
  }
};
const sampler = setInterval(readPeak, 100);

try {
  const queue = new Queue('reports', { connection: { url: redis.url }, prefix });
  cleanups.push(() => queue.close());
  await new Promise((r) => setTimeout(r, 1500)); // let the worker connect
  const started = Date.now();
  await queue.add('reports.weekly-run', { week: WEEK }, { jobId: `bench-run-${WEEK}` });
  await sink.waitFor(READERS, 30 * 60_000);
  const lastAt = Math.max(...sink.messages.map((m) => m.receivedAt));
  const firstAt = Math.min(...sink.messages.map((m) => m.receivedAt));
  await new Promise((r) => setTimeout(r, 1000)); // anything extra would show up now
  readPeak();

  const perReader = [...sink.countsByRecipient().values()];
  const duplicates =
    perReader.reduce((s, n) => s + Math.max(0, n - 1), 0) +
    (sink.messages.length - new Set(sink.messages.map((m) => m.messageId)).size);
  const [{ sent }] = await dataSource.query<{ sent: number | string }[]>(
    `SELECT COUNT(*) AS "sent" FROM "report_deliveries" WHERE "state" = 'sent'`,
  );
  const result = {
    bench: 'report',
    database: postgres ? 'postgres' : 'sqlite',
    readers: READERS,
    rateLimitPerSecond: Number(values.rate),
    messages: sink.messages.length,
    recipients: perReader.length,
    deliveriesSent: Number(sent),
    duplicates,
    timeToLastMessageMs: lastAt - started,
    timeToFirstMessageMs: firstAt - started,
    messagesPerSecond: Math.round((sink.messages.length / ((lastAt - started) / 1000)) * 10) / 10,
    sendingMessagesPerSecond:
      Math.round((sink.messages.length / Math.max(1, (lastAt - firstAt) / 1000)) * 10) / 10,
    workerPeakRssMb: Math.round(peakKb / 1024),
  };
  const lines = [
    `Weekly report run of ${WEEK} to ${READERS} readers (${result.database}, one worker, rate limit ${values.rate}/s)`,
    `  messages received        ${result.messages} (${result.recipients} readers, ${result.deliveriesSent} deliveries marked sent)`,
    `  duplicates               ${result.duplicates}`,
    `  time to first message    ${(result.timeToFirstMessageMs / 1000).toFixed(2)} s (edition, outbox rows, jobs)`,
    `  time to last message     ${(result.timeToLastMessageMs / 1000).toFixed(2)} s`,
    `  messages per second      ${result.messagesPerSecond} overall, ${result.sendingMessagesPerSecond} while sending`,
    `  worker peak memory       ${result.workerPeakRssMb} MB (VmHWM)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n${JSON.stringify(result)}\n`);
  if (result.duplicates !== 0 || result.messages !== READERS) process.exitCode = 1;
} finally {
  clearInterval(sampler);
  for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
  await dataSource.destroy();
}
