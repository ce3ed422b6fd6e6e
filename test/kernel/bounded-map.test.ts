import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../src/kernel/bounded-map.js';

describe('BoundedMap', () => {
  it('evicts the least recently used entry once past its bound, counting reads as use', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.size).toBe(2);
    expect(map.has('b')).toBe(false);
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
  });

  it('counts re-setting an entry as use', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 10);
    map.set('c', 3);
    expect(map.has('b')).toBe(false);
    expect(map.get('a')).toBe(10);
  });

  it('does not count has() as use', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.has('a')).toBe(true);
    map.set('c', 3);
    expect(map.has('a')).toBe(false);
  });

  it('adds nothing when reading a missing key', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    expect(map.get('missing')).toBeUndefined();
    expect(map.size).toBe(1);
    expect(map.has('missing')).toBe(false);
  });

  it('keeps nothing with a bound of 0, and deletes on request', () => {
    const none = new BoundedMap<string, number>(0);
    none.set('a', 1);
    expect(none.size).toBe(0);
    const map = new BoundedMap<string, number>(3);
    map.set('a', 1);
    map.delete('a');
    expect(map.get('a')).toBeUndefined();
  });

  it('peeks at a value without making it the most recently used', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.peek('a')).toBe(1);
    map.set('c', 3);
    expect(map.has('a')).toBe(false);
    expect(map.peek('b')).toBe(2);
    expect(map.peek('z')).toBeUndefined();
  });

  it('tells onEvict of each entry dropped to make room, oldest first, and not of delete or clear', () => {
    const evicted: Array<[string, number]> = [];
    const map = new BoundedMap<string, number>(2, (key, value) => evicted.push([key, value]));
    map.set('a', 1);
    map.set('b', 2);
    map.get('a');
    map.set('c', 3);
    map.set('d', 4);
    expect(evicted).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
    map.delete('c');
    map.clear();
    expect(evicted).toHaveLength(2);
    expect(map.size).toBe(0);
    expect(map.get('d')).toBeUndefined();
    map.set('e', 5);
    expect(map.get('e')).toBe(5);
  });
});
