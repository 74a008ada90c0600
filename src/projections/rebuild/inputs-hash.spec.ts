import { describe, expect, it } from '@jest/globals';
import { canonicalJson, inputsHash } from './inputs-hash.js';

describe('inputsHash', () => {
  it('ignores key order and undefined fields, and sees every value', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: 2, e: undefined })).toBe(
      '{"a":2,"b":[1,{"c":"x","d":null}]}',
    );
    expect(inputsHash({ a: 1, b: [1, 2] })).toBe(inputsHash({ b: [1, 2], a: 1 }));
    expect(inputsHash({ a: 1, b: [1, 2] })).not.toBe(inputsHash({ a: 1, b: [2, 1] }));
    expect(inputsHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
