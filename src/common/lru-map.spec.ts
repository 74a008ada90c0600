import { describe, expect, it } from '@jest/globals';
import { LruMap } from './lru-map.js';

describe('LruMap', () => {
  it('drops the oldest entry beyond its limit', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('c', 3);
    expect(map.size).toBe(2);
    expect(map.get('a')).toBeUndefined();
    expect(map.get('b')).toBe(2);
    expect(map.get('c')).toBe(3);
  });

  it('keeps an entry that was read recently', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
  });

  it('keeps an entry that was set again, with its new value', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 10).set('c', 3);
    expect(map.size).toBe(2);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(10);
  });

  it('peeks without marking the entry as used', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    expect(map.peek('a')).toBe(1);
    map.set('c', 3);
    expect(map.peek('a')).toBeUndefined();
    expect(map.peek('b')).toBe(2);
  });

  it('deletes entries', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    expect(map.delete('a')).toBe(true);
    expect(map.delete('a')).toBe(false);
    expect(map.size).toBe(0);
    expect(map.get('a')).toBeUndefined();
  });

  it('remembers undefined values as entries', () => {
    const map = new LruMap<string, number | undefined>(2);
    map.set('a', undefined).set('b', 2);
    map.get('a');
    map.set('c', 3);
    expect(map.size).toBe(2);
    expect(map.peek('b')).toBeUndefined();
    expect(map.peek('c')).toBe(3);
  });
});
