import { LruMap } from '../lru-map.js';

/** A count for one hit: the hits in its window so far, and the ms left in the window. */
export type WindowCount = [hits: number, msLeft: number];

/** Adds `hits` to a key's count in the shared store; answers the new total and the ms left in its window. */
export type CountSender = (key: string, hits: number) => Promise<WindowCount>;

export interface SharedWindowCounterOptions {
  windowMs: number;
  /** Least time between two sends of one key: how late a process learns the others' hits. */
  syncMs: number;
  /** After a send failed, nothing is sent for this long; every key counts here meanwhile. */
  retryMs: number;
  /** Most keys remembered; the least recently hit are forgotten first. */
  maxKeys: number;
  /** Called when a send fails while the store was up, with the error. */
  onStoreDown?: (error: unknown) => void;
  /** Called when a send succeeds after the store was down. */
  onStoreBack?: () => void;
  now?: () => number;
}

/** One key's fixed window as this process sees it. */
interface KeyWindow {
  resetAt: number;
  /** The count the store last answered: every process's hits up to then. */
  shared: number;
  /** Hits sent and not answered yet. */
  sending: number;
  /** Hits counted here and not sent yet. */
  unsent: number;
  /** When the last send left (0: never). */
  sentAt: number;
  timer?: NodeJS.Timeout;
}

/**
 * Fixed-window hit counts shared by several processes through a store (Redis), answered without
 * waiting for it: a hit's count is the total the store last answered for its key plus the hits
 * this process counted since. The hits go to the store in the background, at most one send per
 * key at a time and one per `syncMs`: the first hit of a key is sent at once, the hits of a busy
 * key together every `syncMs`. So a request never waits on the store, and under load one command
 * counts hundreds of requests.
 *
 * The count is exact with one process. With several, a process learns the others' hits at most
 * `syncMs` (plus one round trip) late, so a client spreading its requests over N processes can
 * get up to about N × its rate × syncMs past the limit before being refused everywhere.
 *
 * When the store fails (a timeout, a refused connection), counting goes on in the process alone
 * (each process then bounds a client by itself) and nothing is sent for `retryMs`; the hits
 * counted meanwhile are sent with the next send. The window's end is the store's (its TTL), so
 * every process opens a new window when the store does.
 */
export class SharedWindowCounter {
  private readonly windows: LruMap<string, KeyWindow>;
  private readonly now: () => number;
  /** Until when nothing is sent after a failure (0: the store is up). */
  private downUntil = 0;
  private closed = false;

  constructor(
    private readonly send: CountSender,
    private readonly options: SharedWindowCounterOptions,
  ) {
    this.windows = new LruMap(options.maxKeys);
    this.now = options.now ?? Date.now;
  }

  /** Counts one hit of `key` and answers its count so far, at once. */
  hit(key: string): WindowCount {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      if (window?.timer) clearTimeout(window.timer);
      window = { resetAt: now + this.options.windowMs, shared: 0, sending: 0, unsent: 0, sentAt: 0 };
      this.windows.set(key, window);
    }
    window.unsent++;
    this.schedule(key, window, now);
    return [window.shared + window.sending + window.unsent, window.resetAt - now];
  }

  /** Stops sending: what is not sent yet stays unsent. */
  close(): void {
    this.closed = true;
  }

  /** Sends the key's unsent hits now, or arms one timer for when its next send is due. */
  private schedule(key: string, window: KeyWindow, now: number): void {
    if (this.closed || window.sending || window.timer || !window.unsent || now < this.downUntil) return;
    const wait = window.sentAt + this.options.syncMs - now;
    if (wait <= 0) {
      void this.flush(key, window, now);
      return;
    }
    window.timer = setTimeout(() => {
      window.timer = undefined;
      if (this.windows.peek(key) === window) this.schedule(key, window, this.now());
    }, wait);
    window.timer.unref();
  }

  private async flush(key: string, window: KeyWindow, now: number): Promise<void> {
    const hits = window.unsent;
    window.unsent = 0;
    window.sending = hits;
    window.sentAt = now;
    try {
      const [total, msLeft] = await this.send(key, hits);
      window.shared = total;
      if (msLeft > 0) window.resetAt = this.now() + msLeft;
      if (this.downUntil) {
        this.downUntil = 0;
        this.options.onStoreBack?.();
      }
    } catch (error) {
      // Whether the store counted them is unknown: they stay counted here, and are not sent again.
      window.shared += hits;
      if (!this.downUntil) this.options.onStoreDown?.(error);
      this.downUntil = this.now() + this.options.retryMs;
    } finally {
      window.sending = 0;
    }
    if (this.windows.peek(key) === window) this.schedule(key, window, this.now());
  }
}
