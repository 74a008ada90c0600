import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { JobProducer, queueCall } from '../infra/queue/job-producer.js';
import { isQueueName, QUEUES } from '../infra/queue/job-registry.js';
import { EnqueuedJobView, type JobStatusView } from './dto/job-status.view.js';

@Injectable()
export class JobsService {
  constructor(private readonly producer: JobProducer) {}

  async status(queueName: string, id: string): Promise<JobStatusView> {
    if (!isQueueName(queueName)) {
      throw new DomainError(
        404,
        'unknown_queue',
        `There is no queue "${queueName}" (queues: ${QUEUES.join(', ')})`,
      );
    }
    const queue = this.producer.queue(queueName);
    // State first: a job read after it is known finished shows its final attempts and result.
    const state = await queueCall(queue.getJobState(id));
    const job: Job | undefined = await queueCall(queue.getJob(id));
    if (!job) throw new NotFoundError('Job', `${queueName}/${id}`);
    return {
      id: String(job.id),
      queue: queueName,
      name: job.name,
      state,
      progress: job.progress,
      attempts: job.attemptsMade,
      maxAttempts: job.opts.attempts ?? 1,
      failedReason: job.failedReason || null,
      result: job.returnvalue ?? undefined,
      createdAt: new Date(job.timestamp).toISOString(),
      processedAt: job.processedOn ? new Date(job.processedOn).toISOString() : null,
      finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    };
  }

  async ping(requestedBy: string): Promise<EnqueuedJobView> {
    const job = await this.producer.add('maintenance.ping', { requestedBy });
    return EnqueuedJobView.of('maintenance.ping', job);
  }
}
