import { Logger } from '@nestjs/common';
import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { redisErrorLog } from './redis-error-log.js';

/**
 * The base of every processor: a WorkerHost whose worker's 'error' event (Redis connection
 * errors) is logged as a throttled warning, `Worker <queue>: Redis error (...)` from a logger
 * named after the processor class, instead of a stack trace per reconnect attempt.
 *
 * @nestjs/bullmq finds the `@OnWorkerEvent` handler here because its explorer scans the whole
 * prototype chain (MetadataScanner.scanFromPrototype), not only the subclass's own methods.
 */
export abstract class LoggedWorkerHost extends WorkerHost {
  private logRedisError?: (error: Error) => void;

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    // Created on the first error: the worker (and so the queue name) exists only once registered.
    this.logRedisError ??= redisErrorLog(new Logger(this.constructor.name), `Worker ${this.worker.name}`);
    this.logRedisError(error);
  }
}
