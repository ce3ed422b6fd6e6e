// The shape walker: what each kind of shape accepts, where it says a value departs, and that its fast answer
// (`fits`) always agrees with its explained one (`findProblems`).
import { describe, expect, it, vi } from 'vitest';
import { describeShape, findProblems, fits, type Shape } from '../../src/kernel/shape.js';

/** Both answers of the walker, which must agree. */
function check(shape: Shape, value: unknown): ReturnType<typeof findProblems> {
  const problems = findProblems(shape, value);
  expect(fits(shape, value), `fits and findProblems disagree on ${JSON.stringify(value)}`).toBe(problems.length === 0);
  return problems;
}

describe('scalars', () => {
  it.each<[Shape, unknown, boolean]>([
    ['string', 'a', true],
    ['string', 1, false],
    ['number', 0, true],
    ['number', Number.NaN, false],
    ['number', Number.POSITIVE_INFINITY, false],
    ['number', '1', false],
    ['boolean', false, true],
    ['boolean', 0, false],
    ['unknown', undefined, true],
    ['unknown', null, true],
    ['anyObject', {}, true],
    ['anyObject', [], false],
    ['anyObject', null, false],
    ['file', new Blob(['x']), true],
    ['file', new Uint8Array(1), true],
    ['file', 'data:,x', false],
  ])('%j with %j: %s', (shape, value, expected) => {
    expect(check(shape, value).length === 0).toBe(expected);
  });

  it('names what was expected at the root', () => {
    expect(check('number', 'x')).toEqual([{ path: [], expected: 'number', reason: 'type' }]);
    expect(check('anyObject', 1)).toEqual([{ path: [], expected: 'an object', reason: 'type' }]);
  });
});

describe('enums and null', () => {
  it('accept exactly the listed values', () => {
    const role: Shape = ['enum', 'admin', 'member'];
    expect(check(role, 'admin')).toEqual([]);
    expect(check(role, 'member')).toEqual([]);
    expect(check(role, 'enum')).toEqual([{ path: [], expected: 'one of "admin", "member"', reason: 'type' }]);
    expect(check(['enum', 1, true], 1)).toEqual([]);
    expect(check(['enum', 1, true], '1')).toHaveLength(1);
  });

  it('accept null only where nullable, and say so when the value is wrong', () => {
    expect(check(['nullable', 'string'], null)).toEqual([]);
    expect(check('string', null)).toHaveLength(1);
    expect(check(['nullable', 'string'], 3)).toEqual([{ path: [], expected: 'string or null', reason: 'type' }]);
    const deep: Shape = ['nullable', ['object', { a: 'string' }, ['a'], 1]];
    expect(check(deep, { a: 1 })).toEqual([{ path: ['a'], expected: 'string', reason: 'type' }]);
  });

  it.each<[Shape, Shape, unknown[]]>([
    ['string?', 'string', [null, 'a', '', 1, undefined, {}, false]],
    ['number?', 'number', [null, 0, 1.5, Number.NaN, '1', undefined]],
    ['boolean?', 'boolean', [null, true, false, 0, 'true']],
    ['anyObject?', 'anyObject', [null, {}, { a: 1 }, [], 'x', undefined]],
  ])('the one-token %j decides and explains exactly as [nullable, %j]', (short, scalar, values) => {
    for (const value of values) {
      expect(check(short, value), JSON.stringify(value)).toEqual(check(['nullable', scalar], value));
      expect(check(['object', { a: short }, ['a'], 1], { a: value })).toEqual(
        check(['object', { a: ['nullable', scalar] }, ['a'], 1], { a: value }),
      );
    }
    expect(describeShape(short)).toBe(describeShape(['nullable', scalar]));
  });
});

describe('arrays and records', () => {
  it('check every item and report its index', () => {
    const list: Shape = ['array', 'string'];
    expect(check(list, [])).toEqual([]);
    expect(check(list, ['a', 2, 'c', 4])).toEqual([
      { path: [1], expected: 'string', reason: 'type' },
      { path: [3], expected: 'string', reason: 'type' },
    ]);
    expect(check(list, { 0: 'a' })).toEqual([{ path: [], expected: 'an array', reason: 'type' }]);
  });

  it('check every value of a plain object, skipping __proto__', () => {
    const bag: Shape = ['record', 'number'];
    expect(check(bag, { a: 1, b: 2 })).toEqual([]);
    expect(check(bag, JSON.parse('{"__proto__": "x", "a": 1}'))).toEqual([]);
    expect(check(bag, { a: 1, b: 'two' })).toEqual([{ path: ['b'], expected: 'number', reason: 'type' }]);
    expect(check(bag, [1])).toEqual([{ path: [], expected: 'an object', reason: 'type' }]);
    expect(check(bag, new Date(0))).toHaveLength(1);
    expect(check(bag, Object.assign(Object.create(null) as object, { a: 1 }))).toEqual([]);
  });

  it('stop at ten problems, however long the list', () => {
    expect(
      findProblems(
        ['array', 'string'],
        Array.from({ length: 50 }, () => 0),
      ),
    ).toHaveLength(10);
    expect(findProblems(['array', 'string'], [0, 0, 0], 2)).toHaveLength(2);
  });
});

describe('objects', () => {
  const user: Shape = ['object', { id: 'string', name: ['nullable', 'string'], age: 'number' }, ['id', 'name'], 1];

  it('require the required keys and check the present ones', () => {
    expect(check(user, { id: 'u', name: null })).toEqual([]);
    expect(check(user, { id: 'u', name: 'Ada', age: 36 })).toEqual([]);
    expect(check(user, { name: 'Ada' })).toEqual([{ path: ['id'], expected: 'string', reason: 'missing' }]);
    expect(check(user, { id: 'u', name: 'Ada', age: '36' })).toEqual([{ path: ['age'], expected: 'number', reason: 'type' }]);
    expect(check(user, [])).toEqual([{ path: [], expected: 'an object', reason: 'type' }]);
  });

  it('count a key whose value is undefined as absent', () => {
    expect(check(user, { id: 'u', name: 'Ada', age: undefined })).toEqual([]);
    expect(check(user, { id: undefined, name: 'Ada' })).toEqual([{ path: ['id'], expected: 'string', reason: 'missing' }]);
  });

  it('keep other keys (1), refuse them (0) with the known keys, or check their values (a shape)', () => {
    const open: Shape = ['object', { a: 'string' }, [], 1];
    const closed: Shape = ['object', { a: 'string' }, [], 0];
    const typed: Shape = ['object', { a: 'string' }, [], 'number'];
    expect(check(open, { a: 'x', b: 1 })).toEqual([]);
    expect(check(closed, { a: 'x', b: 1 })).toEqual([{ path: ['b'], expected: 'no such key', reason: 'unknown', known: ['a'] }]);
    expect(check(typed, { a: 'x', b: 1 })).toEqual([]);
    expect(check(typed, { a: 'x', b: 'one' })).toEqual([{ path: ['b'], expected: 'number', reason: 'type' }]);
    expect(check(closed, JSON.parse('{"a":"x","__proto__":1}'))).toEqual([]);
  });

  it('report the misspelt key before the required key it leaves missing', () => {
    const closed: Shape = ['object', { email_address: 'string' }, ['email_address'], 0];
    expect(check(closed, { emailAddress: 'a@b.c' }).map((problem) => problem.reason)).toEqual(['unknown', 'missing']);
  });

  it('read a count as the first keys of the properties, in the same order as the list it stands for', () => {
    const counted: Shape = ['object', { id: 'string', name: ['nullable', 'string'], age: 'number' }, 2, 1];
    for (const value of [{ id: 'u', name: null }, { name: 'Ada' }, { age: 36 }, { id: 'u', age: '36' }, {}]) {
      expect(check(counted, value), JSON.stringify(value)).toEqual(check(user, value));
    }
    expect(check(counted, {}).map((problem) => problem.path)).toEqual([['id'], ['name']]);
    expect(check(['object', { id: 'string' }, 0, 1], {})).toEqual([]);
    const properties = { a: 'string', b: 'string' } as const;
    expect(check(['object', properties, 1, 1], {}).length).toBe(1);
    expect(check(['object', properties, 2, 1], {}).length).toBe(2);
  });

  it('never take an inherited key for a declared one', () => {
    const shape: Shape = ['object', { a: 'string' }, [], 0];
    expect(check(shape, { toString: 'x' })).toEqual([{ path: ['toString'], expected: 'no such key', reason: 'unknown', known: ['a'] }]);
  });
});

describe('unions, intersections and references', () => {
  const email: Shape = ['object', { object: ['enum', 'email'], address: 'string' }, ['object', 'address'], 1];
  const phone: Shape = ['object', { object: ['enum', 'phone'], number: 'string', verified: 'boolean' }, ['object', 'number'], 1];
  const contact: Shape = ['union', email, phone];

  it('accept what one member accepts', () => {
    expect(check(contact, { object: 'email', address: 'a@b.c' })).toEqual([]);
    expect(check(contact, { object: 'phone', number: '+1' })).toEqual([]);
    expect(check(['union'], 1)).toEqual([{ path: [], expected: 'nothing (an empty union)', reason: 'type' }]);
  });

  it('report the member that got furthest when none matches', () => {
    expect(check(contact, { object: 'phone', number: '+1', verified: 'yes' })).toEqual([
      { path: ['verified'], expected: 'boolean', reason: 'type' },
    ]);
  });

  it('require every part of an intersection', () => {
    const both: Shape = ['all', ['object', { a: 'string' }, ['a'], 1], ['object', { b: 'number' }, ['b'], 1]];
    expect(check(both, { a: 'x', b: 1 })).toEqual([]);
    expect(check(both, { a: 'x' })).toEqual([{ path: ['b'], expected: 'number', reason: 'missing' }]);
  });

  it('follow references lazily, so a shape may contain itself', () => {
    const tree: Shape = ['object', { name: 'string', children: ['array', () => tree] }, ['name'], 1];
    expect(check(tree, { name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] })).toEqual([]);
    expect(check(tree, { name: 'a', children: [{ name: 'b', children: [{ name: 3 }] }] })).toEqual([
      { path: ['children', 0, 'children', 0, 'name'], expected: 'string', reason: 'type' },
    ]);
  });
});

describe('describeShape', () => {
  it('says what each kind of shape asks for', () => {
    expect(describeShape('string')).toBe('string');
    expect(describeShape('anyObject')).toBe('an object');
    expect(describeShape('file')).toBe('a Blob or a Uint8Array');
    expect(describeShape(['enum', 'a', 1])).toBe('one of "a", 1');
    expect(describeShape(['nullable', 'number'])).toBe('number or null');
    expect(describeShape('anyObject?')).toBe('an object or null');
    expect(describeShape(['array', 'string'])).toBe('an array');
    expect(describeShape(['record', 'string'])).toBe('an object');
    expect(describeShape(['object', {}, [], 1])).toBe('an object');
    expect(describeShape(['union', 'string', 'number'])).toBe('one of several shapes');
    expect(describeShape(() => 'boolean')).toBe('boolean');
  });
});

describe('edges the fast and the explained walk must agree on', () => {
  it('accept an array whose every item fits, however deep the arrays nest', () => {
    expect(check(['array', 'string'], ['a', 'b'])).toEqual([]);
    expect(check(['array', ['array', 'number']], [[1], [2, 3]])).toEqual([]);
  });

  it('refuse a primitive or null where an object is expected, even one without required keys', () => {
    const open: Shape = ['object', { a: 'string' }, [], 1];
    for (const value of ['text', 5, null, undefined])
      expect(check(open, value)).toEqual([{ path: [], expected: 'an object', reason: 'type' }]);
  });

  it('ignore enumerable keys a value only inherits', () => {
    const closed: Shape = ['object', { a: 'string' }, ['a'], 0];
    const value = Object.assign(Object.create({ inherited: 1 }) as object, { a: 'x' });
    expect(check(closed, value)).toEqual([]);
  });

  it('refuse null where a record is expected, naming the nested path', () => {
    expect(check(['record', 'number'], null)).toEqual([{ path: [], expected: 'an object', reason: 'type' }]);
    const holder: Shape = ['object', { meta: ['record', 'number'] }, [], 1];
    expect(check(holder, { meta: [1] })).toEqual([{ path: ['meta'], expected: 'an object', reason: 'type' }]);
  });

  it('name the nested path of an empty union', () => {
    expect(check(['object', { a: ['union'] }, [], 1], { a: 1 })).toEqual([
      { path: ['a'], expected: 'nothing (an empty union)', reason: 'type' },
    ]);
  });

  it('report the first of two union members that get equally far', () => {
    const either: Shape = ['union', ['object', { a: 'string' }, ['a'], 1], ['object', { a: 'number' }, ['a'], 1]];
    expect(check(either, { a: true })).toEqual([{ path: ['a'], expected: 'string', reason: 'type' }]);
  });

  it('rank union members by their deepest problem first, their number of problems second', () => {
    // The first member gets deeper (a problem 3 levels down), though it has more problems and a shallower one too.
    const deep: Shape = ['object', { a: 'string', b: ['object', { c: ['object', { d: 'string' }, [], 1] }, [], 1] }, [], 1];
    const shallow: Shape = ['object', { a: 'number', b: ['object', { c: 'string' }, [], 1] }, [], 1];
    expect(check(['union', deep, shallow], { a: 1, b: { c: { d: 1 } } })).toEqual([
      { path: ['a'], expected: 'string', reason: 'type' },
      { path: ['b', 'c', 'd'], expected: 'string', reason: 'type' },
    ]);
    const nested: Shape = ['object', { x: ['object', { p: 'string', q: 'string' }, [], 1] }, [], 1];
    expect(check(['union', nested, 'string'], { x: { p: 1, q: 1 } })).toHaveLength(2);
  });
});

describe('the problem limit', () => {
  const many = (count: number, value: unknown): Record<string, unknown> =>
    Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, value]));

  it('holds for the values of a record', () => {
    expect(findProblems(['record', 'number'], many(20, 'x'))).toHaveLength(10);
  });

  it('holds for unknown keys and for missing required keys', () => {
    expect(findProblems(['object', {}, [], 0], many(20, 1))).toHaveLength(10);
    const required = Object.keys(many(20, 1));
    expect(findProblems(['object', many(20, 'string') as Record<string, Shape>, required, 1], {})).toHaveLength(10);
  });

  it('counts the problems found before a union towards it', () => {
    const shape: Shape = ['object', { ...(many(5, 'string') as Record<string, Shape>), u: ['union', ['array', 'string']] }, [], 1];
    const problems = findProblems(shape, { ...many(5, 0), u: Array.from({ length: 20 }, () => 0) });
    expect(problems).toHaveLength(10);
    expect(problems.filter((problem) => problem.path[0] === 'u')).toHaveLength(5);
  });
});

describe('files without a Blob global', () => {
  it('accept a Uint8Array and refuse anything else instead of throwing', () => {
    vi.stubGlobal('Blob', undefined);
    try {
      expect(fits('file', new Uint8Array(1))).toBe(true);
      expect(fits('file', 'data:,x')).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
