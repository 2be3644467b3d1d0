/**
 * Shell arithmetic: unit cases, then every expression of the corpus
 * evaluated by the real busybox (`r=$(($1))`) and by evaluateArithmetic,
 * comparing the value, the variables afterwards, and the error message.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArithmeticError, evaluateArithmetic } from './arith.ts';

const BUSYBOX = '/usr/bin/busybox';
const haveBusybox = fs.existsSync(BUSYBOX) && spawnSync(BUSYBOX, ['sh', '-c', 'true']).status === 0;
if (!haveBusybox) console.log('arith.test: /usr/bin/busybox not found; skipping the differential tests');

/** The variables every case starts with. */
const START: Record<string, string> = { x: '3', y: '0', s: 'str', e: '1+2', a: 'b', b: 'a', n: '', big: '9223372036854775807', sp: '  7  ' };

/** Our result, formatted as the busybox script below prints it. */
function ours(expr: string): string {
  const vars = new Map(Object.entries(START));
  try {
    const r = evaluateArithmetic(expr, { get: (k) => vars.get(k), set: (k, v) => void vars.set(k, v) });
    return `${r} x=${vars.get('x')} y=${vars.get('y')} z=${vars.get('z') ?? ''}\n`;
  } catch (err) {
    if (!(err instanceof ArithmeticError)) throw err;
    return `sh: ${err.message}\n`;
  }
}

function real(expr: string): string {
  const setup = Object.entries(START).map(([k, v]) => `${k}='${v}'`).join('; ');
  // The expression comes in the environment: extra arguments after -c would change the error prefix.
  const r = spawnSync(BUSYBOX, ['sh', '-c', `${setup}; r=$(($EXPR)); echo "$r x=$x y=$y z=$z"`], {
    encoding: 'utf8',
    timeout: 5000,
    env: { PATH: '/usr/bin:/bin', EXPR: expr },
  });
  return r.stdout + r.stderr;
}

describe('evaluateArithmetic', () => {
  const value = (expr: string, vars: Record<string, string> = {}) => {
    const m = new Map(Object.entries(vars));
    return evaluateArithmetic(expr, { get: (k) => m.get(k), set: (k, v) => void m.set(k, v) });
  };
  const error = (expr: string) => {
    try {
      value(expr, { a: 'b', b: 'a' });
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  };

  it('precedence and associativity', () => {
    expect(value('2+3*4')).toBe(14n);
    expect(value('(2+3)*4')).toBe(20n);
    expect(value('2**3**2')).toBe(512n);
    expect(value('-2**2')).toBe(4n);
    expect(value('1|2^3&4')).toBe(3n);
    expect(value('10-2-3')).toBe(5n);
    expect(value('1 ? 2 : 0 ? 4 : 5')).toBe(2n);
  });

  it('64-bit wrap-around, C division, shifts modulo 64', () => {
    expect(value('9223372036854775807 + 1')).toBe(-9223372036854775808n);
    expect(value('2**64')).toBe(0n);
    expect(value('-7/2')).toBe(-3n);
    expect(value('-7%2')).toBe(-1n);
    expect(value('(-9223372036854775807-1)/-1')).toBe(-9223372036854775808n);
    expect(value('1<<65')).toBe(2n);
    expect(value('-1>>70')).toBe(-1n);
  });

  it('literals', () => {
    expect(value('0x1F + 010 + 2#101 + 36#z + 64#@ + 64#_')).toBe(31n + 8n + 5n + 35n + 62n + 63n);
    expect(value('18446744073709551615')).toBe(-1n);
    expect(value('99999999999999999999')).toBe(0n);
    expect(value('16#@')).toBe(9n); // 1.36 accepts it (fixed after 1.36)
  });

  it('variables: recursive, unset and empty are 0, assignments', () => {
    expect(value('x*2', { x: '1+2' })).toBe(6n);
    expect(value('u + e', { e: '' })).toBe(0n);
    const vars = new Map([['i', '5']]);
    const io = { get: (k: string) => vars.get(k), set: (k: string, v: string) => void vars.set(k, v) };
    expect(evaluateArithmetic('i++ + ++i, j = i *= 2', io)).toBe(14n);
    expect(Object.fromEntries(vars)).toEqual({ i: '14', j: '14' });
  });

  it('both sides of && || ?: are evaluated', () => {
    const vars = new Map<string, string>();
    expect(evaluateArithmetic('0 && (x = 5)', { get: (k) => vars.get(k), set: (k, v) => void vars.set(k, v) })).toBe(0n);
    expect(vars.get('x')).toBe('5');
    expect(error('0 ? 1/0 : 2')).toBe('divide by zero');
  });

  it('errors', () => {
    expect(error('1/0')).toBe('divide by zero');
    expect(error('2**-1')).toBe('exponent less than 0');
    expect(error('1 ? x=1 : 2')).toBe('malformed ?: operator');
    expect(error('a')).toBe('expression recursion loop detected');
    expect(error('1 2')).toBe('arithmetic syntax error');
    expect(error('08')).toBe('arithmetic syntax error');
    expect(error('5 = 3')).toBe('arithmetic syntax error');
    expect(error('x y')).toBe('arithmetic syntax error');
    expect(error('$x')).toBe('arithmetic syntax error');
  });

  it('an empty expression is 0', () => {
    expect(value('')).toBe(0n);
    expect(value(' \t\n')).toBe(0n);
  });

  it('errors from set() pass through', () => {
    const io = { get: () => '1', set: () => { throw new Error('x: is read only'); } };
    expect(() => evaluateArithmetic('x = 2', io)).toThrow('x: is read only');
  });
});

const CORPUS: string[] = [
  '1+2', '2*3+4', '2+3*4', '(2+3)*4', '10/3', '-10/3', '10%3', '-10%3', '10%-3', '2**10', '2**63', '2**64', '3**-1', '0**0',
  '(-2)**3', '-3**3', '-2**2', '2**3**2', '1<<3', '1<<63', '1<<64', '1<<65', '1<<-1', '-8>>1', '-1>>70', '5>>-63', '5&3', '5|3',
  '5^3', '~5', '~-1', '!5', '!0', '!!7', '1<2', '2<=2', '3>4', '4>=5', '1==1', '1!=1', '1&&0', '1||0', '0||0', '2&&3',
  '0&&1/0', '1||1/0', '1?2:3', '0?2:3', '1?x=1:2', '0?y:(y=9)', '1 ? 2 ? 3 : 4 : 5', '0 ? 2 : 0 ? 4 : 5', '1 ? 2 : 3 ? 4 : 5',
  '(1?2:3)+1', '1:2', '4 : 5 ? 6', '1 ?', '1 ? 2', 'x=5', 'x+=2', 'x-=1', 'x*=3', 'x/=2', 'x%=2', 'x<<=2', 'x>>=1', 'x&=1',
  'x|=4', 'x^=7', 'x**=2', 'x++', 'x--', '++x', '--x', 'x++ + ++x', 'x+++y', 'x+++ +y', '7+++x', '--7', '- -7', '-+-7', '+x',
  '-x', 'x++ ++', '++x++', 'x=y=4', 'z=x', 'z=x,x=z+1', 'x=1,y=2,z=x+y', 'a', 'a=b=3', 's', 'e*2', '(e)*2', 'n+1', 'big+1',
  'sp*2', 'u', 'u++', 'z++', 'z+=1', '0x1F', '0X1f', '0xff+1', '010', '08', '09', '0x', '0xg', '00', '0', '16#ff', '2#1010',
  '36#zZ', '37#Z', '64#@_', '64#@@', '16#@', '10#12a', '1#1', '65#1', '2#102', '2#', '8#17', '010#5', '0x10#5',
  '18446744073709551615', '18446744073709551616', '9223372036854775808', '9223372036854775807+1', '-9223372036854775807-1',
  '(-9223372036854775807-1)/-1', '(-9223372036854775807-1)%-1', '1/0', '1%0', 'x/=0', 'x%=0', '1 2', '(1', '1)', '(1))',
  '1, 2', '5=3', 'x=', '!', '+', '1+', '( )', '()', '1,2,3', '(x)', '(x)++', '5++', 'x ++', ' 42 ', '', '   ', '1==1==1',
  '3>2>1', '((((1))))', '(1)(2)', 'x y', 'x=(y=2)+1', 'y ? x : z', '1 ?: 2', '~~5', '!-1', '-(-(-1))', '2*-3', '2--3',
  '2- -3', '2-- 3', 'x--3', 'x-- -3', '3 -- x', '1 +\n2', '\t7\t', '1 ; 2', '1 @ 2', 'x.y', '_a1 + 1', 'x[1]', '1e3',
];

describe.skipIf(!haveBusybox)('differential: busybox evaluates the same', () => {
  it(`has a corpus of ${CORPUS.length} expressions`, () => expect(CORPUS.length).toBeGreaterThanOrEqual(150));
  for (const expr of CORPUS) {
    it(JSON.stringify(expr), () => expect(ours(expr)).toBe(real(expr)));
  }
});
