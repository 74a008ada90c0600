/**
 * Speed and memory of the actuals CSV import on SQLite.
 *   npm run bench:import [-- --rows 1000000]
 * Writes a CSV of `rows` daily figures (the city and 50 venues, both metrics), then:
 * 1. imports it the way POST /api/v1/actuals/import does (streamed CsvRecords, validation of
 *    every row, multi-row upserts in one transaction), into a fresh database;
 * 2. inserts the same rows with a plain better-sqlite3 prepared INSERT in one transaction
 *    (no CSV, no validation, no upsert; same table and pragmas but `temp_store`, which a one-row
 *    insert does not use: it keeps no statement journal) into another fresh database;
 * and prints rows per second of both, their ratio and the peak memory of the import. During the
 * import it also records the longest event-loop stall (`monitorEventLoopDelay`) and the latency
 * of a `GET /health` answered by an HTTP server in the same process (as the API's would be) and
 * polled every 10 ms from another process: what every other request waits meanwhile. The last
 * line is one JSON object.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { readActualsCsv } from '../src/actuals/actual-csv.js';
import { ActualBuffer, ActualRowValidator } from '../src/actuals/actual-rows.js';
import { ActualWriter } from '../src/actuals/actual-writer.js';
import { parseDatabaseUrl } from '../src/common/config/app-config.js';
import { csvText } from '../src/common/http/csv-body.js';
import { addDays, fromDayNumber, toDayNumber } from '../src/common/time/local-date.js';
import { dataSourceOptions } from '../src/infra/database/data-source-options.js';
import { newId } from '../src/infra/database/new-id.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const rowCount = Number(values.rows);
const dir = mkdtempSync(join(tmpdir(), 'planner-bench-import-'));
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

async function freshDatabase(name: string): Promise<{ dataSource: DataSource; venueIds: string[] }> {
  const dataSource = await new DataSource(
    dataSourceOptions(parseDatabaseUrl(`sqlite:${join(dir, name)}`)),
  ).initialize();
  await dataSource.runMigrations();
  const venueIds = Array.from({ length: 50 }, () => newId());
  for (const [i, id] of venueIds.entries()) {
    await dataSource.query(
      `INSERT INTO "venues" ("id", "nameZh", "nameEn", "district", "kind") VALUES (?, ?, ?, ?, 'scenic_area')`,
      [id, `景区 ${i}`, `Venue ${i}`, '武陵源区'],
    );
  }
  return { dataSource, venueIds };
}

// The rows: (city + 50 venues) × 2 metrics × consecutive days ending yesterday, generated again
// for each use so that the bench itself holds none of them in memory.
const { dataSource, venueIds } = await freshDatabase('import.db');
const scopes = ['', ...venueIds];
const days = Math.ceil(rowCount / (scopes.length * 2));
const first = toDayNumber(addDays(new Date().toISOString().slice(0, 10), -days - 1));
function* generate(): Generator<[string, string, number, string]> {
  let n = 0;
  for (let d = 0; n < rowCount; d++) {
    const date = fromDayNumber(first + d);
    for (const scope of scopes) {
      for (const metric of ['visitors', 'revenue']) {
        if (n++ < rowCount) yield [date, metric, 1000 + ((d * 7 + n) % 5000), scope];
      }
    }
  }
}
const csvFile = join(dir, 'actuals.csv');
const out = createWriteStream(csvFile);
out.write('date,metric,value,venueId,source\n');
let chunk: string[] = [];
for (const r of generate()) {
  chunk.push(`${r[0]},${r[1]},${r[2]},${r[3]},bench\n`);
  if (chunk.length === 10_000) {
    if (!out.write(chunk.join(''))) await once(out, 'drain');
    chunk = [];
  }
}
out.end(chunk.join(''));
await once(out, 'finish');

// The other requests: /health from a server on this event loop, polled from another process.
const health = createServer((_req, res) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'),
);
// Idle keep-alive sockets are not closed under a request that waited out a stall (Node's 5 s
// keep-alive timer fires before the waiting request is read, and dropped it unanswered).
health.keepAliveTimeout = 120_000;
await new Promise<void>((r) => health.listen(0, '127.0.0.1', r));
const POLLER = `
const url = process.argv[1];
const latencies = [];
let stop = false;
process.on('SIGTERM', () => (stop = true));
process.stdout.write('ready\\n');
while (!stop) {
  const start = performance.now();
  // A request that failed waited too: its time counts (a dropped request is no faster).
  try { await (await fetch(url)).text(); } catch {}
  latencies.push(performance.now() - start);
  await new Promise((r) => setTimeout(r, 10));
}
process.stdout.write(JSON.stringify(latencies) + '\\n');
`;
const poller = spawn(
  process.execPath,
  ['--input-type=module', '-e', POLLER, `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
let pollerOut = '';
poller.stdout.on('data', (c: Buffer) => (pollerOut += c.toString()));
while (!pollerOut.includes('ready')) await new Promise((r) => setTimeout(r, 20));
const loopDelay = monitorEventLoopDelay({ resolution: 10 });

// 1. The import path.
loopDelay.enable();
const rssBefore = process.memoryUsage().rss;
peakRss = rssBefore;
const importStart = performance.now();
const buffer = new ActualBuffer();
const result = await readActualsCsv(
  csvText(createReadStream(csvFile, { highWaterMark: 256 * 1024 }), 4 * 1024 ** 3),
  new ActualRowValidator({
    venueIds: new Set(venueIds),
    today: new Date().toISOString().slice(0, 10),
    defaultSource: 'bench',
  }),
  buffer,
  { maxErrors: 100 },
);
if (result.errorCount) throw new Error(`bench CSV has errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
await new ActualWriter(dataSource).write(buffer, new Date());
const importSeconds = (performance.now() - importStart) / 1000;
// One more turn of the loop before stopping the measures: the write's stall is recorded when the
// monitor's timer next fires, and a /health request that arrived during it is answered only now
// (stopping at once, as this bench did, missed both and reported the parse's stalls alone).
await new Promise((r) => setTimeout(r, 250));
loopDelay.disable();
const importPeakRss = peakRss;
const pollerDone = once(poller, 'exit');
poller.kill('SIGTERM');
await pollerDone;
health.close();
const polled = (JSON.parse(pollerOut.slice(pollerOut.indexOf('\n') + 1)) as number[]).sort((a, b) => a - b);
const healthP99 = polled.length ? polled[Math.min(polled.length - 1, Math.floor(0.99 * polled.length))] : NaN;
const healthMax = polled.length ? polled[polled.length - 1] : NaN;
const stallMs = loopDelay.max / 1e6;
const [count] = await dataSource.query<{ n: number | string }[]>('SELECT COUNT(*) AS n FROM "actuals"');
const stored = Number(count.n);
await dataSource.destroy();

// 2. Plain better-sqlite3, same rows, same table, one transaction.
const plain = await freshDatabase('plain.db');
await plain.dataSource.destroy();
const db = new Database(join(dir, 'plain.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON'); // as the app's connection (see data-source-options.ts)
const insert = db.prepare(
  `INSERT INTO "actuals" ("scopeKey", "metric", "date", "scope", "venueId", "value", "source", "note", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
);
const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
const plainStart = performance.now();
db.transaction(() => {
  const plainVenue = new Map(venueIds.map((id, i) => [id, plain.venueIds[i]]));
  for (const [date, metric, value, venue] of generate()) {
    const venueId = venue ? plainVenue.get(venue)! : null;
    insert.run(venueId ?? 'city', metric, date, venueId ? 'venue' : 'city', venueId, value, 'bench', now);
  }
})();
const plainSeconds = (performance.now() - plainStart) / 1000;
db.close();
clearInterval(sampler);
rmSync(dir, { recursive: true, force: true });

const importRate = rowCount / importSeconds;
const plainRate = rowCount / plainSeconds;
console.log(`rows                     ${rowCount} (${stored} stored)`);
console.log(
  `CSV import (parse, validate, upsert)  ${importSeconds.toFixed(2)} s  ${Math.round(importRate)} rows/s`,
);
console.log(
  `plain prepared insert                 ${plainSeconds.toFixed(2)} s  ${Math.round(plainRate)} rows/s`,
);
console.log(`ratio (import / plain)   ${(importRate / plainRate).toFixed(2)}`);
console.log(
  `peak RSS during import   ${Math.round(importPeakRss / 1024 ** 2)} MiB (${Math.round((importPeakRss - rssBefore) / 1024 ** 2)} MiB above the start)`,
);
console.log(`longest event-loop stall ${Math.round(stallMs)} ms during the import (goal < 100 ms)`);
console.log(
  `GET /health meanwhile    ${polled.length} requests, p99 ${Math.round(healthP99)} ms, max ${Math.round(healthMax)} ms (goal p99 < 100 ms)`,
);
console.log(
  JSON.stringify({
    bench: 'import',
    longestStallMs: Math.round(stallMs),
    healthPolled: polled.length,
    healthP99Ms: Math.round(healthP99),
    healthMaxMs: Math.round(healthMax),
    rows: rowCount,
    importSeconds: +importSeconds.toFixed(3),
    importRowsPerSecond: Math.round(importRate),
    plainSeconds: +plainSeconds.toFixed(3),
    plainRowsPerSecond: Math.round(plainRate),
    ratio: +(importRate / plainRate).toFixed(3),
    importPeakRssMiB: Math.round(importPeakRss / 1024 ** 2),
    importRssGrowthMiB: Math.round((importPeakRss - rssBefore) / 1024 ** 2),
  }),
);
