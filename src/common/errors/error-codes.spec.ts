import { describe, expect, it } from '@jest/globals';
import { ALL_ERROR_CODES, ERROR_CODES } from './error-codes.js';

describe('ERROR_CODES', () => {
  it('lists each code under one status only, so a code always means one status', () => {
    const seen = new Map<string, string[]>();
    for (const [status, codes] of Object.entries(ERROR_CODES)) {
      for (const code of codes) seen.set(code, [...(seen.get(code) ?? []), status]);
    }
    expect([...seen].filter(([, statuses]) => statuses.length > 1)).toEqual([]);
    expect(new Set(ALL_ERROR_CODES).size).toBe(ALL_ERROR_CODES.length);
  });

  it('spells every code in snake_case', () => {
    expect(ALL_ERROR_CODES.filter((code) => !/^[a-z]+(_[a-z0-9]+)*$/.test(code))).toEqual([]);
  });
});
