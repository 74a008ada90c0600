import { Worker, type Processor, type WorkerOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';

/**
 * The worker class BullModule creates: a BullMQ worker whose own connections keep an offline
 * queue, as BullMQ wants for workers, even where the process's shared options are a producer's
 * (`npm start`'s combined process and the tests' apps). With the producer's fail-fast options,
 * a command issued while Redis is down fails at once with "Stream isn't writeable", which BullMQ
 * does not count as a connection error: the worker's main loop retried it without pause and
 * starved the event loop, so the process never saw Redis come back. Waiting in the offline
 * queue, the worker resumes once Redis reconnects, like a worker-only process.
 */
export class PatientWorker extends Worker {
  constructor(name: string, processor: string | URL | null | Processor, options: WorkerOptions) {
    const connection = options.connection as RedisOptions | { constructor: unknown };
    const plain = connection && Object.getPrototypeOf(connection) === Object.prototype;
    super(name, processor, {
      ...options,
      connection: plain ? { ...(connection as RedisOptions), enableOfflineQueue: true } : options.connection,
    } as WorkerOptions);
  }
}
