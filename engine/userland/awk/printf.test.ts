import { describe, expect, it } from 'vitest';
import { formatDouble, formatInt, parseSpec } from './printf.ts';
import { formatNumber } from './text.ts';

const f = (spec: string, x: number) => formatDouble(parseSpec(spec)!, x);
const fail = (m: string): never => {
  throw new Error(m);
};

describe('C printf conversions', () => {
  it('rounds the exact binary value half to even, as glibc and musl do', () => {
    expect([0.5, 1.5, 2.5, 3.5].map((x) => f('%.0f', x))).toEqual(['0', '2', '2', '4']);
    expect(f('%.2f', 0.125)).toBe('0.12');
    expect(f('%.2f', 0.375)).toBe('0.38');
    expect(f('%.1f', 0.25)).toBe('0.2');
    expect(f('%g', 123456.5)).toBe('123456');
    expect(f('%g', 100000.5)).toBe('100000');
    expect(f('%.3e', 1.0005)).toBe('1.000e+00');
  });

  it('formats %e %g %a and the special values', () => {
    expect(f('%e', 1234.5)).toBe('1.234500e+03');
    expect(f('%G', 1e-10)).toBe('1E-10');
    expect(f('%g', 1e6)).toBe('1e+06');
    expect(f('%g', 100000)).toBe('100000');
    expect(f('%#g', 1)).toBe('1.00000');
    expect(f('%a', 1)).toBe('0x1p+0');
    expect(f('%a', 0.1)).toBe('0x1.999999999999ap-4');
    expect(f('%.0a', 1.5)).toBe('0x2p+0');
    expect(f('%5.1f', Infinity)).toBe('  inf');
    expect(f('%F', -Infinity)).toBe('-INF');
    expect(f('%08.2f', -3.14159)).toBe('-0003.14');
    expect(f('%+.1e', 0)).toBe('+0.0e+00');
    expect(f('%g', -0)).toBe('-0');
    expect(f('%.20f', 0.1)).toBe('0.10000000000000000555');
    expect(f('%.0f', 1e23)).toBe('99999999999999991611392');
  });

  it('formats C ints', () => {
    const i = (spec: string, n: number) => formatInt(parseSpec(spec)!, n);
    expect(i('%5d', 42)).toBe('   42');
    expect(i('%-5d', 42)).toBe('42   ');
    expect(i('%05d', -42)).toBe('-0042');
    expect(i('%.3d', 7)).toBe('007');
    expect(i('%x', -1)).toBe('ffffffff');
    expect(i('%#o', 8)).toBe('010');
    expect(i('%#X', 255)).toBe('0XFF');
    expect(i('%u', -1)).toBe('4294967295');
    expect(i('%.0d', 0)).toBe('');
  });

  it('converts numbers to strings as busybox does: integers whole, others with the format', () => {
    expect(formatNumber('%.6g', 1e6, fail)).toBe('1000000');
    expect(formatNumber('%.6g', 2 ** 62, fail)).toBe('4611686018427387904');
    expect(formatNumber('%.6g', 2 ** 63, fail)).toBe('9.22337e+18');
    expect(formatNumber('%.6g', 0.1 + 0.2, fail)).toBe('0.3');
    expect(formatNumber('%d', 3.7, fail)).toBe('3');
    expect(() => formatNumber('%s', 3.5, fail)).toThrow('Invalid format specifier');
  });
});
