import type { ParsedMail } from 'mailparser';

/** True for a complete PNG: signature, an IHDR first and an IEND last. Returns its size. */
export function pngSize(buffer: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buffer.length < 45 || !buffer.subarray(0, 8).equals(signature)) return null;
  if (buffer.toString('latin1', 12, 16) !== 'IHDR') return null;
  if (buffer.toString('latin1', buffer.length - 8, buffer.length - 4) !== 'IEND') return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** The HTML part as the words a reader sees (tags dropped, entities decoded). */
export function visibleText(mail: ParsedMail): string {
  return (mail.html || '')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The URL of the List-Unsubscribe header. */
export function unsubscribeUrl(mail: ParsedMail): string {
  const list = mail.headers.get('list') as { unsubscribe?: { url?: string } } | undefined;
  const url = list?.unsubscribe?.url;
  if (!url) throw new Error('No List-Unsubscribe URL');
  return url;
}
