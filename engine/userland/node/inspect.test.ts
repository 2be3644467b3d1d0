/**
 * util.inspect and util.format against the Node that runs the tests (20.x,
 * whose formatting is that of the image's 20.18): the same values must print
 * the same, byte for byte.
 */
import { Buffer } from 'buffer';
import * as util from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatWithOptions } from './format.ts';
import { inspect } from './inspect.ts';

class Foo {
  x = 1;
}
class MyError extends Error {}

function cases(): unknown[][] {
  const circular: Record<string, unknown> = { name: 'c' };
  circular.self = circular;
  const withProps = Object.assign(new Error('with props'), { code: 'X' });
  withProps.stack = 'Error: with props\n    at x (/a.js:1:1)';
  const custom = new MyError('custom');
  custom.stack = custom.stack!.split('\n')[0]!;
  return [
    [{ aaaaaaaaaa: 'bbbbbbbbbbbbbbb', cccccccccccc: 'dddddddddddddddd', eeeeeeeeeeee: 'fffffffffffff', gg: 1 }],
    [{ a: { b: { c: { d: 1 } } } }, [[1, [2, [3, [4]]]]]],
    [{ a: { b: { c: 1 } }, x: [1, 2] }],
    [['a', 'b', 'c', 'd', 'e', 'f', 'g'], Array.from({ length: 30 }, (_, i) => i * 100)],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], Array.from({ length: 120 }, (_, i) => i)],
    [withProps, { withProps }],
    [[function () {}, () => {}, class {}, Symbol.iterator, null, undefined, NaN, "it's", 'a"b\'c', 'x\ny']],
    [{ 'a-b': 1, 2: 3, [Symbol('s')]: 4, get g() { return 1; }, set s(_v: unknown) {}, get gs() { return 1; }, set gs(_v: unknown) {} }],
    [new Foo(), Object.create(null), circular],
    [new Map([['a', { b: 1 }]]), new Set(), [, 1, ,], new Uint8Array(3), new WeakMap()],
    ['%s is %d years and %i, %f %j %o %O %%', 'Bob', 42.5, 42.5, '1.5', { a: 1 }, { b: 2 }, { c: 3 }, 'extra', 5],
    [new Date('2024-01-01T00:00:00Z'), [new Date(0)], { d: new Date(0) }, -0, [-0], 123n, [1.5]],
    [Object.assign(() => {}, { a: 1 }), Object.assign(function named() {}, { b: 2 })],
    [[[]], [{}], { a: [] }, { a: {} }, 'a'.repeat(5), ['x'.repeat(100)]],
    [Buffer.from('hello world'), new ArrayBuffer(2), [new Boolean(true), new String('s'), new Number(3)]],
    [[undefined, ,], { s: 'line one is long enough\nline two is also quite long\nthree' }],
    [{ users: [{ id: 1, name: 'Ann', roles: ['admin', 'dev'] }, { id: 2, name: 'Bob', roles: [] }], total: 2, ok: true }],
    [['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew']],
    [async function af() {}, function* gen() {}, class B extends Foo {}, Math.max, /a+/gi],
    [{ nested: { arr: [1, 2, 3], m: new Map([[1, new Set([2])]]) } }, '%c styled', 'color: red'],
    [Array.from({ length: 8 }, (_, i) => ({ id: i }))],
    [{ a: 'x'.repeat(60), b: 1 }],
    ['a%sb', 1, 2], ['%d', 'abc'], ['100%', 5], [Symbol('q')], [['a', 1, true, null]],
    [custom], [{ o: { toString: () => 'T' } }],
    ['%s', [1, [2, [3]]]], ['%s', { a: { b: 1 } }], ['%s', 5n], ['%i', 3.9], [{}], [[]],
    [{ port: 3000, host: '0.0.0.0', env: { NODE_ENV: 'production', PATH: '/usr/local/bin:/usr/bin' } }],
    [[{ a: 1, b: 2 }, { a: 3, b: 4 }]], ['%o', [1, 2]], [new Array(5)], [[1, 2, 3].keys()],
  ];
}

describe('util.inspect and console.log formatting', () => {
  const ours = cases();
  const theirs = cases();
  for (let i = 0; i < ours.length; i++) {
    it(`case ${i}: ${util.inspect(theirs[i]).slice(0, 60).replace(/\s+/g, ' ')}`, () => {
      expect(formatWithOptions({}, ours[i]!)).toBe(util.formatWithOptions({}, ...theirs[i]!));
    });
  }

  it('colours as Node does on a terminal', () => {
    const value = { n: 1, s: 'x', b: true, u: undefined, z: null, d: new Date(0), r: /x/, f() {}, sym: Symbol('s') };
    expect(inspect(value, { colors: true })).toBe(util.inspect(value, { colors: true }));
  });

  it('honours depth, breakLength and custom inspect functions', () => {
    const deep = { a: { b: { c: { d: { e: 1 } } } } };
    expect(inspect(deep, { depth: 0 })).toBe(util.inspect(deep, { depth: 0 }));
    expect(inspect(deep, { depth: null })).toBe(util.inspect(deep, { depth: null }));
    const long = { list: Array.from({ length: 10 }, (_, i) => `item-${i}`) };
    expect(inspect(long, { breakLength: Infinity })).toBe(util.inspect(long, { breakLength: Infinity }));
    const customized = { [Symbol.for('nodejs.util.inspect.custom')]: () => 'CUSTOM' };
    expect(inspect({ x: customized })).toBe(util.inspect({ x: customized }));
  });
});
