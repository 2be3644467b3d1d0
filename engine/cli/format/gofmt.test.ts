import { describe, expect, it } from 'vitest';
import { GoFloat, goMap, goStruct, sprint, sprintf, sprintln, typeName } from './gofmt.ts';
import { formatFloat, parseFloat64, quote } from './gostrconv.ts';

describe('formatFloat (strconv.FormatFloat)', () => {
  it('shortest form, as %v prints floats', () => {
    expect(formatFloat(1e8, 'g', -1)).toBe('1e+08');
    expect(formatFloat(123456, 'g', -1)).toBe('123456');
    expect(formatFloat(1234567, 'g', -1)).toBe('1.234567e+06');
    expect(formatFloat(0.0001, 'g', -1)).toBe('0.0001');
    expect(formatFloat(0.00001, 'g', -1)).toBe('1e-05');
    expect(formatFloat(2.5, 'g', -1)).toBe('2.5');
    expect(formatFloat(0.1 + 0.2, 'g', -1)).toBe('0.30000000000000004');
    expect(formatFloat(1e21, 'g', -1)).toBe('1e+21');
    expect(formatFloat(0, 'g', -1)).toBe('0');
    expect(formatFloat(-0, 'g', -1)).toBe('-0');
    expect(formatFloat(0, 'e', -1)).toBe('0e+00');
    expect(formatFloat(1.5, 'f', -1)).toBe('1.5');
  });

  it('with a precision, rounding the exact binary value half to even', () => {
    expect(formatFloat(1.125, 'g', 3)).toBe('1.12');
    expect(formatFloat(999.9, 'g', 3)).toBe('1e+03');
    expect(formatFloat(100, 'g', 3)).toBe('100');
    expect(formatFloat(0, 'g', 3)).toBe('0');
    expect(formatFloat(3.14159, 'f', 2)).toBe('3.14');
    expect(formatFloat(2.5, 'f', 0)).toBe('2');
    expect(formatFloat(3.5, 'f', 0)).toBe('4');
    expect(formatFloat(0.125, 'f', 2)).toBe('0.12');
    expect(formatFloat(0.0001, 'f', 2)).toBe('0.00');
    expect(formatFloat(0.006, 'f', 2)).toBe('0.01');
    expect(formatFloat(1234.5678, 'e', 3)).toBe('1.235e+03');
    expect(formatFloat(1234.5678, 'E', 6)).toBe('1.234568E+03');
    expect(formatFloat(1e-7, 'e', 0)).toBe('1e-07');
    expect(formatFloat(1e100, 'e', 1)).toBe('1.0e+100');
  });

  it('special values', () => {
    expect(formatFloat(NaN, 'g', -1)).toBe('NaN');
    expect(formatFloat(Infinity, 'f', 2)).toBe('+Inf');
    expect(formatFloat(-Infinity, 'g', -1)).toBe('-Inf');
  });
});

describe('parseFloat64 (strconv.ParseFloat)', () => {
  it('parses Go float syntax', () => {
    expect(parseFloat64('1.5')).toBe(1.5);
    expect(parseFloat64('.3')).toBe(0.3);
    expect(parseFloat64('32.')).toBe(32);
    expect(parseFloat64('1e3')).toBe(1000);
    expect(parseFloat64('0x1p-2')).toBe(0.25);
    expect(parseFloat64('-Inf')).toBe(-Infinity);
  });

  it('rejects with Go\'s words', () => {
    expect(() => parseFloat64('abc')).toThrow('strconv.ParseFloat: parsing "abc": invalid syntax');
    expect(() => parseFloat64('.')).toThrow('strconv.ParseFloat: parsing ".": invalid syntax');
    expect(() => parseFloat64('1e400')).toThrow('strconv.ParseFloat: parsing "1e400": value out of range');
  });
});

describe('quote (strconv.Quote)', () => {
  it('escapes as Go does', () => {
    expect(quote('a"b\n')).toBe('"a\\"b\\n"');
    expect(quote('tab\there\\')).toBe('"tab\\there\\\\"');
    expect(quote('\x00\x7f\x1b')).toBe('"\\x00\\x7f\\x1b"');
    expect(quote('é…日本')).toBe('"é…日本"');
    expect(quote('\u00a0\u200b\u2028')).toBe('"\\u00a0\\u200b\\u2028"');
    expect(quote('🐳')).toBe('"🐳"');
    expect(quote('/docker-entrypoint.…')).toBe('"/docker-entrypoint.…"');
  });
});

describe('typeName: the Go type a JS value stands for', () => {
  it('names values', () => {
    expect(typeName('x')).toBe('string');
    expect(typeName(1)).toBe('int');
    expect(typeName(1.5)).toBe('float64');
    expect(typeName(new GoFloat(1))).toBe('float64');
    expect(typeName(true)).toBe('bool');
    expect(typeName(['a'])).toBe('[]string');
    expect(typeName([1, 'a'])).toBe('[]interface {}');
    expect(typeName({ a: 'x' })).toBe('map[string]string');
    expect(typeName({ a: 1 })).toBe('map[string]interface {}');
    expect(typeName(goStruct('*formatter.ContainerContext', {}))).toBe('*formatter.ContainerContext');
    expect(typeName(goMap('formatter.SubHeaderContext', {}))).toBe('formatter.SubHeaderContext');
  });
});

describe('sprint and sprintln (fmt.Sprint, fmt.Sprintln)', () => {
  it('prints values in %v', () => {
    expect(sprint(['a', 'b'])).toBe('[a b]');
    expect(sprint({ b: 2, a: 'x' })).toBe('map[a:x b:2]');
    expect(sprint({ a: null, b: [1, 'x'] })).toBe('map[a:<nil> b:[1 x]]');
    expect(sprint(goStruct('container.Port', { PrivatePort: 80, Type: 'tcp' }))).toBe('{80 tcp}');
    expect(sprint(goStruct('*container.State', { Status: 'running', Running: true }))).toBe('&{running true}');
    expect(sprint(null)).toBe('<nil>');
    expect(sprint(new GoFloat(1e6))).toBe('1e+06');
    expect(sprint(new Uint8Array([1, 2]))).toBe('[1 2]');
    expect(sprint({ String: () => 'stringer' })).toBe('stringer');
    expect(sprint(new Error('boom'))).toBe('boom');
  });

  it('spaces operands only where neither is a string', () => {
    expect(sprint('a', 1, 2, 'b')).toBe('a1 2b');
    expect(sprintln('a', 1)).toBe('a 1\n');
  });
});

describe('sprintf (fmt.Sprintf)', () => {
  const cases: [string, unknown[], string][] = [
    ['%-10s|', ['ab'], 'ab        |'],
    ['%10s|', ['ab'], '        ab|'],
    ['%8.3s|', ['abcdef'], '     abc|'],
    ['%5.2f', [3.14159], ' 3.14'],
    ['%6.2f%%', [99.5], ' 99.50%'],
    ['%q', ['x'], '"x"'],
    ['%#q', ['x'], '`x`'],
    ['%d', [42], '42'],
    ['%05d', [-42], '-0042'],
    ['%+d', [5], '+5'],
    ['%x %X %#x %o %b', [255, 255, 255, 8, 5], 'ff FF 0xff 10 101'],
    ['%c%c', [72, 105], 'Hi'],
    ['%U', [0x1f600], 'U+1F600'],
    ['%q', [97], "'a'"],
    ['%v %v', [[1, 2], { a: 1 }], '[1 2] map[a:1]'],
    ['%+v', [goStruct('T', { Name: 'x', N: 1 })], '{Name:x N:1}'],
    ['%t', [true], 'true'],
    ['%T %T', ['x', 1.5], 'string float64'],
    ['%x|% x|%X', ['hi', 'hi', 'hi'], '6869|68 69|6869'],
    ['%e', [1234.5678], '1.234568e+03'],
    ['%g %G', [0.000012, 1e-7], '1.2e-05 1E-07'],
    ['%08.3f', [-3.14159], '-003.142'],
    ['%*d', [5, 42], '   42'],
    ['%-*d|', [5, 42], '42   |'],
    ['%s', [42], '%!s(int=42)'],
    ['%d', ['x'], '%!d(string=x)'],
    ['%d', [null], '%!d(<nil>)'],
    ['%s', [], '%!s(MISSING)'],
    ['a', [1, 'b'], 'a%!(EXTRA int=1, string=b)'],
    ['100%', [], '100%!(NOVERB)'],
    ['%v', [null], '<nil>'],
  ];
  it.each(cases)('%s', (format, args, want) => {
    expect(sprintf(format, ...args)).toBe(want);
  });
});
