import type { INestApplicationContext } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { JobProducer } from '../../src/infra/queue/job-producer.js';
import { ProjectionSnapshot } from '../../src/projections/rebuild/projection-snapshot.entity.js';
import { targetRow } from './actuals.factory.js';

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The latest snapshot row of a target, straight from the database. */
export function latestSnapshot(dataSource: DataSource, targetId: string): Promise<ProjectionSnapshot | null> {
  return dataSource
    .getRepository(ProjectionSnapshot)
    .findOne({ where: { targetId }, order: { inputsVersion: 'DESC' } });
}

export function snapshotCount(dataSource: DataSource, targetId: string): Promise<number> {
  return dataSource.getRepository(ProjectionSnapshot).countBy({ targetId });
}

/** Waits until the target is clean and its latest snapshot is of its current inputs version. */
export async function waitForProjection(
  dataSource: DataSource,
  targetId: string,
  timeoutMs = 20_000,
): Promise<ProjectionSnapshot> {
  return waitFor(
    `the projection of ${targetId}`,
    async () => {
      const row = await targetRow(dataSource, targetId);
      if (row.dirtySince !== null) return undefined;
      const snapshot = await latestSnapshot(dataSource, targetId);
      return snapshot && snapshot.inputsVersion === row.inputsVersion ? snapshot : undefined;
    },
    timeoutMs,
  );
}

/** The rebuild jobs of a target in the app's projections queue, any state. */
export async function rebuildJobs(app: INestApplicationContext, targetId: string): Promise<Job[]> {
  const jobs = await app
    .get(JobProducer)
    .queue('projections')
    .getJobs(['delayed', 'waiting', 'active', 'completed', 'failed']);
  return jobs.filter((j) => j.name === 'projections.rebuild' && j.data.targetId === targetId);
}
