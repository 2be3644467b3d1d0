/**
 * Runs a parsed awk program: BEGIN, then every record of every input file
 * through the rules, then END — busybox's awk_main — and the statements
 * in them. Loops, calls and records pass through the scheduler now and
 * then, so `while (1) {}` can be interrupted with ^C like any program.
 *
 *     const awk = new Interpreter(sys);
 *     awk.parse('{ n++ } END { print n }', 'cmd. line');
 *     const status = await awk.run(['file.txt']);
 *
 * The layers below: runtime.ts (variables, fields, files), builtins.ts,
 * expressions.ts.
 */
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import type { Expr, Program, Stmt } from './ast.ts';
import { fromText } from './bytes.ts';
import { Cell, CHILD, NUMBER } from './cell.ts';
import { Expressions } from './expressions.ts';
import { AwkError, unescape } from './lexer.ts';
import { toInt } from './numbers.ts';
import { Parser } from './parser.ts';
import type { OutputStream } from './streams.ts';
import { formatNumber } from './text.ts';

// How a statement ended.
const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
const NEXT = 3;
const NEXTFILE = 4;
const RETURN = 5;
const EXIT = 6;
type Flow = number;

/** `exit` inside a function: it unwinds the expressions that called it. */
class Jump {
  constructor(readonly flow: Flow) {}
}

/** Deeper than this, busybox's C stack overflows: it dies of SIGSEGV. */
const SIGSEGV = 11;
const MAX_DEPTH = 30000;
/** Statements between two visits to the scheduler. */
const SLICE = 1000;

export class Interpreter extends Expressions {
  private readonly parser: Parser;
  private program!: Program;
  private depth = 0;
  private ticks = 0;
  private readonly simple = new WeakMap<Stmt, boolean>();
  private exiting = false;
  private exitCode = 0;
  /**
   * `next` or `nextfile` ran inside a function: busybox lets the function
   * return "" and the statement that called it finish; then the rules stop.
   */
  private pending: Flow = NORMAL;

  constructor(sys: Sys) {
    super(sys);
    this.parser = new Parser((name) => this.global(name));
  }

  /** Adds a program text (-f file, -e, or the command line), as a byte string (bytes.ts). */
  parse(text: string, progname: string): void {
    this.program = this.parser.parse(text, progname);
  }

  /** -F: the separator, escapes decoded. */
  setFieldSeparator(sep: string): void {
    this.v.setStr(this.FS, unescape(fromText(sep)));
  }

  /** Runs the program over the operands (files and assignments); returns the exit status. */
  async run(operands: string[]): Promise<number> {
    const argv = this.array(this.ARGV);
    this.v.setUser(argv.find('0'), 'awk');
    operands.forEach((arg, i) => this.v.setUser(argv.find(String(i + 1)), fromText(arg)));
    this.v.setNum(this.ARGC, operands.length + 1);
    this.program = this.parser.program;
    const { begin, rules, end } = this.program;
    try {
      if ((await this.block(begin)) === EXIT) return await this.exit();
      if (!rules.some((r) => r.pattern || r.range || r.action?.length) && end.length === 0) return await this.exit();
      this.main ??= await this.nextInputFile();
      while (this.main) {
        this.v.setNum(this.FNR, 0);
        for (;;) {
          let rec = this.main.buffered(this.rsplit);
          if (rec === undefined) rec = await this.readRecord(this.main);
          if (!rec) break;
          this.setRecord(rec.text);
          this.v.setStr(this.RT, rec.terminator);
          this.v.setNum(this.NR, this.v.num(this.NR) + 1);
          this.v.setNum(this.FNR, this.v.num(this.FNR) + 1);
          const flow = await this.rules();
          if (flow === EXIT) return await this.exit();
          if (flow === NEXTFILE) break;
          if (++this.ticks >= SLICE) await this.tick();
        }
        this.main = await this.nextInputFile();
      }
      return await this.exit();
    } catch (e) {
      let error = e;
      if (e instanceof RangeError) {
        // JavaScript's limits stand for C's: the stack (busybox dies of SIGSEGV) and memory.
        if (/call stack/.test(e.message)) {
          this.sys.kill(this.sys.pid, SIGSEGV);
          await this.sys.checkpoint();
        }
        error = new AwkError('out of memory', '');
      }
      if (!(error instanceof AwkError)) throw error;
      await this.flushAll().catch((f: unknown) => {
        if (isProcessControl(f)) throw f;
      });
      await this.stderr.write(`awk: ${error.where ? error.where + ': ' : ''}${error.message}\n`);
      return 1;
    }
  }

  /** awk_exit: END (once), then wait for the commands we print to. */
  private async exit(): Promise<number> {
    if (!this.exiting) {
      this.exiting = true;
      await this.block(this.program.end);
    }
    await this.closeAll();
    return this.exitCode;
  }

  /** Runs BEGIN or END; `next`, `return` or `exit` end it early. */
  private async block(body: Stmt[]): Promise<Flow> {
    try {
      return await this.list(body);
    } catch (e) {
      if (e instanceof Jump) return e.flow;
      throw e;
    }
  }

  /** Every rule, for one record. */
  private async rules(): Promise<Flow> {
    try {
      for (const rule of this.program.rules) {
        let matched: boolean;
        if (rule.range) {
          const r = rule.range;
          matched = r.active || this.test(await this.value(r.from));
          if (matched) r.active = !this.test(await this.value(r.to));
        } else if (!rule.pattern) matched = true;
        else matched = this.test(this.isPure(rule.pattern) ? this.evalSync(rule.pattern) : await this.evalAsync(rule.pattern));
        if (this.pending) return this.takePending() === NEXT ? NORMAL : NEXTFILE;
        if (!matched) continue;
        let flow: Flow;
        if (!rule.action) {
          this.stdout.buffer(this.v.str(this.F0) + this.v.str(this.ORS));
          flow = NORMAL;
        } else if (rule.action.length === 1 && this.isSimple(rule.action[0]!)) flow = this.execSync(rule.action[0]!);
        else flow = await this.list(rule.action);
        if (flow === NEXT || flow === RETURN) break;
        if (flow !== NORMAL) return flow;
      }
      if (this.stdout.due) await this.stdout.flush();
      return NORMAL;
    } catch (e) {
      if (e instanceof Jump) return e.flow;
      throw e;
    }
  }

  private test(c: Cell): boolean {
    return this.v.isTrue(c);
  }

  /** Visits the scheduler; callers count SLICE steps between visits. */
  private async tick(): Promise<void> {
    this.ticks = 0;
    if (this.stdout.due) await this.stdout.flush();
    await this.checkpoint();
  }

  // ---- statements ---------------------------------------------------------------------
  //
  // Statements that cannot wait (no getline, call, redirection… and no
  // loop, which must visit the scheduler) run synchronously in execSync;
  // print there only fills stdout's buffer, written at the next await.

  private async list(body: Stmt[]): Promise<Flow> {
    for (const s of body) {
      const flow = this.isSimple(s) ? this.execSync(s) : await this.exec(s);
      if (flow !== NORMAL) return flow;
      if (this.pending) return this.takePending();
      if (this.stdout.due) await this.stdout.flush();
    }
    return NORMAL;
  }

  private takePending(): Flow {
    const flow = this.pending;
    this.pending = NORMAL;
    return flow;
  }

  /** A condition's truth; undefined if a function called in it ran `next`. */
  private async truth(e: Expr): Promise<boolean | undefined> {
    const c = this.isPure(e) ? this.evalSync(e) : await this.evalAsync(e);
    return this.pending ? undefined : this.v.isTrue(c);
  }

  /** One loop iteration's body; undefined to go on, else the flow that ends the loop. */
  private async iteration(body: Stmt): Promise<Flow | undefined> {
    const flow = this.isSimple(body) ? this.execSync(body) : await this.exec(body);
    if (flow === BREAK) return NORMAL;
    if (flow !== NORMAL && flow !== CONTINUE) return flow;
    if (this.pending) return this.takePending();
    if (this.stdout.due) await this.stdout.flush();
    if (++this.ticks >= SLICE) await this.tick();
    return undefined;
  }

  /** A loop whose parts never wait: SLICE iterations at a time between visits to the scheduler. */
  private async fastLoop(test: Expr | undefined, body: Stmt, step: Expr | undefined, testLast: boolean): Promise<Flow> {
    let first = testLast;
    for (;;) {
      for (let n = 0; n < SLICE; n++) {
        if (!first && test && !this.v.isTrue(this.evalSync(test))) return NORMAL;
        first = false;
        const flow = this.execSync(body);
        if (flow === BREAK) return NORMAL;
        if (flow !== NORMAL && flow !== CONTINUE) return flow;
        if (step) this.evalSync(step);
      }
      await this.tick();
    }
  }

  private isSimple(s: Stmt): boolean {
    let simple = this.simple.get(s);
    if (simple !== undefined) return simple;
    switch (s.k) {
      case 'expr':
        simple = this.isPure(s.e);
        break;
      case 'block':
        simple = s.body.every((x) => this.isSimple(x));
        break;
      case 'if':
        simple = this.isPure(s.test) && this.isSimple(s.yes) && (!s.no || this.isSimple(s.no));
        break;
      case 'print':
      case 'printf':
        simple = !s.redirect && s.args.every((a) => this.isPure(a));
        break;
      case 'exit':
        simple = !s.code || this.isPure(s.code);
        break;
      case 'return':
        simple = !s.value || this.isPure(s.value);
        break;
      case 'delete':
        simple = s.target.k !== 'ref' || !s.target.index || this.isPure(s.target.index);
        break;
      case 'break':
      case 'continue':
      case 'next':
      case 'nextfile':
        simple = true;
        break;
      default:
        simple = false;
    }
    this.simple.set(s, simple);
    return simple;
  }

  private execSync(s: Stmt): Flow {
    this.pos = s.pos;
    switch (s.k) {
      case 'expr':
        this.evalSync(s.e);
        return NORMAL;
      case 'block':
        for (const x of s.body) {
          const flow = this.execSync(x);
          if (flow !== NORMAL) return flow;
        }
        return NORMAL;
      case 'if':
        if (this.v.isTrue(this.evalSync(s.test))) return this.execSync(s.yes);
        return s.no ? this.execSync(s.no) : NORMAL;
      case 'print':
        this.stdout.buffer(this.printLine(s.args));
        return NORMAL;
      case 'printf':
        this.stdout.buffer(this.sprintfWith(s.args, (e) => this.evalSync(e)));
        return NORMAL;
      case 'exit':
        if (s.code) this.exitCode = toInt(this.v.num(this.evalSync(s.code))) & 255;
        return EXIT;
      case 'return':
        this.returned = s.value ? this.evalSync(s.value) : undefined;
        return RETURN;
      case 'delete':
        this.delete(s.target, s.target.k === 'ref' && s.target.index ? this.v.str(this.evalSync(s.target.index)) : undefined);
        return NORMAL;
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
      case 'next':
        return NEXT;
      case 'nextfile':
        return NEXTFILE;
      default:
        throw new Error(`awk: ${s.k} run synchronously`);
    }
  }

  private async exec(s: Stmt): Promise<Flow> {
    if (this.isSimple(s)) return this.execSync(s);
    this.pos = s.pos;
    switch (s.k) {
      case 'expr':
        await this.evalAsync(s.e);
        return NORMAL;
      case 'block':
        return this.list(s.body);
      case 'print':
      case 'printf':
        await this.print(s);
        return NORMAL;
      case 'if': {
        const yes = await this.truth(s.test);
        if (yes === undefined) return this.takePending();
        if (yes) return this.exec(s.yes);
        return s.no ? this.exec(s.no) : NORMAL;
      }
      case 'while':
        if (this.isPure(s.test) && this.isSimple(s.body)) return this.fastLoop(s.test, s.body, undefined, false);
        for (;;) {
          const go = await this.truth(s.test);
          if (go === undefined) return this.takePending();
          if (!go) return NORMAL;
          const end = await this.iteration(s.body);
          if (end !== undefined) return end;
        }
      case 'do':
        if (this.isPure(s.test) && this.isSimple(s.body)) return this.fastLoop(s.test, s.body, undefined, true);
        for (;;) {
          const end = await this.iteration(s.body);
          if (end !== undefined) return end;
          const go = await this.truth(s.test);
          if (go === undefined) return this.takePending();
          if (!go) return NORMAL;
        }
      case 'for':
        await this.value(s.init);
        if ((!s.test || this.isPure(s.test)) && this.isSimple(s.body) && this.isPure(s.step)) return this.fastLoop(s.test, s.body, s.step, false);
        for (;;) {
          if (this.pending) return this.takePending();
          if (s.test) {
            const go = await this.truth(s.test);
            if (go === undefined) return this.takePending();
            if (!go) return NORMAL;
          }
          const end = await this.iteration(s.body);
          if (end !== undefined) return end;
          if (this.isPure(s.step)) this.evalSync(s.step);
          else await this.evalAsync(s.step);
        }
      case 'forin': {
        const variable = await this.value(s.variable);
        // The keys as they were when the loop began.
        const keys = this.array(await this.value(s.array)).keys();
        for (const key of keys) {
          this.v.setStr(variable, key);
          const end = await this.iteration(s.body);
          if (end !== undefined) return end;
        }
        return NORMAL;
      }
      case 'exit':
        if (s.code) this.exitCode = toInt(this.v.num(await this.value(s.code))) & 255;
        return EXIT;
      case 'return':
        this.returned = s.value ? await this.value(s.value) : undefined;
        return RETURN;
      case 'delete': {
        const t = s.target;
        this.delete(t, t.k === 'ref' && t.index ? this.v.str(await this.value(t.index)) : undefined);
        return NORMAL;
      }
      default:
        return this.execSync(s);
    }
  }

  private delete(t: Expr, key: string | undefined): void {
    if (t.k !== 'ref') return this.fail('Not an array', t.pos);
    const a = this.array(this.varCell(t.v));
    if (key === undefined) {
      this.charge(-64 * a.size);
      a.clear();
    } else if (a.has(key)) {
      this.charge(-64);
      a.delete(key);
    }
  }

  /** The value of the last `return`, for the function call that is ending. */
  private returned: Cell | undefined;

  /** print's output; each argument is shown as soon as it is evaluated (a later one may change it). */
  private printLine(args: Expr[]): string {
    let line = args.length === 0 ? this.v.str(this.F0) : '';
    for (let i = 0; i < args.length; i++) {
      if (i > 0) line += this.v.str(this.OFS);
      line += this.printed(this.evalSync(args[i]!));
    }
    return line + this.v.str(this.ORS);
  }

  /** A value as print shows it: numbers through OFMT. */
  private printed(c: Cell): string {
    return c.flags & NUMBER ? formatNumber(this.v.str(this.OFMT), this.v.num(c), (m) => this.fail(m)) : this.v.str(c);
  }

  /** print and printf with a redirection or arguments that may wait: output goes out piece by piece. */
  private async print(s: Extract<Stmt, { k: 'print' | 'printf' }>): Promise<void> {
    let out: OutputStream | undefined = this.stdout;
    if (s.redirect) {
      const name = this.v.str(await this.value(s.redirect.dest));
      out = (await this.output(name, s.redirect.mode)).writer;
    }
    const write = async (text: string) => {
      if (out) await out.write(text);
    };
    if (s.k === 'printf') {
      await write(await this.sprintf(s.args));
      return;
    }
    if (s.args.length === 0) await write(this.v.str(this.F0));
    for (let i = 0; i < s.args.length; i++) {
      const c = await this.value(s.args[i]!);
      await write(this.printed(c));
      if (i < s.args.length - 1) await write(this.v.str(this.OFS));
    }
    await write(this.v.str(this.ORS));
  }

  // ---- functions ---------------------------------------------------------------------

  protected async call(e: Extract<Expr, { k: 'call' }>): Promise<Cell> {
    const f = e.fn;
    if (!f.defined) this.fail('Call to undefined function', e.pos);
    const frame: Cell[] = f.params.map(() => new Cell());
    let i = 0;
    for (const a of e.args) {
      const arg = await this.value(a);
      if (i === frame.length) {
        // Extra arguments are evaluated, then (busybox's quirk) cleared.
        this.v.clear(arg);
        continue;
      }
      const p = frame[i++]!;
      this.v.copy(p, arg);
      // Used as an array, a parameter is its argument (arrays pass by reference).
      p.flags |= CHILD;
      p.parent = arg;
    }
    const saved = this.frame;
    const pos = this.pos;
    this.frame = frame;
    this.depth++;
    try {
      if (this.depth > MAX_DEPTH) {
        this.sys.kill(this.sys.pid, SIGSEGV);
        await this.sys.checkpoint();
      }
      // Unwind the JavaScript stack now and then: deep awk recursion must not overflow it.
      if ((this.depth & 31) === 0) await null;
      if (++this.ticks >= SLICE) await this.tick();
      const flow = await this.list(f.body);
      const result = new Cell();
      result.temp = true;
      if (flow === RETURN && this.returned) this.v.copy(result, this.returned);
      else this.v.clear(result);
      this.returned = undefined;
      if (flow === EXIT) throw new Jump(flow);
      if (flow === NEXT || flow === NEXTFILE) this.pending = flow;
      return result;
    } finally {
      this.frame = saved;
      this.pos = pos;
      this.depth--;
    }
  }
}
