import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from './outgoing-mail.js';

export interface ComposedMessage {
  /** The exact RFC 5322 bytes that go over SMTP or into the .eml file. */
  raw: Buffer;
  envelope: { from: string; to: string[] };
}

/**
 * Builds the MIME message once (multipart/mixed > related > alternative, inline parts by cid),
 * so the SMTP transport and the outbox write the same bytes and the size is known up front.
 */
export async function composeMessage(mail: OutgoingMail, from: string): Promise<ComposedMessage> {
  const attachments = (mail.attachments ?? []).map((a) => ({
    filename: a.filename,
    content: a.content,
    contentType: a.contentType,
    ...(a.cid ? { cid: a.cid, contentDisposition: 'inline' } : {}),
  }));
  const node = new MailComposer({
    from,
    to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
    subject: mail.subject,
    messageId: mail.messageId,
    date: mail.date ?? new Date(),
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    attachments,
    textEncoding: 'B',
  }).compile();
  const raw = await node.build();
  return { raw, envelope: { from: envelopeAddress(from), to: [mail.to.address] } };
}

/** The bare address of `Name <addr@host>`. */
export function envelopeAddress(mailbox: string): string {
  const [first] = addressparser(mailbox, { flatten: true });
  if (!first?.address) throw new Error(`MAIL_FROM "${mailbox}" has no address`);
  return first.address;
}

/** The domain of the sender, for Message-IDs (`planner.local` for `Reports <r@planner.local>`). */
export function senderDomain(mailbox: string): string {
  return envelopeAddress(mailbox).split('@')[1] ?? 'planner.local';
}
