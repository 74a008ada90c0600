import { Global, Module, type DynamicModule } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import type { ConnectionOptions } from 'bullmq';
import type { AppConfig } from '../../common/config/app-config.js';
import { APP_CONFIG } from '../../common/config/config.module.js';
import { DEFAULT_REDIS_URL, producerRedisOptions, workerRedisOptions } from '../redis/redis-options.js';
import { JobProducer } from './job-producer.js';
import { LoggedQueue } from './logged-queue.js';
import { PatientWorker } from './patient-worker.js';
import { QUEUES } from './job-registry.js';

/**
 * BullMQ over ioredis. A process that serves HTTP connects as a producer: while Redis is down,
 * adding a job fails at once (no offline queue) so the API can answer 503 instead of hanging.
 * A worker-only process connects with a patient, reconnecting connection.
 */
// Every queue listens to its errors from construction on (see LoggedQueue).
BullModule.queueClass = LoggedQueue;
// Every worker waits for Redis to come back rather than failing its commands (see PatientWorker).
BullModule.workerClass = PatientWorker;

@Global()
@Module({})
export class QueueModule {
  static forRoot(options: { role: 'producer' | 'worker' }): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            const url = config.redis.url ?? DEFAULT_REDIS_URL;
            return {
              // ioredis options; BullMQ 6 declares its own, looser, interface for them.
              connection: (options.role === 'producer'
                ? producerRedisOptions(url)
                : workerRedisOptions(url)) as ConnectionOptions,
              prefix: config.redis.prefix,
            };
          },
        }),
        ...QUEUES.map((name) => BullModule.registerQueue({ name })),
      ],
      providers: [JobProducer],
      exports: [BullModule, JobProducer],
    };
  }
}
