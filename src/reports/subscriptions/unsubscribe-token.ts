import { createHmac, timingSafeEqual } from 'node:crypto';

/** Domain separation: a token for this purpose is worthless for any other signed thing. */
const PURPOSE = 'report-unsubscribe.v1';
const ID = /^[0-9a-f-]{36}$/;

const mac = (subscriptionId: string, secret: string) =>
  createHmac('sha256', secret).update(`${PURPOSE}:${subscriptionId}`).digest();

/** `<subscriptionId>.<HMAC-SHA256, base64url>`: unguessable, stateless, does not expire. */
export function signUnsubscribeToken(subscriptionId: string, secret: string): string {
  return `${subscriptionId}.${mac(subscriptionId, secret).toString('base64url')}`;
}

/** The subscription id a token was signed for, or null when it is malformed or forged. */
export function verifyUnsubscribeToken(token: string, secret: string): string | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  if (!ID.test(id)) return null;
  const signature = token.slice(dot + 1);
  const given = Buffer.from(signature, 'base64url');
  // Node decodes leniently (padding, junk, `+/`, stray low bits): only the one form we sign counts.
  if (given.toString('base64url') !== signature) return null;
  const expected = mac(id, secret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}
