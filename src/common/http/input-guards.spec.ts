import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../errors/domain-error.js';
import { createValidationPipe } from '../errors/validation.pipe.js';
import { exceedsJsonDepth } from './json-body-parser.js';
import { malformedTextPath } from './well-formed-unicode.js';

describe('JSON depth', () => {
  it('counts nesting, not brackets in strings, and stops past the limit', () => {
    expect(exceedsJsonDepth('{"a":[1,{"b":[]}]}', 4)).toBe(false);
    expect(exceedsJsonDepth('{"a":[1,{"b":[]}]}', 3)).toBe(true);
    expect(exceedsJsonDepth('{"a":"[[[[[[\\"[[[["}', 1)).toBe(false);
    expect(exceedsJsonDepth('['.repeat(1_000_000), 32)).toBe(true);
    expect(exceedsJsonDepth('[]'.repeat(1_000_000), 1)).toBe(false);
  });
});

describe('well-formed Unicode', () => {
  it('names the first string or key with a lone surrogate', () => {
    expect(malformedTextPath({ a: '𠮷 ok', b: ['x', { c: 'é' }] })).toBeNull();
    expect(malformedTextPath({ a: 'ok', b: ['x', { c: '\ud800x' }] })).toBe('b.1.c');
    expect(malformedTextPath({ a: '\udc00' })).toBe('a');
    expect(malformedTextPath({ ['k\ud800']: 1 })).toBe('k\ud800');
    expect(malformedTextPath('x\ud83d', 'id')).toBe('id');
  });

  it('is checked by the global pipe for bodies, queries and params alike', async () => {
    const pipe = createValidationPipe();
    const query = Object.assign(Object.create(null) as object, { q: 'a\ud800' });
    await expect(pipe.transform(query, { type: 'query' })).rejects.toThrow(ValidationError);
    await expect(pipe.transform(query, { type: 'query' })).rejects.toMatchObject({
      status: 400,
      details: [{ field: 'q', problems: ['q must be well-formed Unicode text'] }],
    });
    await expect(pipe.transform('\udfff', { type: 'param', data: 'id' })).rejects.toMatchObject({
      details: [{ field: 'id' }],
    });
    await expect(pipe.transform({ ok: 'fine' }, { type: 'body' })).resolves.toEqual({ ok: 'fine' });
  });
});
