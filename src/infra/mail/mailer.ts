import type { MailReceipt, OutgoingMail, SendControl } from './outgoing-mail.js';

/**
 * Sends one message. The implementation is chosen from config by {@link MailModule}: a pooled SMTP
 * transport when `SMTP_URL` is set, else `.eml` files in the outbox directory. Also the DI token:
 * tests and tools can provide their own.
 *
 * Throws {@link MailSendError} (classified permanent or transient) or {@link MailAbortedError}.
 */
export abstract class Mailer {
  abstract readonly kind: 'smtp' | 'outbox';
  abstract send(mail: OutgoingMail, control?: SendControl): Promise<MailReceipt>;
  /** Closes pooled connections. */
  abstract close(): Promise<void>;
}
