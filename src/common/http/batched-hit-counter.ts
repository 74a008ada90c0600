/** What a counter answers for one hit: the hits counted in its window so far, and the ms left in it. */
export type WindowCount = [hits: number, msLeft: number];

/** Adds `hits` to a key's count and answers the new total (as the rate limiter's Redis script does). */
export type CountSender = (key: string, hits: number) => Promise<WindowCount>;

interface Batch {
  hits: number;
  waiters: Array<{ resolve: (count: WindowCount) => void; reject: (error: unknown) => void }>;
}

/**
 * Counts hits per key with at most one command in flight per key. A hit that finds the key idle
 * is sent at once; the hits that arrive while a command is out go together in the next one, and
 * each learns the count it would have had alone (the total after its batch, less the hits that
 * came after it in the batch). Under load one round trip answers many requests; alone, a hit
 * costs what it did before.
 *
 * When a command fails, the hits waiting behind it fail too, without a command of their own, so
 * nobody waits for a failing store longer than one command's timeout.
 */
export class BatchedHitCounter {
  private readonly waiting = new Map<string, Batch>();
  private readonly sending = new Set<string>();

  constructor(private readonly send: CountSender) {}

  hit(key: string): Promise<WindowCount> {
    return new Promise((resolve, reject) => {
      let batch = this.waiting.get(key);
      if (!batch) this.waiting.set(key, (batch = { hits: 0, waiters: [] }));
      batch.hits++;
      batch.waiters.push({ resolve, reject });
      if (!this.sending.has(key)) void this.flush(key);
    });
  }

  /** Sends the key's waiting hits, then whatever arrived meanwhile, until none is left. */
  private async flush(key: string): Promise<void> {
    this.sending.add(key);
    for (let batch = this.take(key); batch; batch = this.take(key)) {
      try {
        const [total, msLeft] = await this.send(key, batch.hits);
        const first = total - batch.hits;
        batch.waiters.forEach((w, i) => w.resolve([first + i + 1, msLeft]));
      } catch (error) {
        for (const w of batch.waiters) w.reject(error);
        for (const w of this.take(key)?.waiters ?? []) w.reject(error);
      }
    }
    this.sending.delete(key);
  }

  private take(key: string): Batch | undefined {
    const batch = this.waiting.get(key);
    this.waiting.delete(key);
    return batch;
  }
}
