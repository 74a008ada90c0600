import { describe, expect, it } from '@jest/globals';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';

const ID = '3f0c2b7e-9a51-4c1e-8d2a-0b6f4e1c9d77';

describe('unsubscribe tokens', () => {
  it('verify for the subscription they were signed for', () => {
    const token = signUnsubscribeToken(ID, 'secret-a');
    expect(token).toMatch(/^[0-9a-f-]{36}\.[\w-]{43}$/);
    expect(verifyUnsubscribeToken(token, 'secret-a')).toBe(ID);
  });

  it('refuse another secret, another id, a changed signature and junk', () => {
    const token = signUnsubscribeToken(ID, 'secret-a');
    expect(verifyUnsubscribeToken(token, 'secret-b')).toBeNull();
    const other = '3f0c2b7e-9a51-4c1e-8d2a-0b6f4e1c9d78';
    expect(verifyUnsubscribeToken(`${other}${token.slice(36)}`, 'secret-a')).toBeNull();
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(verifyUnsubscribeToken(flipped, 'secret-a')).toBeNull();
    for (const junk of ['', '.', ID, `${ID}.`, 'x.y', `${ID}.${'A'.repeat(500)}`])
      expect(verifyUnsubscribeToken(junk, 'secret-a')).toBeNull();
  });

  it('accept only the canonical base64url form of the signature', () => {
    const token = signUnsubscribeToken(ID, 'secret-a');
    const [id, sig] = token.split('.');
    const last = sig.at(-1)!;
    // 32 bytes in 43 characters: the last one carries 4 bits; its 2 low bits must be zero.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1];
    const variants = [
      `${token}=`,
      `${token}==`,
      `${id}.${sig.slice(0, 10)}!${sig.slice(10)}`,
      `${id}.${sig.slice(0, 10)} ${sig.slice(10)}`,
      `${id}.${sig.replace(/-/g, '+').replace(/_/g, '/')}${/[-_]/.test(sig) ? '' : '+'}`,
      `${id}.${sig.slice(0, -1)}${sibling}`,
      `${id}.${sig}\n`,
      `${id.toUpperCase()}.${sig}`,
    ];
    for (const variant of variants) expect(verifyUnsubscribeToken(variant, 'secret-a')).toBeNull();
    expect(verifyUnsubscribeToken(token, 'secret-a')).toBe(ID);
  });
});
