import { describe, expect, it } from '@jest/globals';
import { BatchedHitCounter, type WindowCount } from './batched-hit-counter.js';

/** A store whose answers the test releases one command at a time. */
function controlledStore() {
  const counts = new Map<string, number>();
  const sent: Array<{ key: string; hits: number; answer: () => void; fail: (error: Error) => void }> = [];
  const send = (key: string, hits: number) =>
    new Promise<WindowCount>((resolve, reject) => {
      sent.push({
        key,
        hits,
        answer: () => {
          const total = (counts.get(key) ?? 0) + hits;
          counts.set(key, total);
          resolve([total, 60_000]);
        },
        fail: reject,
      });
    });
  return { send, sent };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('BatchedHitCounter', () => {
  it('sends a hit on an idle key at once, alone', async () => {
    const store = controlledStore();
    const counter = new BatchedHitCounter(store.send);
    const first = counter.hit('a');
    expect(store.sent.map((s) => s.hits)).toEqual([1]);
    store.sent[0].answer();
    await expect(first).resolves.toEqual([1, 60_000]);
  });

  it('sends the hits that arrive meanwhile as one command, each with the count it would have had alone', async () => {
    const store = controlledStore();
    const counter = new BatchedHitCounter(store.send);
    const hits = [counter.hit('a'), counter.hit('a'), counter.hit('a'), counter.hit('a')];
    expect(store.sent.map((s) => s.hits)).toEqual([1]);
    store.sent[0].answer();
    await settled();
    expect(store.sent.map((s) => s.hits)).toEqual([1, 3]);
    store.sent[1].answer();
    expect((await Promise.all(hits)).map(([n]) => n)).toEqual([1, 2, 3, 4]);
    await settled();
    expect(store.sent).toHaveLength(2);
  });

  it('keeps keys apart: one key in flight does not hold another back', async () => {
    const store = controlledStore();
    const counter = new BatchedHitCounter(store.send);
    const a = counter.hit('a');
    const b = counter.hit('b');
    expect(store.sent.map((s) => s.key)).toEqual(['a', 'b']);
    store.sent[1].answer();
    await expect(b).resolves.toEqual([1, 60_000]);
    store.sent[0].answer();
    await expect(a).resolves.toEqual([1, 60_000]);
  });

  it('fails the hits waiting behind a failed command without sending them', async () => {
    const store = controlledStore();
    const counter = new BatchedHitCounter(store.send);
    const first = counter.hit('a');
    const behind = counter.hit('a');
    store.sent[0].fail(new Error('timed out'));
    await expect(first).rejects.toThrow('timed out');
    await expect(behind).rejects.toThrow('timed out');
    expect(store.sent).toHaveLength(1);
    // The key is idle again: the next hit is sent.
    const next = counter.hit('a');
    expect(store.sent).toHaveLength(2);
    store.sent[1].answer();
    await expect(next).resolves.toEqual([1, 60_000]);
  });
});
