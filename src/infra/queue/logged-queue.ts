import { Logger } from '@nestjs/common';
import { Queue, type QueueOptions } from 'bullmq';
import { redisErrorLog } from './redis-error-log.js';

/**
 * The queue class BullModule creates: a BullMQ queue that listens to its own 'error' event from
 * the moment it exists. A queue connects as soon as it is constructed, long before any module's
 * `onModuleInit`; an error emitted with nothing listening is printed by BullMQ as a stack trace
 * (console.error). Errors are logged instead as one warning at most every 30 s per queue
 * (producers already answer 503, readiness says Redis is down).
 */
export class LoggedQueue extends Queue {
  constructor(name: string, options: QueueOptions) {
    super(name, options);
    this.on('error', redisErrorLog(new Logger('Queue'), `Queue ${name}`));
  }
}
