/**
 * awk's machine state: the variables, the record and its fields, the open
 * files. The interpreter (interpreter.ts) runs the program against it.
 *
 * Fields follow busybox exactly: $0 is split lazily, at the first use of a
 * field or NF after it changed; assigning a field or NF rebuilds $0 with
 * OFS; assigning FS splits the current record with the old FS first (the
 * new one applies from the next record, as POSIX says).
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import type { Pos } from './ast.ts';
import { AwkArray } from './array.ts';
import { fromText, toText } from './bytes.ts';
import { ARRAY, CACHED, CHILD, Cell, DIRTY, NUMBER, SPECIAL, USER, Values } from './cell.ts';
import { AwkError, unescape } from './lexer.ts';
import { toInt } from './numbers.ts';
import { compileRegex } from './parser.ts';
import { Regex, RegexError } from './regex.ts';
import { OutputStream, RecordReader, popen, waitStatus, type RecordSep, type Stream } from './streams.ts';
import { formatNumber, splitFields, type Splitter } from './text.ts';

export class Runtime {
  readonly v: Values;
  private readonly globals = new Map<string, Cell>();

  // The built-in variables.
  readonly CONVFMT: Cell;
  readonly OFMT: Cell;
  readonly FS: Cell;
  readonly OFS: Cell;
  readonly ORS: Cell;
  readonly RS: Cell;
  readonly RT: Cell;
  readonly FILENAME: Cell;
  readonly SUBSEP: Cell;
  /** $0 */
  readonly F0: Cell;
  readonly ARGIND: Cell;
  readonly ARGC: Cell;
  readonly ARGV: Cell;
  readonly ERRNO: Cell;
  readonly FNR: Cell;
  readonly NR: Cell;
  readonly NF: Cell;
  readonly IGNORECASE: Cell;
  readonly ENVIRON: Cell;

  /** $1… ($n is fields[n-1]); the array grows in steps and keeps spare cells, as busybox's does. */
  private fields: Cell[] = [];
  nfields = 0;
  private split = false;
  fsplit: Splitter = { kind: 'char', ch: ' ' };
  rsplit: RecordSep = { kind: 'char', ch: '\n' };
  icase = false;

  /** Where the program is: for messages. */
  pos: Pos = { file: 'cmd. line', line: 1 };

  readonly streams = new Map<string, Stream>();
  /** The main input (busybox's iF): the current file operand, or stdin. */
  main: RecordReader | null = null;
  /** Whether a file operand was ever opened (if not, stdin is read). */
  private filesHappened = false;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  private memory = 0;
  private regexCache = new Map<string, { re: Regex; basic: boolean; icase?: Regex }>();

  constructor(readonly sys: Sys) {
    this.v = new Values(
      () => {
        const c = this.CONVFMT;
        // A numeric CONVFMT would format itself forever; busybox crashes, we don't.
        return (c.flags & (NUMBER | CACHED)) === NUMBER ? '%.6g' : this.v.str(c);
      },
      (fmt, n) => formatNumber(fmt, n, (m) => this.fail(m)),
      (bytes) => this.charge(bytes),
    );
    const init = (name: string, value: string | number, special?: (c: Cell) => void): Cell => {
      const c = this.global(name);
      if (typeof value === 'number') this.v.setNum(c, value);
      else this.v.setStr(c, value);
      if (special) {
        c.flags |= SPECIAL;
        c.special = special;
      }
      return c;
    };
    this.CONVFMT = init('CONVFMT', '%.6g');
    this.OFMT = init('OFMT', '%.6g');
    this.FS = init('FS', ' ', () => {
      this.splitRecord();
      this.fsplit = this.splitter(this.v.str(this.FS));
    });
    this.OFS = init('OFS', ' ');
    this.ORS = init('ORS', '\n');
    this.RS = init('RS', '\n', () => {
      this.rsplit = this.recordSep(this.v.str(this.RS));
    });
    this.RT = init('RT', '');
    this.FILENAME = init('FILENAME', '');
    this.SUBSEP = init('SUBSEP', '\x1c');
    this.F0 = init('$', '', () => {
      this.split = false;
    });
    this.ARGIND = init('ARGIND', 0);
    this.ARGC = init('ARGC', 0);
    this.ARGV = init('ARGV', 0);
    this.ERRNO = init('ERRNO', 0);
    this.FNR = init('FNR', 0);
    this.NR = init('NR', 0);
    this.NF = init('NF', 0, () => this.rebuildRecord());
    this.IGNORECASE = init('IGNORECASE', 0, (c) => {
      this.icase = this.v.isTrue(c);
    });
    this.ENVIRON = init('ENVIRON', 0);
    const environ = this.array(this.ENVIRON);
    for (const entry of sys.env) {
      const eq = entry.indexOf('=');
      if (eq >= 0) this.v.setUser(environ.find(fromText(entry.slice(0, eq))), fromText(entry.slice(eq + 1)));
    }
    // As busybox's handle_special(FS) at startup: the empty record is split.
    this.splitRecord();
    this.stdout = new OutputStream(sys, 1, sys.isatty(1));
    this.stderr = new OutputStream(sys, 2, true);
    const stdin = new RecordReader(sys, 0, () => this.flushAll(), (n) => this.charge(n));
    this.streams.set('/dev/stdin', { name: '/dev/stdin', reader: stdin });
    this.streams.set('/dev/stdout', { name: '/dev/stdout', writer: this.stdout });
    this.streams.set('/dev/stderr', { name: '/dev/stderr', writer: this.stderr });
  }

  /** A fatal error: "awk: cmd. line:3: message", exit status 1. */
  fail(message: string, pos: Pos = this.pos): never {
    throw new AwkError(message, `${pos.file}:${pos.line}`);
  }

  /** The global variable of that name, created if new. */
  global(name: string): Cell {
    let c = this.globals.get(name);
    if (!c) {
      c = new Cell();
      this.globals.set(name, c);
    }
    return c;
  }

  /** The array a cell holds (iamarray): a parameter stands for its argument; a scalar becomes an array. */
  array(c: Cell): AwkArray {
    while (c.flags & CHILD && c.parent) c = c.parent;
    if (!(c.flags & ARRAY) || !c.array) {
      c.flags |= ARRAY;
      c.array = new AwkArray(() => {
        this.charge(64);
        return new Cell();
      });
    }
    return c.array;
  }

  /** Memory accounting, settled with the kernel at the next checkpoint. */
  charge(bytes: number): void {
    this.memory += bytes;
  }

  /** Lets the scheduler run other processes (and deliver signals), and settles memory. */
  async checkpoint(): Promise<void> {
    if (this.memory !== 0) {
      const m = this.memory;
      this.memory = 0;
      this.sys.memory(m);
    }
    await this.sys.checkpoint();
  }

  /** `name=value` (a -v option or a file operand): true if it was one. */
  assignment(arg: string): boolean {
    const m = /^[A-Za-z_][A-Za-z0-9_]*=/.exec(arg);
    if (!m) return false;
    this.v.setUser(this.global(m[0].slice(0, -1)), unescape(arg.slice(m[0].length)));
    return true;
  }

  // ---- regular expressions ----------------------------------------------------

  /** FS or split's separator: more than one byte is a regex. */
  splitter(s: string): Splitter {
    if (s.length <= 1) return { kind: 'char', ch: s };
    const lit = compileRegex(s);
    return { kind: 'regex', re: lit.re, icase: () => (lit.icase ??= Regex.compile(s, { icase: true })) };
  }

  private recordSep(s: string): RecordSep {
    if (s === '') return { kind: 'paragraph' };
    if (s.length === 1) return { kind: 'char', ch: s };
    return { kind: 'regex', re: compileRegex(s).re };
  }

  /**
   * A regex from a string (as_regex): an ERE, or — when that does not
   * compile — a BRE, as busybox retries. Compiled patterns are cached.
   */
  dynamicRegex(s: string): Regex {
    let entry = this.regexCache.get(s);
    if (!entry) {
      let re: Regex;
      let basic = false;
      try {
        re = Regex.compile(s);
      } catch (e) {
        if (!(e instanceof RegexError)) throw e;
        basic = true;
        try {
          re = Regex.compile(s, { basic });
        } catch (e2) {
          if (e2 instanceof RegexError) throw new AwkError(`bad regex '${s}': ${e2.message}`, '');
          throw e2;
        }
      }
      entry = { re, basic };
      if (this.regexCache.size > 200) this.regexCache.clear();
      this.regexCache.set(s, entry);
    }
    if (!this.icase) return entry.re;
    entry.icase ??= Regex.compile(s, { icase: true, basic: entry.basic });
    return entry.icase;
  }

  // ---- the record and its fields -------------------------------------------------

  /** Sets $0 from input: a strnum. */
  setRecord(text: string): void {
    this.v.setStr(this.F0, text);
    this.F0.flags |= USER;
  }

  /** $i (i > 0), splitting $0 first if needed. */
  field(i: number): Cell {
    this.splitRecord();
    if (i > this.nfields) this.resizeFields(i);
    return this.fields[i - 1]!;
  }

  /** Splits $0 into fields if it changed since (split_f0). */
  splitRecord(): void {
    if (this.split) return;
    this.split = true;
    this.resizeFields(0);
    const parts = splitFields(this.v.str(this.F0), this.fsplit, this.v.str(this.RS) === '', this.icase);
    this.resizeFields(parts.length);
    for (let i = 0; i < parts.length; i++) {
      const f = this.fields[i]!;
      f.str = parts[i]!;
      f.flags |= USER | DIRTY;
    }
    // NF is set without its side effect (rebuilding $0).
    const nf = this.NF;
    this.v.clear(nf);
    nf.flags = NUMBER | SPECIAL;
    nf.num = this.nfields;
  }

  /** fsrealloc: makes room for `size` fields; fields past it are emptied. */
  private resizeFields(size: number): void {
    if (size > 0xffffff) throw new AwkError('out of memory', '');
    if (size >= this.fields.length) {
      const grown = size + 16;
      this.charge((grown - this.fields.length) * 64);
      for (let i = this.fields.length; i < grown; i++) {
        const c = new Cell();
        c.flags = SPECIAL;
        const index = i;
        // Assigning $n makes NF at least n, which rebuilds $0.
        c.special = () => {
          const n = toInt(this.v.num(this.NF));
          this.v.setNum(this.NF, n > index ? n : index + 1);
        };
        this.fields.push(c);
      }
    }
    for (let i = size; i < this.nfields; i++) this.v.clear(this.fields[i]!);
    this.nfields = size;
  }

  /** After NF (or a field) changed: $0 is the fields joined with OFS. */
  private rebuildRecord(): void {
    const n = toInt(this.v.num(this.NF));
    if (n < 0) this.fail('NF set to negative value');
    this.resizeFields(n);
    const ofs = this.v.str(this.OFS);
    let s = '';
    for (let i = 0; i < n; i++) s += (i > 0 ? ofs : '') + this.v.str(this.fields[i]!);
    this.v.setStr(this.F0, s);
    this.split = true;
  }

  // ---- the main input --------------------------------------------------------------

  /** The next record of the main input; a read error is fatal. */
  async readRecord(reader: RecordReader) {
    try {
      return await reader.next(this.rsplit);
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      return this.fail(strerror(e.code));
    }
  }

  /** The next file operand (next_input_file); var=value operands are assignments. */
  async nextInputFile(): Promise<RecordReader | null> {
    if (this.main) {
      if (this.main.fd !== 0) this.sys.close(this.main.fd);
      this.main.release();
      this.main = null;
    }
    let name: string;
    let fd: number;
    for (;;) {
      if (this.v.num(this.ARGIND) + 1 >= this.v.num(this.ARGC)) {
        if (this.filesHappened) return null;
        name = '-';
        fd = 0;
        break;
      }
      this.v.setNum(this.ARGIND, this.v.num(this.ARGIND) + 1);
      name = this.v.str(this.array(this.ARGV).find(this.v.str(this.ARGIND)));
      if (name !== '' && !this.assignment(name)) {
        try {
          fd = name === '-' ? 0 : this.sys.open(toText(name), 'r');
        } catch (e) {
          if (isProcessControl(e) || !(e instanceof FsError)) throw e;
          throw new AwkError(`${name}: ${strerror(e.code)}`, '');
        }
        break;
      }
    }
    this.filesHappened = true;
    this.v.setStr(this.FILENAME, name);
    return this.reader(fd);
  }

  // ---- files ---------------------------------------------------------------------

  /** Flushes every output (before running a command, reading a terminal, exiting). */
  async flushAll(): Promise<void> {
    for (const s of this.streams.values()) await s.writer?.flush();
  }

  /** The stream print writes to for `> name`, `>> name` or `| name`, opened on first use. */
  async output(name: string, mode: '>' | '>>' | '|'): Promise<Stream> {
    let s = this.streams.get(name);
    if (s) return s;
    const sys = this.sys;
    if (mode === '|') {
      await this.flushAll();
      let p: { pid: number; fd: number };
      try {
        p = await popen(sys, toText(name), 'w');
      } catch (e) {
        if (isProcessControl(e) || !(e instanceof FsError)) throw e;
        throw new AwkError(`popen: ${strerror(e.code)}`, '');
      }
      s = { name, writer: new OutputStream(sys, p.fd, false), pid: p.pid, fd: p.fd };
    } else {
      let fd: number;
      try {
        fd = sys.open(toText(name), mode === '>' ? 'w' : 'a', 0o666);
      } catch (e) {
        if (isProcessControl(e) || !(e instanceof FsError)) throw e;
        throw new AwkError(`can't open '${name}': ${strerror(e.code)}`, '');
      }
      sys.setCloexec(fd, true);
      s = { name, writer: new OutputStream(sys, fd, false), fd };
    }
    this.streams.set(name, s);
    return s;
  }

  /** The stream getline reads for `< name` or `name |`; undefined if it cannot be opened. */
  async input(name: string, command: boolean): Promise<Stream | undefined> {
    let s = this.streams.get(name);
    if (s?.reader || s?.writer) return s;
    const sys = this.sys;
    try {
      if (command) {
        await this.flushAll();
        const p = await popen(sys, toText(name), 'r');
        s = { name, reader: this.reader(p.fd), pid: p.pid, fd: p.fd };
      } else {
        const fd = sys.open(toText(name), 'r');
        sys.setCloexec(fd, true);
        s = { name, reader: this.reader(fd), fd };
      }
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      this.v.setNum(this.ERRNO, e.errno);
      return undefined;
    }
    this.streams.set(name, s);
    return s;
  }

  reader(fd: number): RecordReader {
    return new RecordReader(this.sys, fd, () => this.flushAll(), (n) => this.charge(n));
  }

  /** close(name): 0, or a command's wait status; -1 if closing failed. */
  async close(name: string): Promise<number> {
    const s = this.streams.get(name);
    if (!s) return 0;
    this.streams.delete(name);
    return this.closeStream(s);
  }

  async closeStream(s: Stream): Promise<number> {
    if (s.writer && s.writer !== this.stdout) await s.writer.flush();
    if (s === this.streams.get('/dev/stdout')) await this.stdout.flush();
    s.reader?.release();
    let status = 0;
    if (s.fd !== undefined) {
      try {
        this.sys.close(s.fd);
      } catch (e) {
        if (isProcessControl(e)) throw e;
        status = -1;
      }
    }
    if (s.pid !== undefined) {
      // Our output first, then the command's (pclose waits for it).
      await this.stdout.flush();
      status = waitStatus(await this.sys.waitpid(s.pid));
    }
    return status;
  }

  /** At exit: flush everything and wait for the commands we print to. */
  async closeAll(): Promise<void> {
    await this.flushAll();
    for (const s of [...this.streams.values()]) {
      if (s.pid !== undefined) await this.closeStream(s);
    }
  }
}
