import type { Logger } from '@nestjs/common';

const EVERY_MS = 30_000;

/**
 * Logs connection errors of a BullMQ queue or worker as one warning at most every 30 s, instead
 * of the stack trace BullMQ prints (console.error) for every reconnect attempt when nothing
 * listens to its 'error' event.
 */
export function redisErrorLog(logger: Logger, what: string): (error: Error) => void {
  let last = 0;
  return (error: Error) => {
    const now = Date.now();
    if (now - last < EVERY_MS) return;
    last = now;
    logger.warn(`${what}: Redis error (${error.message})`);
  };
}
