import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EFFECTS_REFRESH_SCHEDULER } from '../../src/effects/effects-start.scheduler.js';
import { JobProducer } from '../../src/infra/queue/job-producer.js';
import { startPrivateRedis, type RunningRedis } from '../../src/infra/redis/embedded-redis.js';
import { WEEKLY_REPORT_SCHEDULER } from '../../src/reports/delivery/weekly-report.scheduler.js';
import { waitFor } from '../factories/projection.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 10, item 8: a Redis killed with SIGKILL and replaced by an empty one has lost every job
 * scheduler. A running worker registers the rebuild sweep, the weekly report and the effects
 * refresh again once Redis is back, without a restart.
 */
describe('job schedulers after Redis restarts empty', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-schedulers-'));
  let redis: RunningRedis;
  let port: number;
  let t: TestApp;

  const schedulers = async () => {
    const producer = t.app.get(JobProducer);
    return {
      sweep: await producer.queue('projections').getJobScheduler('projections.sweep'),
      weekly: await producer.queue('reports').getJobScheduler(WEEKLY_REPORT_SCHEDULER),
      effects: await producer.queue('effects').getJobScheduler(EFFECTS_REFRESH_SCHEDULER),
    };
  };

  beforeAll(async () => {
    redis = await startPrivateRedis(dir, { persist: false });
    port = Number(new URL(redis.url).port);
    // A long sweep period: the re-registration must come from the reconnect, not from a timer.
    t = await createTestApp({ env: { REDIS_URL: redis.url, REBUILD_SWEEP_SECONDS: '3600' } });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has every scheduler at start', async () => {
    await waitFor('every scheduler', async () => {
      const s = await schedulers();
      return Boolean(s.sweep && s.weekly && s.effects);
    });
  });

  it('registers every one again when Redis comes back empty after a SIGKILL', async () => {
    process.kill(redis.pid!, 'SIGKILL');
    await redis.stop?.();
    redis = await startPrivateRedis(dir, { persist: false, port });
    const back = await waitFor(
      'every scheduler again',
      async () => {
        try {
          const s = await schedulers();
          return s.sweep && s.weekly && s.effects ? s : undefined;
        } catch {
          return undefined; // the producer's connection is still reconnecting
        }
      },
      30_000,
    );
    expect(back.sweep).toMatchObject({ every: 3_600_000 });
    expect(back.weekly).toMatchObject({ pattern: t.config.reports.cron });
    expect(back.effects).toMatchObject({ every: 3_600_000 });
  });
});
