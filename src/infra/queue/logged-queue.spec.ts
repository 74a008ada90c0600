import { createServer } from 'node:net';
import { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { ConnectionOptions } from 'bullmq';
import { producerRedisOptions } from '../redis/redis-options.js';
import { LoggedQueue } from './logged-queue.js';

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('LoggedQueue', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('logs a refused connection as one warning from construction on, without a stack trace', async () => {
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const connection = {
      ...producerRedisOptions(`redis://127.0.0.1:${await closedPort()}`),
      retryStrategy: () => null, // one attempt, so nothing is left reconnecting after the test
    } as ConnectionOptions;
    // Nothing else listens to the queue's 'error' event: only the class itself can.
    const queue = new LoggedQueue('refused', { connection });
    try {
      for (let i = 0; i < 100 && !warned.mock.calls.length && !printed.mock.calls.length; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(printed).not.toHaveBeenCalled();
      expect(warned).toHaveBeenCalledTimes(1);
      expect(String(warned.mock.calls[0][0])).toMatch(/^Queue refused: Redis error \(.*ECONNREFUSED/);
    } finally {
      await queue.close().catch(() => undefined);
    }
  });
});
