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
      process.stderr.write(`Failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exit(1);
  });
}
