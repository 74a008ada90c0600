/** A mailbox: `{ name: '王芳', address: 'wang@example.com' }`. */
export interface MailAddress {
  name?: string;
  address: string;
}

export interface MailAttachment {
  filename: string;
  content: Buffer | string;
  contentType: string;
  /** Content-ID for an inline part the HTML shows as `cid:<cid>`. */
  cid?: string;
}

/** One message to one reader, fully rendered. The Message-ID is the caller's: it makes resends recognisable. */
export interface OutgoingMail {
  /** `<...@...>`, deterministic for the same logical message. */
  messageId: string;
  to: MailAddress;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe, ...). */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  date?: Date;
}

/** What the transport says once the message is committed. */
export interface MailReceipt {
  messageId: string;
  /** The SMTP server's final reply, or where the .eml file was written. */
  response: string;
  transport: 'smtp' | 'outbox';
}

export interface SendControl {
  /**
   * Called once the whole message has been handed over, right before the transaction is
   * committed: for SMTP before the terminating `<CRLF>.<CRLF>`, for the outbox before the file is
   * renamed into place. Resolve `true` to commit; `false` aborts and nothing is delivered
   * (see {@link MailAbortedError}).
   */
  beforeCommit?: () => Promise<boolean>;
}
