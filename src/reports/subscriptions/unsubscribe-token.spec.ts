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
});
