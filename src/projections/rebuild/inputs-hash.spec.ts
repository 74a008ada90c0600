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

  it('writes the same bytes as the hand-written canonical JSON it replaced (stored hashes stay valid)', () => {
    const edges = {
      é: 1,
      e: [undefined, null, NaN, -0, 1e21, 0.1],
      E: 'a"b\\ \n ☃ \ud800',
      '10': 4,
      '9': 5,
      ß: { z: undefined, y: 2 },
    };
    expect(canonicalJson(edges)).toBe(
      '{"10":4,"9":5,"E":"a\\"b\\\\ \\n ☃ \\ud800","e":[null,null,null,0,1e+21,0.1],"ß":{"y":2},"é":1}',
    );
    const input = {
      dates: ['2022-01-01', '2022-01-02'],
      targetTotal: 3650,
      growthRate: 0.3,
      pathDaily: [10, 10],
      actualDaily: [12, null],
      asOfIndex: 0,
      history: [],
      contributions: [{ id: 'e1', kind: 'event', name: '龙舟节', daily: [0, 1234.5678], actual: null }],
    };
    // sha256 computed by the previous implementation.
    expect(inputsHash({ method: 1, input, revenuePerVisitor: null })).toBe(
      '60e000873f8d815d424ae1a99ece9223ebcd9e0df9348003c25c6611804e55f8',
    );
  });
});
