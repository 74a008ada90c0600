import type { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { CommitGateStream } from './commit-gate-stream.js';
import { composeMessage } from './compose-message.js';
import { MailAbortedError, classifySmtpError } from './mail-errors.js';
import { Mailer } from './mailer.js';
import type { MailReceipt, OutgoingMail, SendControl } from './outgoing-mail.js';

export interface SmtpMailerOptions {
  smtpUrl: string;
  from: string;
  ratePerSecond: number;
  maxConnections?: number;
}

/**
 * One pooled nodemailer SMTP transport per process, rate limited to `MAIL_RATE_PER_SECOND`.
 *
 * The pool never re-sends on its own (`maxRequeues: 0`): whether a message that may have reached
 * the server goes out again is the caller's decision (see the delivery outbox), never the
 * transport's.
 *
 * The message is composed up front and handed to the connection as a {@link CommitGateStream}
 * through nodemailer's `stream` plugin step, so nothing buffers it ahead of the DATA phase: the
 * gate (`beforeCommit`) runs only once the server has taken every byte but the end-of-data marker.
 */
export class SmtpMailer extends Mailer {
  readonly kind = 'smtp' as const;
  private readonly logger = new Logger('SmtpMailer');
  private readonly transport;

  constructor(private readonly options: SmtpMailerOptions) {
    super();
    this.transport = createTransport({
      pool: true,
      url: options.smtpUrl,
      // nodemailer checks the rate when a connection frees up, so each connection's first message
      // goes out unchecked: no more connections than the rate keeps the first second honest too.
      maxConnections: Math.min(options.maxConnections ?? 5, options.ratePerSecond),
      maxMessages: 500,
      rateLimit: options.ratePerSecond,
      rateDelta: 1000,
      maxRequeues: 0,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 120_000,
      logger: false,
    });
    // Hand the connection our gate stream itself, not nodemailer's buffered copy of the message.
    this.transport.use('stream', (mail, done) => {
      const gate = (mail.data as GatedOptions).commitGate;
      if (gate) mail.message.createReadStream = () => gate;
      done();
    });
  }

  async send(mail: OutgoingMail, control: SendControl = {}): Promise<MailReceipt> {
    const { raw, envelope } = await composeMessage(mail, this.options.from);
    const stream = new CommitGateStream(raw, control.beforeCommit ?? (async () => true));
    try {
      const options: GatedOptions = { envelope, raw, commitGate: stream };
      const info = await this.transport.sendMail(options);
      return { messageId: mail.messageId, response: String(info.response ?? ''), transport: 'smtp' };
    } catch (error) {
      if (stream.errored instanceof MailAbortedError) throw stream.errored;
      const classified = classifySmtpError(error, stream.committed);
      if (!(classified instanceof MailAbortedError))
        this.logger.warn(`Message ${mail.messageId} to ${mail.to.address} failed: ${classified.message}`);
      throw classified;
    } finally {
      if (!stream.destroyed) stream.destroy();
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

type GatedOptions = SendMailOptions & { commitGate?: Readable };
