/**
 * Shell arithmetic as busybox 1.36 ash does it: `$((…))` and the `let`
 * builtin (which ash has), on signed 64-bit integers that wrap around.
 *
 *     const vars = new Map([['x', '3']]);
 *     evaluateArithmetic('x += 2, x * 10', {
 *       get: (n) => vars.get(n),
 *       set: (n, v) => void vars.set(n, v),
 *     }); // 50n, and x is now "5"
 *
 * ash evaluates with an operator-precedence stack rather than a grammar,
 * and its quirks are part of the language users meet:
 * - `&&`, `||` and `?:` evaluate both sides (`$((0 && (x=5)))` sets x, and
 *   `$((0 ? 1/0 : 2))` is "divide by zero");
 * - `1 ? x=1 : 2` is "malformed ?: operator" (assignment binds loosest);
 * - a variable's value is itself evaluated as an expression (`x=1+2`,
 *   `$((x*2))` is 6); unset or empty is 0; `a=b b=a` is a recursion error;
 * - numbers: decimal, `0x1F`, octal `017`, `BASE#digits` with BASE 2..64
 *   (digits 0-9 a-z A-Z @ _); too large a literal is 0; `08` and `1x` are
 *   errors (a number may not run into a name or another number);
 * - shifts use the count modulo 64, as the x86 instructions do.
 * Errors throw ArithmeticError with ash's message (`divide by zero`,
 * `arithmetic syntax error`, …), which the shell prints after `sh: `.
 */

export interface ArithmeticVariables {
  /** The variable's value, undefined if unset. */
  get(name: string): string | undefined;
  /** Assign (`x=1`, `x++`, `x+=2`); may throw, e.g. for a read-only variable. */
  set(name: string, value: string): void;
}

export class ArithmeticError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArithmeticError';
  }
}

/** Evaluate `expr` (already expanded: no `$` left) and return its value. */
export function evaluateArithmetic(expr: string, vars: ArithmeticVariables): bigint {
  return evaluate(expr, { vars, evaluating: [] });
}

// Operators are numbered as precedence + 32 * id, so equal precedences
// compare equal and the id tells operators apart.
const op = (prec: number, id: number) => (id << 5) | prec;
const precOf = (o: number) => o & 0x1f;

const LPAREN = op(0, 0);
const COMMA = op(1, 0);
const ASSIGN = op(2, 0);
const AND_ASSIGN = op(2, 1);
const OR_ASSIGN = op(2, 2);
const XOR_ASSIGN = op(2, 3);
const PLUS_ASSIGN = op(2, 4);
const MINUS_ASSIGN = op(2, 5);
const LSHIFT_ASSIGN = op(2, 6);
const RSHIFT_ASSIGN = op(2, 7);
// Three more assignments share precedence 2; precedence 3 stands in for it.
const MUL_ASSIGN = op(3, 0);
const DIV_ASSIGN = op(3, 1);
const REM_ASSIGN = op(3, 2);
const CONDITIONAL = op(4, 0);
const CONDITIONAL_SEP = op(4, 1);
const OR = op(5, 0);
const AND = op(6, 0);
const BOR = op(7, 0);
const BXOR = op(8, 0);
const BAND = op(9, 0);
const EQ = op(10, 0);
const NE = op(10, 1);
const LT = op(11, 0);
const GT = op(11, 1);
const GE = op(11, 2);
const LE = op(11, 3);
const LSHIFT = op(12, 0);
const RSHIFT = op(12, 1);
const ADD = op(13, 0);
const SUB = op(13, 1);
const MUL = op(14, 0);
const DIV = op(14, 1);
const REM = op(14, 2);
const EXPONENT = op(15, 1);
const UNARY_PREC = 16;
const BNOT = op(UNARY_PREC, 0);
const NOT = op(UNARY_PREC, 1);
const UMINUS = op(UNARY_PREC + 1, 0);
const UPLUS = op(UNARY_PREC + 1, 1);
const PREC_PRE = UNARY_PREC + 2;
const PRE_INC = op(PREC_PRE, 0);
const PRE_DEC = op(PREC_PRE, 1);
const PREC_POST = UNARY_PREC + 3;
const POST_INC = op(PREC_POST, 0);
const POST_DEC = op(PREC_POST, 1);
const SPEC_PREC = UNARY_PREC + 4;
const NUM = op(SPEC_PREC, 0);
const RPAREN = op(SPEC_PREC, 1);

/** Operator spellings, longest first where one is a prefix of another. */
const OPERATORS: [string, number][] = [
  ['<<=', LSHIFT_ASSIGN], ['>>=', RSHIFT_ASSIGN], ['<<', LSHIFT], ['>>', RSHIFT],
  ['||', OR], ['&&', AND], ['!=', NE], ['<=', LE], ['>=', GE], ['==', EQ],
  ['|=', OR_ASSIGN], ['&=', AND_ASSIGN], ['*=', MUL_ASSIGN], ['/=', DIV_ASSIGN],
  ['%=', REM_ASSIGN], ['+=', PLUS_ASSIGN], ['-=', MINUS_ASSIGN], ['--', POST_DEC],
  ['^=', XOR_ASSIGN], ['++', POST_INC], ['**', EXPONENT], ['!', NOT], ['<', LT],
  ['>', GT], ['=', ASSIGN], ['|', BOR], ['&', BAND], ['*', MUL], ['/', DIV],
  ['%', REM], ['+', ADD], ['-', SUB], ['^', BXOR], ['~', BNOT], [',', COMMA],
  ['?', CONDITIONAL], [':', CONDITIONAL_SEP], [')', RPAREN], ['(', LPAREN],
];

const fixAssignmentPrec = (prec: number) => (prec === 3 ? 2 : prec);
const isAssignOp = (o: number) => {
  const prec = fixAssignmentPrec(precOf(o));
  return prec === precOf(ASSIGN) || prec === PREC_PRE || prec === PREC_POST;
};
const isRightAssociative = (prec: number) =>
  prec === precOf(ASSIGN) || prec === precOf(EXPONENT) || prec === precOf(CONDITIONAL);

/** A value on the stack: a number, or a variable not yet looked up (`name`). */
interface Operand {
  val: bigint;
  name?: string;
  /** `a : b` leaves b here for the `?` below it to choose. */
  second?: bigint;
}

interface State {
  vars: ArithmeticVariables;
  /** Variables whose values are being evaluated (to catch `a=b b=a`). */
  evaluating: string[];
}

const wrap = (n: bigint) => BigInt.asIntN(64, n);
const SYNTAX = 'arithmetic syntax error';
function fail(message: string): never {
  throw new ArithmeticError(message);
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);

function skipSpace(s: string, i: number): number {
  while (isSpace(s[i])) i++;
  return i;
}

function endOfName(s: string, i: number): number {
  if (!/^[A-Za-z_]$/.test(s[i] ?? '')) return i;
  i++;
  while (/^[A-Za-z0-9_]$/.test(s[i] ?? '')) i++;
  return i;
}

function evaluate(expr: string, st: State): bigint {
  let p = skipSpace(expr, 0);
  const start = p;
  const nums: Operand[] = [];
  const ops: number[] = [LPAREN];
  let lasttok = LPAREN;
  let closed = false;

  for (;;) {
    p = skipSpace(expr, p);
    let o: number;
    if (p >= expr.length) {
      if (p === start) return 0n;
      if (closed) {
        if (nums.length !== 1) fail(SYNTAX);
        return nums[0]!.val;
      }
      // Close the implicit parenthesis the expression started with.
      closed = true;
      o = RPAREN;
    } else {
      const nameEnd = endOfName(expr, p);
      if (nameEnd > p) {
        nums.push({ val: 0n, name: expr.slice(p, nameEnd) });
        p = nameEnd;
        lasttok = NUM;
        continue;
      }
      if (isDigit(expr[p])) {
        const [val, end] = parseNumber(expr, p);
        // The fix for CVE-2022-48174 (upstream after 1.36.0, patched into
        // Alpine's and Debian's builds): no name or number right after a number.
        if (/^[A-Za-z0-9_]$/.test(expr[end] ?? '')) fail(SYNTAX);
        nums.push({ val });
        p = end;
        lasttok = NUM;
        continue;
      }
      const found = specialIncDec(expr, p, nums) ?? OPERATORS.find(([text]) => expr.startsWith(text, p));
      if (!found) fail(SYNTAX);
      o = found[1];
      p += found[0].length;
    }

    // x++ is a number as far as what follows is concerned.
    if (lasttok === POST_INC || lasttok === POST_DEC) lasttok = NUM;
    // + and - are binary only after a number (or a closing parenthesis).
    if (lasttok !== NUM) {
      if (o === ADD) o = UPLUS;
      else if (o === SUB) o = UMINUS;
      else if (o === POST_INC) o = PRE_INC;
      else if (o === POST_DEC) o = PRE_DEC;
    }
    let prec = precOf(o);
    if ((prec > 0 && prec < UNARY_PREC) || prec === SPEC_PREC) {
      // A binary operator or `)`: apply what the stack holds that binds tighter.
      if (lasttok !== NUM) fail(SYNTAX);
      let matched = false;
      while (ops.length > 0) {
        const prev = ops.pop()!;
        if (o === RPAREN) {
          if (prev === LPAREN) {
            const top = nums[nums.length - 1];
            if (top?.name !== undefined) {
              lookUp(top, st);
              delete top.name;
            }
            matched = true;
            break;
          }
        } else {
          prec = fixAssignmentPrec(prec);
          const prevPrec = fixAssignmentPrec(precOf(prev));
          if (prevPrec < prec || (prevPrec === prec && isRightAssociative(prec))) {
            ops.push(prev);
            break;
          }
        }
        apply(prev, nums, st);
      }
      if (o === RPAREN) {
        if (!matched) fail(SYNTAX);
        lasttok = NUM;
        continue;
      }
    }
    ops.push(o);
    lasttok = o;
  }
}

/**
 * `++`/`--` are increments only next to a variable: `a+++v` is `a++ + v`,
 * `7+++v` is `7 + ++v`, `--7` is `- -7`. Returns the operator to use when
 * it is a plain `+`/`-` instead, else undefined (look the operator up).
 */
function specialIncDec(expr: string, p: number, nums: Operand[]): [string, number] | undefined {
  const c = expr[p];
  if ((c !== '+' && c !== '-') || expr[p + 1] !== c) return undefined;
  const top = nums[nums.length - 1];
  if (top?.name !== undefined) return undefined;
  const next = expr[skipSpace(expr, p + 2)];
  if (isAlpha(next) || next === '_') return undefined;
  return [c, c === '+' ? ADD : SUB];
}

/** A numeric literal at `p`: C's strtoull with base 0, then ash's BASE#digits. */
function parseNumber(s: string, p: number): [bigint, number] {
  let i = p;
  let n = 0n;
  let overflow = false;
  const accumulate = (digit: number, base: number) => {
    n = n * BigInt(base) + BigInt(digit);
    if (n > 0xffffffffffffffffn) overflow = true;
  };
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /^[0-9A-Fa-f]$/.test(s[i + 2] ?? '')) {
    i += 2;
    while (/^[0-9A-Fa-f]$/.test(s[i] ?? '')) accumulate(parseInt(s[i++]!, 16), 16);
  } else if (s[i] === '0') {
    while (s[i] !== undefined && s[i]! >= '0' && s[i]! <= '7') accumulate(Number(s[i++]), 8);
  } else {
    while (isDigit(s[i])) accumulate(Number(s[i++]), 10);
  }
  if (overflow) return [0n, i];

  if (s[i] === '#' && s[p]! >= '1' && s[p]! <= '9' && n >= 2n && n <= 64n) {
    const base = Number(n);
    n = 0n;
    i++;
    for (;; i++) {
      const ch = s[i];
      const code = ch === undefined ? 0 : ch.charCodeAt(0);
      let digit = code - 48;
      if (digit >= 10 && digit <= 122 - 48) {
        // Letters (any case below base 37); above 36: A-Z 36-61, @ 62, _ 63.
        digit = (code | 0x20) - (97 - 10);
        if (base > 36 && code <= 95) {
          if (ch === '_') digit = 63;
          else if (ch === '@') digit = 62;
          else if (digit >= 0 && digit < 36) digit += 36 - 10;
          else break;
        }
      }
      if (digit < 0 || digit >= base) break;
      n = BigInt.asUintN(64, n * BigInt(base) + BigInt(digit));
    }
  }
  return [wrap(n), i];
}

/** Replace a variable operand's value by its evaluated contents. */
function lookUp(t: Operand, st: State): void {
  if (t.name === undefined) return;
  const value = st.vars.get(t.name);
  if (value === undefined) {
    t.val = 0n;
    return;
  }
  if (st.evaluating.includes(t.name)) fail('expression recursion loop detected');
  st.evaluating.push(t.name);
  try {
    t.val = evaluate(value, st);
  } finally {
    st.evaluating.pop();
  }
}

/** Apply an operator to the top of the number stack. */
function apply(o: number, nums: Operand[], st: State): void {
  if (nums.length === 0) fail(SYNTAX);
  let top = nums[nums.length - 1]!;
  lookUp(top, st);
  let rez = top.val;
  if (o === UMINUS) rez = wrap(-rez);
  else if (o === NOT) rez = rez === 0n ? 1n : 0n;
  else if (o === BNOT) rez = ~rez;
  else if (o === POST_INC || o === PRE_INC) rez = wrap(rez + 1n);
  else if (o === POST_DEC || o === PRE_DEC) rez = wrap(rez - 1n);
  else if (o !== UPLUS) {
    if (nums.length < 2) fail(SYNTAX);
    const right = nums.pop()!;
    let badSecond = right.second !== undefined;
    if (o === CONDITIONAL) badSecond = !badSecond;
    if (badSecond) fail('malformed ?: operator');
    top = nums[nums.length - 1]!;
    if (o !== ASSIGN) lookUp(top, st);
    const r = rez;
    rez = top.val;
    switch (o) {
      case CONDITIONAL: rez = rez !== 0n ? r : right.second!; break;
      case CONDITIONAL_SEP:
        if (nums.length === 1) fail('malformed ?: operator');
        top.second = r;
        break;
      case BOR: case OR_ASSIGN: rez |= r; break;
      case OR: rez = r !== 0n || rez !== 0n ? 1n : 0n; break;
      case BAND: case AND_ASSIGN: rez &= r; break;
      case BXOR: case XOR_ASSIGN: rez ^= r; break;
      case AND: rez = rez !== 0n && r !== 0n ? 1n : 0n; break;
      case EQ: rez = rez === r ? 1n : 0n; break;
      case NE: rez = rez !== r ? 1n : 0n; break;
      case GE: rez = rez >= r ? 1n : 0n; break;
      case GT: rez = rez > r ? 1n : 0n; break;
      case LT: rez = rez < r ? 1n : 0n; break;
      case LE: rez = rez <= r ? 1n : 0n; break;
      case RSHIFT: case RSHIFT_ASSIGN: rez >>= BigInt.asUintN(6, r); break;
      case LSHIFT: case LSHIFT_ASSIGN: rez = wrap(rez << BigInt.asUintN(6, r)); break;
      case MUL: case MUL_ASSIGN: rez = wrap(rez * r); break;
      case ADD: case PLUS_ASSIGN: rez = wrap(rez + r); break;
      case SUB: case MINUS_ASSIGN: rez = wrap(rez - r); break;
      case ASSIGN: case COMMA: rez = r; break;
      case EXPONENT: {
        if (r < 0n) fail('exponent less than 0');
        rez = power(rez, r);
        break;
      }
      default: {
        // / and %, plain or assigning.
        if (r === 0n) fail('divide by zero');
        // MIN / -1 does not fit: ash divides by 1 instead.
        const d = r === -1n && wrap(rez << 1n) === 0n ? 1n : r;
        rez = o === DIV || o === DIV_ASSIGN ? wrap(rez / d) : rez % d;
      }
    }
  }
  if (isAssignOp(o)) {
    if (top.name === undefined) fail(SYNTAX);
    st.vars.set(top.name!, String(rez));
    if (o === POST_INC) rez = wrap(rez - 1n);
    if (o === POST_DEC) rez = wrap(rez + 1n);
  }
  top.val = rez;
  delete top.name;
}

/** base ** exp modulo 2^64, as ash's repeated multiplication gives. */
function power(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = BigInt.asUintN(64, base);
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = BigInt.asUintN(64, result * b);
    b = BigInt.asUintN(64, b * b);
    e >>= 1n;
  }
  return wrap(result);
}
