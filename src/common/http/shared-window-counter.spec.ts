import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import {
  SharedWindowCounter,
  type SharedWindowCounterOptions,
  type WindowCount,
} from './shared-window-counter.js';

/** A store shared by several counters, whose answers the test releases one command at a time. */
function controlledStore() {
  const counts = new Map<string, number>();
  const sent: Array<{
    key: string;
    hits: number;
    answer: (msLeft?: number) => void;
    fail: (error: Error) => void;
  }> = [];
  const send = (key: string, hits: number) =>
    new Promise<WindowCount>((resolve, reject) => {
      sent.push({
        key,
        hits,
        answer: (msLeft = 60_000) => {
          const total = (counts.get(key) ?? 0) + hits;
          counts.set(key, total);
          resolve([total, msLeft]);
        },
        fail: reject,
      });
    });
  return { send, sent, counts };
}

const OPTIONS: SharedWindowCounterOptions = { windowMs: 60_000, syncMs: 100, retryMs: 5_000, maxKeys: 100 };
/** Lets the answered sends' continuations run. */
const settled = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('SharedWindowCounter', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('answers every hit at once and sends the first hit of a key at once, alone', () => {
    const store = controlledStore();
    const counter = new SharedWindowCounter(store.send, OPTIONS);
    expect(counter.hit('a')).toEqual([1, 60_000]);
    expect(counter.hit('a')).toEqual([2, 60_000]);
    expect(store.sent.map((s) => s.hits)).toEqual([1]);
  });

  it('sends the hits counted meanwhile together, once syncMs has passed since the last send', async () => {
    const store = controlledStore();
    const counter = new SharedWindowCounter(store.send, OPTIONS);
    counter.hit('a');
    store.sent[0].answer();
    await settled();
    for (let i = 0; i < 4; i++) counter.hit('a');
    expect(store.sent).toHaveLength(1);
    jest.advanceTimersByTime(99);
    expect(store.sent).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(store.sent.map((s) => s.hits)).toEqual([1, 4]);
    // Nothing new: no send and no timer.
    store.sent[1].answer();
    await settled();
    jest.advanceTimersByTime(1_000);
    expect(store.sent).toHaveLength(2);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('keeps one send of a key in flight at a time, and counts the hits in flight', async () => {
    const store = controlledStore();
    const counter = new SharedWindowCounter(store.send, OPTIONS);
    counter.hit('a');
    jest.advanceTimersByTime(500);
    expect(counter.hit('a')).toEqual([2, 59_500]);
    expect(store.sent).toHaveLength(1);
    store.sent[0].answer();
    await settled();
    expect(store.sent.map((s) => s.hits)).toEqual([1, 1]);
  });

  it('counts the hits other processes sent to the store, as soon as the store answers', async () => {
    const store = controlledStore();
    const here = new SharedWindowCounter(store.send, OPTIONS);
    const there = new SharedWindowCounter(store.send, OPTIONS);
    for (let i = 0; i < 5; i++) there.hit('a');
    store.sent[0].answer(); // there: 1
    await settled();
    jest.advanceTimersByTime(100);
    store.sent[1].answer(); // there: 4 more
    await settled();
    // Here, the first hit is counted alone until the store answers with everyone's total.
    expect(here.hit('a')).toEqual([1, 60_000]);
    store.sent[2].answer(30_000);
    await settled();
    expect(here.hit('a')).toEqual([7, 30_000]);
  });

  it('starts a new window when the store says the old one ended', async () => {
    const store = controlledStore();
    const counter = new SharedWindowCounter(store.send, OPTIONS);
    counter.hit('a');
    store.sent[0].answer(2_000);
    await settled();
    jest.advanceTimersByTime(1_999);
    expect(counter.hit('a')).toEqual([2, 1]);
    jest.advanceTimersByTime(1);
    expect(counter.hit('a')).toEqual([1, 60_000]);
  });

  it('counts in the process while the store fails, tries it again after retryMs, and says so once each way', async () => {
    const store = controlledStore();
    const down = jest.fn();
    const back = jest.fn();
    const counter = new SharedWindowCounter(store.send, { ...OPTIONS, onStoreDown: down, onStoreBack: back });
    counter.hit('a');
    store.sent[0].fail(new Error('timed out'));
    await settled();
    expect(down).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1_000);
    expect(counter.hit('a')).toEqual([2, 59_000]);
    expect(counter.hit('b')).toEqual([1, 60_000]);
    expect(store.sent).toHaveLength(1);
    jest.advanceTimersByTime(4_000);
    // Retried with the next hit: the hits counted meanwhile go with it, the failed one does not.
    expect(counter.hit('a')).toEqual([3, 55_000]);
    expect(store.sent.map((s) => [s.key, s.hits])).toEqual([
      ['a', 1],
      ['a', 2],
    ]);
    store.sent[1].answer();
    await settled();
    expect(back).toHaveBeenCalledTimes(1);
    expect(down).toHaveBeenCalledTimes(1);
  });

  it('forgets the least recently hit keys beyond maxKeys, and sends nothing once closed', () => {
    const store = controlledStore();
    const counter = new SharedWindowCounter(store.send, { ...OPTIONS, maxKeys: 2 });
    counter.hit('a');
    counter.hit('b');
    counter.hit('c');
    expect(counter.hit('a')).toEqual([1, 60_000]);
    counter.close();
    counter.hit('d');
    expect(store.sent.map((s) => s.key)).toEqual(['a', 'b', 'c', 'a']);
  });
});
