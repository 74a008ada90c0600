/**
 * Projection rebuilds at scale, through the real queue and a real worker process.
 *   npm run bench:rebuild [-- --edits 1000 --concurrency 1 --database postgres://postgres@127.0.0.1:5432/test]
 * Builds a fresh database (a temporary SQLite file by default) with five years of daily actuals
 * for the city and 10 venues, 500 events, 50 campaigns and the 22 targets of 2022 (see
 * bench/support/rebuild-fixture.ts), starts a private redis-server, the API in this process and
 * one `node dist/src/worker.js` (run `npm run build` first: the script does), then measures
 * 1. the builds of every target by the fresh worker (its start-up sweep, its first jobs), and a
 *    full rebuild after a correction of last year's data (no forecast remembered): the time of
 *    each computation, and where the slowest spent it (its stages, as its job returned them);
 * 2. a burst of `edits` event edits over 100 events (a) over HTTP (PATCH /api/v1/events/:id,
 *    as fast as one API process answers) and (b) committed straight to the table, each followed
 *    by ProjectionInputs.changed (the call every write path makes), 20 at a time: how long the
 *    burst took, how many rebuilds ran, and how long after the last edit the projection
 *    reflected it exactly.
 * The last line is JSON.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import 'reflect-metadata';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import { In, IsNull, Not, type DataSource } from 'typeorm';
import { createHttpApp } from '../src/app/http-app.js';
import { loadConfig } from '../src/common/config/app-config.js';
import { eventChange } from '../src/events/event-footprint.js';
import { Actual } from '../src/actuals/actual.entity.js';
import { Event } from '../src/events/event.entity.js';
import { JobProducer } from '../src/infra/queue/job-producer.js';
import type { RebuildResult } from '../src/projections/rebuild/projection-rebuild.service.js';
import { startPrivateRedis } from '../src/infra/redis/embedded-redis.js';
import { JobsService } from '../src/jobs/jobs.service.js';
import { ProjectionInputs } from '../src/projections/rebuild/projection-inputs.js';
import { ProjectionSnapshot } from '../src/projections/rebuild/projection-snapshot.entity.js';
import { RebuildSweep } from '../src/projections/rebuild/rebuild-sweep.js';
import { Target } from '../src/targets/target.entity.js';
import { UsersService } from '../src/users/users.service.js';
import { loadRebuildFixture } from './support/rebuild-fixture.js';
import { until } from '../test/support/until.js';

const { values } = parseArgs({
  options: {
    edits: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '' },
    database: { type: 'string', default: '' },
  },
});
if (!existsSync('dist/src/worker.js'))
  throw new Error('Run `npm run build` first: the bench starts dist/src/worker.js');
const EDITS = Number(values.edits);
/** The goal for every target's computation in the full rebuild. */
const GOAL_MS = 100;
const dir = mkdtempSync(join(tmpdir(), 'planner-bench-rebuild-'));
const cleanups: Array<() => unknown> = [() => rmSync(dir, { recursive: true, force: true })];

try {
  // -- database, Redis, API ------------------------------------------------------------------
  let databaseUrl = `sqlite:${join(dir, 'planner.db')}`;
  if (values.database.startsWith('postgres')) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const query = async (sql: string) => {
      const c = new pg.Client({ connectionString: values.database });
      await c.connect();
      await c.query(sql);
      await c.end();
    };
    await query(`CREATE SCHEMA "${schema}"`);
    cleanups.push(() => query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    const url = new URL(values.database);
    url.searchParams.set('schema', schema);
    databaseUrl = url.toString();
  }
  const concurrency = Number(values.concurrency || (databaseUrl.startsWith('postgres') ? 10 : 1));
  const redis = await startPrivateRedis(join(dir, 'redis'), { persist: false });
  cleanups.push(() => redis.stop?.());
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: 'bench',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: '10000000',
    OUTBOX_DIR: join(dir, 'outbox'),
    // Only the bench's own sweep: the periodic one would start rebuilds during the load.
    REBUILD_SWEEP_SECONDS: '3600',
  };
  const config = loadConfig(env);
  const app = await createHttpApp(config, { withWorker: false });
  await app.init();
  cleanups.unshift(() => app.close());
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const http = app.getHttpAdapter().getInstance();

  // -- data --------------------------------------------------------------------------------------
  const loadStart = performance.now();
  const fixture = await loadRebuildFixture(dataSource);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const { token } = await app.get(UsersService).create({ name: 'bench admin', role: 'admin' });
  const targets = dataSource.getRepository(Target);
  const dirtyCount = () => targets.countBy({ dirtySince: Not(IsNull()) });
  const allClean = () =>
    until('all targets clean', async () => ((await dirtyCount()) === 0 ? true : undefined));
  /** The rebuilds that stored a new snapshot since `sinceMs`, as their jobs returned them. */
  const builtSince = async (sinceMs: number) =>
    (await queue.getJobs(['completed'], 0, -1))
      .filter((j) => j.name === 'projections.rebuild' && (j.processedOn ?? 0) >= sinceMs)
      .sort((a, b) => (a.processedOn ?? 0) - (b.processedOn ?? 0))
      .map((j) => j.returnvalue as RebuildResult)
      .filter((r) => r?.built);

  // -- the worker process -----------------------------------------------------------------------
  // Started on the loaded data, as a deployed worker restarts on its database: its warm-up
  // (projection-warm-up.ts) builds a few real targets before it takes jobs. A worker that boots
  // on an empty database has nothing real to warm up on, and its first build runs cold (152-156 ms
  // measured).
  const log = openSync('/tmp/worker-stages.log', 'w');
  const worker = spawn(process.execPath, ['dist/src/worker.js'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  cleanups.unshift(async () => {
    if (worker.exitCode === null) worker.kill('SIGTERM');
    await exited;
  });
  const workerStartMs = Date.now();
  const ping = await app.get(JobsService).ping('bench');
  const queue = app.get(JobProducer).queue('projections');
  const maintenance = app.get(JobProducer).queue('maintenance');
  await until('the worker', async () =>
    (await maintenance.getJobState(ping.jobId)) === 'completed' ? true : undefined,
  );

  // -- 1. every target built by the fresh worker, then again after a change of last year's data --
  /** Per-target times of a set of builds, and where the slowest spent its time. */
  const summary = async (builds: RebuildResult[]) => {
    const ms = builds.map((b) => b.durationMs).sort((x, y) => x - y);
    const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
    const slowest = builds.reduce((x, y) => (y.durationMs > x.durationMs ? y : x));
    const target = await targets.findOneByOrFail({ id: slowest.targetId });
    return {
      builds: builds.length,
      perTargetMs: { min: q(0), median: q(0.5), max: q(0.99) },
      slowest: {
        target: `${target.metric} of ${target.venueId ? 'a venue' : 'the city'}`,
        ms: slowest.durationMs,
        // The worker's first jobs run its code cold (not yet optimised by V8): say where it ran.
        rank: builds.indexOf(slowest) + 1,
        stagesMs: slowest.stagesMs,
      },
    };
  };
  // a) The worker's start-up sweep builds every target the load left dirty: its first jobs, run
  //    beside the effects' first measurement of every item (both start on the loaded data).
  await allClean();
  const startup = await summary(await builtSince(workerStartMs));

  // b) Once the effects are measured, a correction of last year's last day (city and venues, both
  //    metrics) changes every target's history, so no forecast is remembered: all are rebuilt
  //    from one sweep, one after another.
  const effects = app.get(JobProducer).queue('effects');
  await until('the effects refresh', async () => {
    // The periodic refresh's next run always waits delayed: only the others count. A run of it
    // that is active counts (the worker's first run measures every item on the loaded data).
    const running = await effects.getJobs(['wait', 'active', 'prioritized']);
    const delayed = await effects.getJobs(['delayed']);
    return running.length === 0 && delayed.every((j) => j.repeatJobKey) ? true : undefined;
  });
  const inputs = app.get(ProjectionInputs);
  const marked = await dataSource.transaction(async (manager) => {
    await manager
      .createQueryBuilder()
      .update(Actual)
      .set({ value: () => '"value" + 1' })
      .where('date = :date', { date: '2021-12-31' })
      .execute();
    return inputs.record(manager, { source: 'actual', years: [2022], allVenues: true });
  });
  if (marked.length !== fixture.targetIds.length)
    throw new Error(`Marked ${marked.length} of ${fixture.targetIds.length} targets dirty`);
  const fullStart = performance.now();
  const fullStartMs = Date.now();
  await app.get(RebuildSweep).sweep();
  await allClean();
  const fullSeconds = (performance.now() - fullStart) / 1000;
  const full = await summary(await builtSince(fullStartMs));

  // -- 2. bursts of event edits ----------------------------------------------------------------
  const events = fixture.editableEventIds.slice(0, 100);
  const eventRows = await dataSource
    .getRepository(Event)
    .find({ where: { id: In(events) }, relations: { venue: true } });
  const byId = new Map(eventRows.map((e) => [e.id, e]));
  const city = (await targets.findOneByOrFail({ scopeKey: 'city', metric: 'visitors' })).id;

  /**
   * Runs `EDITS` edits of the outside-city share (edit i: event i mod 100, share `share(i)`),
   * `parallel` at a time, then waits until the city's projection shows the last edit exactly.
   */
  async function burst(
    parallel: number,
    share: (i: number) => number,
    edit: (id: string, pct: number) => Promise<boolean>,
  ) {
    const snapshotsBefore = await dataSource.getRepository(ProjectionSnapshot).count();
    const start = Date.now();
    let next = 0;
    let failed = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let i = next++; i < EDITS; i = next++)
          if (!(await edit(events[i % events.length], share(i)))) failed++;
      }),
    );
    const end = Date.now();
    const last = byId.get(events[(EDITS - 1) % events.length])!;
    // As the projection counts it (see contribution-spread.ts): attendance × outside share.
    const expected = Math.round(last.expectedAttendance * (share(EDITS - 1) / 100));
    const reflected = await until('the last edit in the projection', async () => {
      const t = await targets.findOneByOrFail({ id: city });
      if (t.dirtySince !== null) return undefined;
      const s = await dataSource
        .getRepository(ProjectionSnapshot)
        .findOne({ where: { targetId: city }, order: { inputsVersion: 'DESC' } });
      const c = s?.contributions.find((x) => x.id === last.id);
      return s && s.inputsVersion === t.inputsVersion && c?.expected === expected ? Date.now() : undefined;
    });
    await allClean();
    const clean = Date.now();
    const jobs = (await queue.getJobs(['completed'], 0, -1)).filter(
      (j) => j.name === 'projections.rebuild' && (j.processedOn ?? 0) >= start,
    );
    const built = jobs.filter((j) => (j.returnvalue as { built?: boolean } | null)?.built);
    const perTarget = new Map<string, number>();
    for (const j of built) {
      const { targetId } = j.data as { targetId: string };
      perTarget.set(targetId, (perTarget.get(targetId) ?? 0) + 1);
    }
    return {
      edits: EDITS,
      failed,
      concurrency: parallel,
      seconds: +((end - start) / 1000).toFixed(3),
      editsPerSecond: Math.round(EDITS / ((end - start) / 1000)),
      rebuildsBuilt: built.length,
      rebuildJobs: jobs.length,
      targetsRebuilt: perTarget.size,
      maxRebuildsPerTarget: Math.max(0, ...perTarget.values()),
      snapshotsCreated: (await dataSource.getRepository(ProjectionSnapshot).count()) - snapshotsBefore,
      lastEditReflectedSeconds: +((reflected - end) / 1000).toFixed(3),
      allCleanSeconds: +((clean - end) / 1000).toFixed(3),
    };
  }

  // a) Over HTTP: PATCH /api/v1/events/:id, as fast as the API answers.
  const overHttp = await burst(
    concurrency,
    (i) => 10 + (i % 80),
    async (id, pct) => {
      const res = await http.inject({
        method: 'PATCH',
        url: `/api/v1/events/${id}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ expectedOutsideCitySharePct: pct }),
      });
      return res.statusCode === 200;
    },
  );
  // b) The same edits committed straight to the table, each followed by the call every write
  //    path makes (ProjectionInputs.changed): what the queue sees when many API processes edit.
  const committed = await burst(
    20,
    (i) => 15 + (i % 60),
    async (id, pct) => {
      const e = byId.get(id)!;
      await inputs.transaction(async (manager, changed) => {
        await manager.update(
          Event,
          { id },
          { expectedOutsideCitySharePct: pct, version: () => '"version" + 1', updatedAt: new Date() },
        );
        await changed(eventChange({ ...e, timeZone: e.venue!.timeZone }));
      });
      return true;
    },
  );

  const describeBuilds = (name: string, b: typeof full, what: string) => [
    `${name.padEnd(25)}${what}; per target ${b.perTargetMs.min} / ${b.perTargetMs.median} / ${b.perTargetMs.max} ms (min / median / max)`,
    `  slowest                ${b.slowest.target}, ${b.slowest.ms} ms, the worker's rebuild ${b.slowest.rank} of ${b.builds}: ${Object.entries(
      b.slowest.stagesMs ?? {},
    )
      .map(([stage, ms]) => `${stage} ${ms}`)
      .join(', ')}`,
  ];
  const describe = (name: string, b: typeof overHttp) => [
    `${name.padEnd(25)}${b.edits} edits (${b.failed} failed) in ${b.seconds.toFixed(2)} s (${b.editsPerSecond}/s, ${b.concurrency} at a time)`,
    `  rebuilds               ${b.rebuildsBuilt} built (${b.rebuildJobs} jobs) for ${b.targetsRebuilt} targets, at most ${b.maxRebuildsPerTarget} per target; ${b.snapshotsCreated} snapshots stored`,
    `  last edit reflected    ${b.lastEditReflectedSeconds.toFixed(2)} s after the burst (city visitors); all targets clean after ${b.allCleanSeconds.toFixed(2)} s`,
  ];
  const database = databaseUrl.startsWith('postgres') ? 'postgres' : 'sqlite';
  console.log(
    [
      `database                 ${database} (API in this process, 1 worker process, REBUILD_DELAY_MS ${config.rebuildDelayMs})`,
      `data                     ${fixture.actualRows} daily actuals (2017-2022, city + 10 venues), 500 events, 50 campaigns, ${fixture.targetIds.length} targets (loaded in ${loadSeconds.toFixed(1)} s)`,
      ...describeBuilds('fresh worker', startup, `${startup.builds} start-up builds`),
      ...describeBuilds('full rebuild', full, `${fullSeconds.toFixed(2)} s for ${full.builds} targets`),
      `  goal                   every target under ${GOAL_MS} ms: ${Math.max(startup.slowest.ms, full.slowest.ms) < GOAL_MS ? 'met' : 'NOT met'}`,
      ...describe('burst over HTTP', overHttp),
      ...describe('burst of commits', committed),
    ].join('\n'),
  );
  console.log(
    JSON.stringify({
      bench: 'rebuild',
      database,
      actualRows: fixture.actualRows,
      events: 500,
      campaigns: 50,
      targets: fixture.targetIds.length,
      rebuildDelayMs: config.rebuildDelayMs,
      freshWorker: startup,
      fullRebuildSeconds: +fullSeconds.toFixed(3),
      fullRebuild: full,
      burstOverHttp: overHttp,
      burstOfCommits: committed,
    }),
  );
} finally {
  for (const cleanup of cleanups) await cleanup();
}
