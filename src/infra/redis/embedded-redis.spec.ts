import { createHook } from 'node:async_hooks';
import { describe, expect, it } from '@jest/globals';
import { freePort, redisAnswers } from './embedded-redis.js';

/** The timers `fn` starts and leaves pending (neither run nor cleared) when it resolves. */
async function timersLeftBy(fn: () => Promise<unknown>): Promise<number[]> {
  const pending = new Map<number, number>();
  const hook = createHook({
    init(id, type, _trigger, resource) {
      if (type === 'Timeout') pending.set(id, (resource as { _idleTimeout: number })._idleTimeout);
    },
    destroy(id) {
      pending.delete(id);
    },
  }).enable();
  try {
    await fn();
  } finally {
    hook.disable();
  }
  return [...pending.values()];
}

describe('redisAnswers', () => {
  it('says no for a port nothing listens on, and leaves no timer that would hold the process', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    let answered: boolean | undefined;
    const left = await timersLeftBy(async () => {
      answered = await redisAnswers(url, 200);
    });
    expect(answered).toBe(false);
    // Short timers of Node's own socket handling may still be pending; none may last a second.
    expect(left.filter((ms) => ms >= 1_000)).toEqual([]);
  });
});
