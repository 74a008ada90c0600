import { Readable } from 'node:stream';
import { MailAbortedError } from './mail-errors.js';

const CHUNK = 64 * 1024;

/**
 * Streams a finished message and holds its end until `gate` resolves. Nodemailer writes the
 * SMTP end-of-data marker (`<CRLF>.<CRLF>`) only when its source ends, so everything before the
 * gate can be abandoned: if `gate` resolves false (or fails) the stream errors, nodemailer closes
 * the connection mid-DATA and the server discards the partial message (RFC 5321 §4.1.1.4).
 */
export class CommitGateStream extends Readable {
  private offset = 0;
  private gateOpened = false;
  /** True once the gate said yes: from here on the server may accept the message. */
  committed = false;

  constructor(
    private readonly raw: Buffer,
    private readonly gate: () => Promise<boolean>,
  ) {
    super({ highWaterMark: CHUNK });
  }

  override _read(): void {
    if (this.offset < this.raw.length) {
      const end = Math.min(this.offset + CHUNK, this.raw.length);
      const chunk = this.raw.subarray(this.offset, end);
      this.offset = end;
      this.push(chunk);
      return;
    }
    if (this.gateOpened) return;
    this.gateOpened = true;
    this.gate().then(
      (ok) => {
        if (!ok) return this.destroy(new MailAbortedError());
        this.committed = true;
        this.push(null);
      },
      (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  }
}
