import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Job } from 'bullmq';
import { JOBS, type JobName } from '../../infra/queue/job-registry.js';

export const JOB_STATES = [
  'waiting',
  'delayed',
  'prioritized',
  'waiting-children',
  'active',
  'completed',
  'failed',
  'unknown',
] as const;

export class JobStatusView {
  @ApiProperty({ example: '42' })
  id!: string;

  @ApiProperty({ example: 'maintenance' })
  queue!: string;

  @ApiProperty({ example: 'maintenance.ping' })
  name!: string;

  @ApiProperty({ enum: JOB_STATES, example: 'completed' })
  state!: string;

  @ApiProperty({ description: 'A number 0-100 or an object the job reports.', example: 100 })
  progress!: unknown;

  @ApiProperty({ description: 'Attempts made so far.', example: 1 })
  attempts!: number;

  @ApiProperty({ description: 'Attempts allowed before the job fails for good.', example: 5 })
  maxAttempts!: number;

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  failedReason!: string | null;

  @ApiPropertyOptional({ description: 'What the job returned, once completed.' })
  result?: unknown;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  processedAt!: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  finishedAt!: string | null;
}

export class EnqueuedJobView {
  @ApiProperty({ example: '42' })
  jobId!: string;

  @ApiProperty({ example: 'maintenance' })
  queue!: string;

  @ApiProperty({ example: '/api/v1/jobs/maintenance/42', description: 'Where to follow the job.' })
  statusUrl!: string;

  /** Where to follow a job the API just queued. */
  static of(name: JobName, job: Job): EnqueuedJobView {
    const { queue } = JOBS[name];
    return { jobId: String(job.id), queue, statusUrl: `/api/v1/jobs/${queue}/${job.id}` };
  }
}
