import type { INestApplicationContext } from '@nestjs/common';
import { ConfigError } from '../common/config/app-config.js';
import { RedisMissingError } from '../infra/redis/embedded-redis.js';

/**
 * Runs a process entry point; a configuration or setup problem ends it with one clear message
 * and exit code 1 instead of a stack trace.
 */
export function runProcess(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof RedisMissingError) {
      process.stderr.write(`\n${error.message}\n\n`);
    } else {
      process.stderr.write(`Failed to start: ${(error instanceof Error && error.stack) || String(error)}\n`);
    }
    process.exit(1);
  });
}

/**
 * How long a shutdown may take before the process exits anyway: jobs in hand finish well within
 * it, but a BullMQ worker whose Redis client was left reconnecting by an outage never finishes
 * closing (taskforcesh/bullmq#4656).
 */
const SHUTDOWN_DEADLINE_MS = 30_000;

/**
 * On SIGINT or SIGTERM: stop taking new work, let workers finish the jobs in hand (Nest's
 * shutdown hooks close the BullMQ workers), run `after`, and exit 0. A second signal exits at
 * once, and so does a shutdown still running after SHUTDOWN_DEADLINE_MS (exit code 1, saying so).
 */
export function closeOnSignals(app: INestApplicationContext, after?: () => Promise<void>): void {
  let closing = false;
  const onSignal = () => {
    if (closing) process.exit(1);
    closing = true;
    setTimeout(() => {
      process.stderr.write(
        `Shutdown still running after ${SHUTDOWN_DEADLINE_MS / 1000} s (a queue worker waiting for ` +
          'a Redis connection that never closes, after an outage?); exiting\n',
      );
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    void app
      .close()
      .then(() => after?.())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Shutdown failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
