import { describe, expect, it } from '@jest/globals';
import { UnrecoverableError, type Job } from 'bullmq';
import { dispatchJob, type JobHandlers } from './job-handlers.js';

/** Only the fields dispatchJob and the handlers read. */
const job = (name: string, data: unknown): Job => ({ name, data }) as Job;

describe('dispatchJob', () => {
  const seen: string[] = [];
  const handlers: JobHandlers<'projections'> = {
    'projections.rebuild': async (j) => {
      seen.push(`rebuild ${j.data.targetId}`);
      return 'rebuilt';
    },
    'projections.sweep': async (j) => {
      seen.push(`sweep ${j.data.reason}`);
      return 'swept';
    },
  };

  it('runs the handler of the job name with its payload and returns its result', async () => {
    await expect(
      dispatchJob('projections', handlers, job('projections.rebuild', { targetId: 't1' })),
    ).resolves.toBe('rebuilt');
    await expect(
      dispatchJob('projections', handlers, job('projections.sweep', { reason: 'manual' })),
    ).resolves.toBe('swept');
    expect(seen).toEqual(['rebuild t1', 'sweep manual']);
  });

  it('fails a job name the queue does not know at once, without retries', async () => {
    const run = dispatchJob('projections', handlers, job('reports.deliver', { deliveryId: 'd1' }));
    await expect(run).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(run).rejects.toThrow('Unknown job reports.deliver on queue projections');
  });

  it('does not take an inherited property for a handler', async () => {
    await expect(dispatchJob('projections', handlers, job('toString', {}))).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
  });
});
