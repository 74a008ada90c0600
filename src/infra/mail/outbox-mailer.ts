import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeMessage } from './compose-message.js';
import { MailAbortedError, MailSendError } from './mail-errors.js';
import { Mailer } from './mailer.js';
import type { MailReceipt, OutgoingMail, SendControl } from './outgoing-mail.js';
import { errorMessage } from '../../common/errors/error-message.js';

/**
 * With no `SMTP_URL`, each message is written as an `.eml` file (the exact message SMTP would
 * carry) in the outbox directory, for a new user to open in any mail program. The file is named
 * after the Message-ID, so a message can never appear twice, and written to a temporary name
 * first, then renamed: a reader never sees half a file.
 */
export class OutboxMailer extends Mailer {
  readonly kind = 'outbox' as const;

  constructor(private readonly options: { outboxDir: string; from: string }) {
    super();
  }

  /** The file a Message-ID is written to. */
  fileFor(messageId: string): string {
    const name = messageId.replace(/^<|>$/g, '').replace(/[^\w.@-]+/g, '_');
    return join(this.options.outboxDir, `${name}.eml`);
  }

  async send(mail: OutgoingMail, control: SendControl = {}): Promise<MailReceipt> {
    const { raw } = await composeMessage(mail, this.options.from);
    const file = this.fileFor(mail.messageId);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await mkdir(this.options.outboxDir, { recursive: true });
      await writeFile(temporary, raw);
    } catch (error) {
      throw new MailSendError(
        `Cannot write ${temporary}: ${errorMessage(error)}`,
        false,
        null,
        false,
        'EFILE',
      );
    }
    if (control.beforeCommit && !(await control.beforeCommit())) {
      await rm(temporary, { force: true });
      throw new MailAbortedError();
    }
    try {
      await rename(temporary, file);
    } catch (error) {
      throw new MailSendError(`Cannot write ${file}: ${errorMessage(error)}`, false, null, false, 'EFILE');
    }
    return { messageId: mail.messageId, response: `written to ${file}`, transport: 'outbox' };
  }

  async close(): Promise<void> {}
}
