/**
 * Evaluating awk expressions, as busybox's evaluate() does — down to the
 * order in which operands are read, which shows: in `a[i++] = i` the
 * subscript is evaluated first, so a[1] gets 2.
 *
 * An expression evaluates to a cell: the variable, field or constant
 * itself when it names one (so assignments can write through it), else a
 * fresh temporary. Most expressions never wait for anything and run
 * synchronously (evalSync); those that may — getline, a user function
 * (which may print), system(), close(), fflush() — run in evalAsync.
 */
import { FsError } from '../../fs/errno.ts';
import { isProcessControl } from '../../kernel/sys.ts';
import type { Arith, Compare, Expr, VarRef } from './ast.ts';
import { Builtins } from './builtins.ts';
import { Cell, NUMBER, USER, tempNumber as num, tempString as str } from './cell.ts';
import { asciiLower, pow } from './functions.ts';
import { cNegate, cResult, toInt, toLongLong } from './numbers.ts';
import type { RecordReader } from './streams.ts';

export abstract class Expressions extends Builtins {
  /** The current function call's parameters. */
  protected frame: Cell[] = [];
  private readonly pure = new WeakMap<Expr, boolean>();

  /** Calls a user-defined function (the interpreter runs its body). */
  protected abstract call(e: Extract<Expr, { k: 'call' }>): Promise<Cell>;

  /** Whether evaluating e can never wait (no getline, call, system, close, fflush inside). */
  protected isPure(e: Expr): boolean {
    let p = this.pure.get(e);
    if (p !== undefined) return p;
    const all = (...xs: (Expr | undefined)[]) => xs.every((x) => !x || this.isPure(x));
    switch (e.k) {
      case 'call':
      case 'getline':
        p = false;
        break;
      case 'builtin':
        p = e.name !== 'system' && e.name !== 'close' && e.name !== 'fflush' && all(...e.args);
        break;
      case 'ref':
        p = all(e.index);
        break;
      case 'field':
        p = all(e.index);
        break;
      case 'assign':
        p = all(e.target, e.value);
        break;
      case 'cond':
        p = all(e.test, e.yes, e.no);
        break;
      case 'in':
        p = all(e.key, e.array);
        break;
      case 'match':
        p = all(e.l, e.re);
        break;
      case 'unary':
        p = all(e.operand);
        break;
      case 'incdec':
        p = all(e.target);
        break;
      case 'and':
      case 'or':
      case 'arith':
      case 'compare':
      case 'concat':
      case 'join':
        p = all(e.l, e.r);
        break;
      default:
        p = true;
    }
    this.pure.set(e, p);
    return p;
  }

  /** Evaluates any expression. */
  protected value(e: Expr): Cell | Promise<Cell> {
    return this.isPure(e) ? this.evalSync(e) : this.evalAsync(e);
  }

  protected varCell(v: VarRef): Cell {
    if (v.k === 'var') return v.cell;
    let c = this.frame[v.slot];
    if (!c) c = this.frame[v.slot] = new Cell();
    return c;
  }

  private ref(v: VarRef, key: string | undefined): Cell {
    const cell = this.varCell(v);
    if (cell === this.NF) this.splitRecord();
    return key === undefined ? cell : this.array(cell).find(key);
  }

  private fieldAt(i: number, e: Expr): Cell {
    if (i < 0) this.fail('Access to negative field', e.pos);
    return i === 0 ? this.F0 : this.field(i);
  }

  private assign(e: Extract<Expr, { k: 'assign' }>, target: Cell, lhs: number, value: Cell): Cell {
    if (e.op !== '') return this.v.setNum(target, this.arith(e.op, lhs, this.v.num(value), e));
    // A temporary string is handed over as it is — without its strnum flag.
    if (value.temp && !(value.flags & NUMBER)) return this.v.setStr(target, value.str);
    return this.v.copy(target, value);
  }

  private arith(op: Arith, l: number, r: number, e: Expr): number {
    switch (op) {
      case '+':
        return cResult(l + r, l, r);
      case '-':
        return cResult(l - r, l, r);
      case '*':
        return cResult(l * r, l, r);
      case '/':
        if (r === 0) this.fail('Division by zero', e.pos);
        return cResult(l / r, l, r);
      case '%':
        if (r === 0) this.fail('Division by zero', e.pos);
        return cResult(l - toLongLong(l / r) * r, l, r);
      default:
        return cResult(pow(l, r), l, r);
    }
  }

  private compare(op: Compare, l: Cell, r: Cell): Cell {
    let d: number;
    if (this.v.isNumeric(l) && this.v.isNumeric(r)) d = this.v.num(l) - this.v.num(r);
    else {
      let a = this.v.str(l);
      let b = this.v.str(r);
      if (this.icase) [a, b] = [asciiLower(a), asciiLower(b)];
      d = a < b ? -1 : a > b ? 1 : 0;
    }
    let t: boolean;
    switch (op) {
      case '==':
        t = d === 0;
        break;
      case '!=':
        t = !(d === 0);
        break;
      case '>':
        t = d > 0;
        break;
      case '<=':
        t = !(d > 0);
        break;
      case '>=':
        t = d >= 0;
        break;
      default:
        t = !(d >= 0);
    }
    return num(t ? 1 : 0);
  }

  private unary(op: '-' | '+' | '!', c: Cell): Cell {
    const n = this.v.num(c);
    return num(op === '!' ? (this.v.isTrue(c) ? 0 : 1) : op === '-' ? cNegate(n) : n);
  }

  private incdec(op: string, c: Cell): Cell {
    const n = this.v.num(c);
    const next = op.endsWith('++') ? n + 1 : n - 1;
    this.v.setNum(c, next);
    return num(op.startsWith('pre') ? next : n);
  }

  protected evalSync(e: Expr): Cell {
    switch (e.k) {
      case 'empty':
        return str('');
      case 'const':
        return e.cell;
      case 'ref':
        return this.ref(e.v, e.index ? this.v.str(this.evalSync(e.index)) : undefined);
      case 'field':
        return this.fieldAt(toInt(this.v.num(this.evalSync(e.index))), e);
      case 'regex':
        return num(this.regexOf(e.re).test(this.v.str(this.F0)) ? 1 : 0);
      case 'assign': {
        const target = this.evalSync(e.target);
        const lhs = e.op === '' ? 0 : this.v.num(target);
        return this.assign(e, target, lhs, this.evalSync(e.value));
      }
      case 'cond': {
        const t = this.evalSync(e.test);
        if (!e.yes || !e.no) return this.fail('Possible syntax error', e.pos);
        return this.evalSync(this.v.isTrue(t) ? e.yes : e.no);
      }
      case 'and':
        return num(this.v.isTrue(this.evalSync(e.l)) && this.v.isTrue(this.evalSync(e.r)) ? 1 : 0);
      case 'or':
        return num(this.v.isTrue(this.evalSync(e.l)) || this.v.isTrue(this.evalSync(e.r)) ? 1 : 0);
      case 'in': {
        const key = this.v.str(this.evalSync(e.key));
        return num(this.array(this.evalSync(e.array)).has(key) ? 1 : 0);
      }
      case 'match': {
        const s = this.v.str(this.evalSync(e.l));
        return num(this.regexFrom(e.re).test(s) !== e.negate ? 1 : 0);
      }
      case 'arith': {
        const l = this.v.num(this.evalSync(e.l));
        return num(this.arith(e.op, l, this.v.num(this.evalSync(e.r)), e));
      }
      case 'compare': {
        const l = this.evalSync(e.l);
        return this.compare(e.op, l, this.evalSync(e.r));
      }
      case 'concat': {
        const l = this.v.str(this.evalSync(e.l));
        return str(l + this.v.str(this.evalSync(e.r)));
      }
      case 'join': {
        const l = this.v.str(this.evalSync(e.l));
        const r = this.v.str(this.evalSync(e.r));
        return str(l + this.v.str(this.SUBSEP) + r);
      }
      case 'unary':
        return this.unary(e.op, this.evalSync(e.operand));
      case 'incdec':
        return this.incdec(e.op, this.evalSync(e.target));
      case 'builtin':
        return this.builtin(e, (x) => this.evalSync(x));
      case 'invalid':
        return this.fail(e.message, e.pos);
      default:
        throw new Error(`awk: ${e.k} evaluated synchronously`);
    }
  }

  protected async evalAsync(e: Expr): Promise<Cell> {
    switch (e.k) {
      case 'ref':
        return this.ref(e.v, e.index ? this.v.str(await this.value(e.index)) : undefined);
      case 'field':
        return this.fieldAt(toInt(this.v.num(await this.value(e.index))), e);
      case 'assign': {
        const target = await this.value(e.target);
        const lhs = e.op === '' ? 0 : this.v.num(target);
        return this.assign(e, target, lhs, await this.value(e.value));
      }
      case 'cond': {
        const t = await this.value(e.test);
        if (!e.yes || !e.no) return this.fail('Possible syntax error', e.pos);
        return this.value(this.v.isTrue(t) ? e.yes : e.no);
      }
      case 'and':
        return num(this.v.isTrue(await this.value(e.l)) && this.v.isTrue(await this.value(e.r)) ? 1 : 0);
      case 'or':
        return num(this.v.isTrue(await this.value(e.l)) || this.v.isTrue(await this.value(e.r)) ? 1 : 0);
      case 'in': {
        const key = this.v.str(await this.value(e.key));
        return num(this.array(await this.value(e.array)).has(key) ? 1 : 0);
      }
      case 'match': {
        const s = this.v.str(await this.value(e.l));
        const re = e.re.k === 'regex' ? this.regexFrom(e.re) : this.regexFrom(e.re, await this.value(e.re));
        return num(re.test(s) !== e.negate ? 1 : 0);
      }
      case 'arith': {
        const l = this.v.num(await this.value(e.l));
        return num(this.arith(e.op, l, this.v.num(await this.value(e.r)), e));
      }
      case 'compare': {
        const l = await this.value(e.l);
        return this.compare(e.op, l, await this.value(e.r));
      }
      case 'concat': {
        const l = this.v.str(await this.value(e.l));
        return str(l + this.v.str(await this.value(e.r)));
      }
      case 'join': {
        const l = this.v.str(await this.value(e.l));
        const r = this.v.str(await this.value(e.r));
        return str(l + this.v.str(this.SUBSEP) + r);
      }
      case 'unary':
        return this.unary(e.op, await this.value(e.operand));
      case 'incdec':
        return this.incdec(e.op, await this.value(e.target));
      case 'builtin':
        return this.asyncBuiltin(e);
      case 'call':
        return this.call(e);
      case 'getline':
        return this.getline(e);
      default:
        return this.evalSync(e);
    }
  }

  private async getline(e: Extract<Expr, { k: 'getline' }>): Promise<Cell> {
    const name = e.source ? this.v.str(await this.value(e.source)) : undefined;
    const target = e.target ? await this.value(e.target) : this.F0;
    let reader: RecordReader | undefined;
    if (name !== undefined) reader = (await this.input(name, e.from === 'command'))?.reader;
    else reader = (this.main ??= await this.nextInputFile()) ?? undefined;
    if (!reader) return num(-1);
    let rec;
    try {
      rec = await reader.next(this.rsplit);
    } catch (err) {
      if (isProcessControl(err) || !(err instanceof FsError)) throw err;
      this.v.setNum(this.ERRNO, err.errno);
      return num(-1);
    }
    if (!rec) return num(0);
    this.v.setStr(target, rec.text);
    target.flags |= USER;
    this.v.setStr(this.RT, rec.terminator);
    if (name === undefined) {
      this.v.setNum(this.FNR, this.v.num(this.FNR) + 1);
      this.v.setNum(this.NR, this.v.num(this.NR) + 1);
    }
    return num(1);
  }
}
