import { describe, expect, it } from '@jest/globals';
import type { User } from '../../users/user.entity.js';
import { TrustedLookups } from './trusted-lookups.js';

const lookup = (userId: string, id = userId) => ({ id, user: { id: userId } as User });

describe('TrustedLookups', () => {
  it('answers a lookup until its time is up, then forgets it', () => {
    const cache = new TrustedLookups<ReturnType<typeof lookup>>(2_000);
    cache.set('secret', lookup('u1'), 10_000);
    expect(cache.get('secret', 11_999)?.user.id).toBe('u1');
    expect(cache.get('secret', 12_000)).toBeUndefined();
    expect(cache.get('secret', 11_000)).toBeUndefined(); // dropped, not just hidden
  });

  it("drops one secret, a user's secrets, or those that match", () => {
    const cache = new TrustedLookups<ReturnType<typeof lookup>>(2_000);
    cache.set('a', lookup('u1', 'a'), 0);
    cache.set('b', lookup('u1', 'b'), 0);
    cache.set('c', lookup('u2', 'c'), 0);
    cache.set('d', lookup('u3', 'd'), 0);
    cache.forgetUser('u1');
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('b', 1)).toBeUndefined();
    cache.forget((v) => v.id === 'c');
    expect(cache.get('c', 1)).toBeUndefined();
    cache.delete('d');
    expect(cache.get('d', 1)).toBeUndefined();
  });

  it('starts empty again when full', () => {
    const cache = new TrustedLookups<ReturnType<typeof lookup>>(2_000, 2);
    cache.set('a', lookup('u1'), 0);
    cache.set('b', lookup('u2'), 0);
    cache.set('c', lookup('u3'), 0);
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('c', 1)?.user.id).toBe('u3');
  });
});
