import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMessage {
  to: string[];
  raw: Buffer;
  messageId: string | null;
  receivedAt: number;
  parse(): Promise<ParsedMail>;
}

/** A refusal the sink answers with: `{ code: 550, message: 'No such user' }`. */
export interface SinkRefusal {
  code: number;
  message: string;
}

/** Decides, per recipient and stage, whether to refuse. `attempt` counts that recipient's tries from 1. */
export type SinkPolicy = (recipient: string, stage: 'rcpt' | 'data', attempt: number) => SinkRefusal | null;

/**
 * A real SMTP server on a free local port that keeps what it accepts (tests and benchmarks).
 * `keepRaw: false` keeps only counts and Message-IDs (for 10,000-message runs).
 */
export class SmtpSink {
  readonly messages: ReceivedMessage[] = [];
  policy: SinkPolicy = () => null;
  /** Delay before answering the end of DATA, to make a run last. */
  dataDelayMs = 0;
  private readonly attempts = new Map<string, number>();
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];
  private server!: SMTPServer;
  port = 0;

  constructor(private readonly options: { keepRaw?: boolean } = {}) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      size: 50 * 1024 * 1024,
      onRcptTo: (address, _session, callback) => {
        const refusal = this.refusal(address.address, 'rcpt');
        callback(refusal ? smtpError(refusal) : null);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          const refusal = to.map((r) => this.refusal(r, 'data')).find(Boolean) ?? null;
          const finish = () => {
            if (refusal) return callback(smtpError(refusal));
            const raw = Buffer.concat(chunks);
            const head = raw.subarray(0, Math.min(raw.length, 8192)).toString('latin1');
            const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? null;
            const keep = this.options.keepRaw ?? true;
            this.messages.push({
              to,
              raw: keep ? raw : Buffer.alloc(0),
              messageId,
              receivedAt: Date.now(),
              parse: () => simpleParser(raw, { keepCidLinks: true }),
            });
            this.notify();
            callback(null, `Ok: queued as ${this.messages.length}`);
          };
          if (this.dataDelayMs) setTimeout(finish, this.dataDelayMs);
          else finish();
        });
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /** Resolves once `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs = 30_000): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Timed out waiting for ${count} messages (got ${this.messages.length})`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Messages per recipient address. */
  countsByRecipient(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.messages) for (const r of m.to) counts.set(r, (counts.get(r) ?? 0) + 1);
    return counts;
  }

  to(address: string): ReceivedMessage[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** How many times the address was tried at that stage (RCPT TO or end of DATA). */
  attemptsFor(address: string, stage: 'rcpt' | 'data' = 'data'): number {
    return this.attempts.get(`${stage}:${address.toLowerCase()}`) ?? 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private refusal(address: string, stage: 'rcpt' | 'data'): SinkRefusal | null {
    const key = `${stage}:${address.toLowerCase()}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    return this.policy(address.toLowerCase(), stage, attempt);
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (this.messages.length >= w.count) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }
}

function smtpError(refusal: SinkRefusal): Error {
  return Object.assign(new Error(refusal.message), { responseCode: refusal.code });
}
