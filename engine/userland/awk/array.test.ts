import { describe, expect, it } from 'vitest';
import { AwkArray } from './array.ts';
import { Cell } from './cell.ts';

describe('awk arrays', () => {
  it('walk keys in busybox\'s hash order', () => {
    const a = new AwkArray(() => new Cell());
    for (const k of ['x', 'y', 'z', '1', '2', '10', 'foo']) a.find(k);
    expect(a.keys()).toEqual(['z', 'foo', '10', '1', '2', 'x', 'y']);
  });

  it('keep the order busybox has after its table grows', () => {
    const a = new AwkArray(() => new Cell());
    for (let i = 0; i < 600; i++) a.find(String(i));
    expect(a.keys().slice(0, 12)).toEqual(['71', '32', '420', '72', '33', '460', '421', '73', '34', '461', '422', '74']);
    a.delete('71');
    expect(a.keys()[0]).toBe('32');
    expect(a.size).toBe(599);
  });
});
