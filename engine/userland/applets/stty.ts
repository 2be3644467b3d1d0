/**
 * stty [-a|g] [-F DEVICE] [SETTING]...: show or change the terminal's
 * settings (termios) — `stty -echo`, `stty raw`, `stty sane`, `stty size`.
 * Output is busybox's: without arguments the speed, the control characters
 * and the flags that differ from `stty sane`; -a everything; -g a line that
 * `stty` accepts back. See lib/system-termios.ts for which flags the
 * emulated terminal acts on.
 */
import { FsError, strerror } from '../../fs/errno.ts';

import { applet, fail, type AppletContext } from '../lib/applet.ts';
import { xatou, xatoulRangeSfx } from '../lib/system-format.ts';
import { BAUDS, C, I, L, NCCS, O, V, fromLinux, ptyDefaults, sameTermios, toLinux, type LinuxTermios, type TermiosWithLinux } from '../lib/system-termios.ts';

type Kind = 'combination' | 'control' | 'input' | 'output' | 'local';
const SANE_SET = 1;
const SANE_UNSET = 2;
const REV = 4;
const OMIT = 8;

interface Mode {
  name: string;
  type: Kind;
  flags: number;
  bits: number;
  mask: number;
}

const m = (name: string, type: Kind, flags: number, bits = 0, mask = 0): Mode => ({ name, type, flags, bits, mask });

/** busybox's mode table, in its order (which is the display order). */
const MODES: Mode[] = [
  m('evenp', 'combination', REV | OMIT),
  m('parity', 'combination', REV | OMIT),
  m('oddp', 'combination', REV | OMIT),
  m('nl', 'combination', REV | OMIT),
  m('ek', 'combination', OMIT),
  m('sane', 'combination', OMIT),
  m('cooked', 'combination', REV | OMIT),
  m('raw', 'combination', REV | OMIT),
  m('pass8', 'combination', REV | OMIT),
  m('litout', 'combination', REV | OMIT),
  m('cbreak', 'combination', REV | OMIT),
  m('crt', 'combination', OMIT),
  m('dec', 'combination', OMIT),
  m('decctlq', 'combination', REV | OMIT),
  m('tabs', 'combination', REV | OMIT),
  m('lcase', 'combination', REV | OMIT),
  m('LCASE', 'combination', REV | OMIT),
  m('parenb', 'control', REV, C.PARENB),
  m('parodd', 'control', REV, C.PARODD),
  m('cmspar', 'control', REV, C.CMSPAR),
  m('cs5', 'control', 0, C.CS5, C.CSIZE),
  m('cs6', 'control', 0, C.CS6, C.CSIZE),
  m('cs7', 'control', 0, C.CS7, C.CSIZE),
  m('cs8', 'control', 0, C.CS8, C.CSIZE),
  m('hupcl', 'control', REV, C.HUPCL),
  m('hup', 'control', REV | OMIT, C.HUPCL),
  m('cstopb', 'control', REV, C.CSTOPB),
  m('cread', 'control', SANE_SET | REV, C.CREAD),
  m('clocal', 'control', REV, C.CLOCAL),
  m('crtscts', 'control', REV, C.CRTSCTS),
  m('ignbrk', 'input', SANE_UNSET | REV, I.IGNBRK),
  m('brkint', 'input', SANE_SET | REV, I.BRKINT),
  m('ignpar', 'input', REV, I.IGNPAR),
  m('parmrk', 'input', REV, I.PARMRK),
  m('inpck', 'input', REV, I.INPCK),
  m('istrip', 'input', REV, I.ISTRIP),
  m('inlcr', 'input', SANE_UNSET | REV, I.INLCR),
  m('igncr', 'input', SANE_UNSET | REV, I.IGNCR),
  m('icrnl', 'input', SANE_SET | REV, I.ICRNL),
  m('ixon', 'input', REV, I.IXON),
  m('ixoff', 'input', SANE_UNSET | REV, I.IXOFF),
  m('tandem', 'input', OMIT | REV, I.IXOFF),
  m('iuclc', 'input', SANE_UNSET | REV, I.IUCLC),
  m('ixany', 'input', SANE_UNSET | REV, I.IXANY),
  m('imaxbel', 'input', SANE_SET | REV, I.IMAXBEL),
  m('iutf8', 'input', SANE_UNSET | REV, I.IUTF8),
  m('opost', 'output', SANE_SET | REV, O.OPOST),
  m('olcuc', 'output', SANE_UNSET | REV, O.OLCUC),
  m('ocrnl', 'output', SANE_UNSET | REV, O.OCRNL),
  m('onlcr', 'output', SANE_SET | REV, O.ONLCR),
  m('onocr', 'output', SANE_UNSET | REV, O.ONOCR),
  m('onlret', 'output', SANE_UNSET | REV, O.ONLRET),
  m('ofill', 'output', SANE_UNSET | REV, O.OFILL),
  m('ofdel', 'output', SANE_UNSET | REV, O.OFDEL),
  m('nl1', 'output', SANE_UNSET, O.NL1, O.NLDLY),
  m('nl0', 'output', SANE_SET, 0, O.NLDLY),
  m('cr3', 'output', SANE_UNSET, O.CR3, O.CRDLY),
  m('cr2', 'output', SANE_UNSET, O.CR2, O.CRDLY),
  m('cr1', 'output', SANE_UNSET, O.CR1, O.CRDLY),
  m('cr0', 'output', SANE_SET, 0, O.CRDLY),
  m('tab3', 'output', SANE_UNSET, O.TAB3, O.TABDLY),
  m('tab2', 'output', SANE_UNSET, O.TAB2, O.TABDLY),
  m('tab1', 'output', SANE_UNSET, O.TAB1, O.TABDLY),
  m('tab0', 'output', SANE_SET, 0, O.TABDLY),
  m('bs1', 'output', SANE_UNSET, O.BS1, O.BSDLY),
  m('bs0', 'output', SANE_SET, 0, O.BSDLY),
  m('vt1', 'output', SANE_UNSET, O.VT1, O.VTDLY),
  m('vt0', 'output', SANE_SET, 0, O.VTDLY),
  m('ff1', 'output', SANE_UNSET, O.FF1, O.FFDLY),
  m('ff0', 'output', SANE_SET, 0, O.FFDLY),
  m('isig', 'local', SANE_SET | REV, L.ISIG),
  m('icanon', 'local', SANE_SET | REV, L.ICANON),
  m('iexten', 'local', SANE_SET | REV, L.IEXTEN),
  m('echo', 'local', SANE_SET | REV, L.ECHO),
  m('echoe', 'local', SANE_SET | REV, L.ECHOE),
  m('crterase', 'local', OMIT | REV, L.ECHOE),
  m('echok', 'local', SANE_SET | REV, L.ECHOK),
  m('echonl', 'local', SANE_UNSET | REV, L.ECHONL),
  m('noflsh', 'local', SANE_UNSET | REV, L.NOFLSH),
  m('xcase', 'local', SANE_UNSET | REV, L.XCASE),
  m('tostop', 'local', SANE_UNSET | REV, L.TOSTOP),
  m('echoprt', 'local', SANE_UNSET | REV, L.ECHOPRT),
  m('prterase', 'local', OMIT | REV, L.ECHOPRT),
  m('echoctl', 'local', SANE_SET | REV, L.ECHOCTL),
  m('ctlecho', 'local', OMIT | REV, L.ECHOCTL),
  m('echoke', 'local', SANE_SET | REV, L.ECHOKE),
  m('crtkill', 'local', OMIT | REV, L.ECHOKE),
  m('flusho', 'local', SANE_UNSET | REV, L.FLUSHO),
  m('extproc', 'local', SANE_UNSET | REV, L.EXTPROC),
];

/** Control characters: name, c_cc index, value for `stty sane`. */
const CONTROLS: [string, number, number][] = [
  ['intr', V.INTR, 3],
  ['quit', V.QUIT, 28],
  ['erase', V.ERASE, 127],
  ['kill', V.KILL, 21],
  ['eof', V.EOF, 4],
  ['eol', V.EOL, 0],
  ['eol2', V.EOL2, 0],
  ['swtch', V.SWTC, 0],
  ['start', V.START, 17],
  ['stop', V.STOP, 19],
  ['susp', V.SUSP, 26],
  ['rprnt', V.REPRINT, 18],
  ['werase', V.WERASE, 23],
  ['lnext', V.LNEXT, 22],
  ['flush', V.DISCARD, 15],
  ['min', V.MIN, 1],
  ['time', V.TIME, 0],
];

const PARAMS = ['line', 'rows', 'cols', 'columns', 'size', 'speed', 'ispeed', 'ospeed'];
const NEEDS_ARG = new Set(['line', 'rows', 'cols', 'columns', 'ispeed', 'ospeed']);
const SUFFIXES = { b: 512, k: 1024, B: 1024 };

const u32 = (x: number) => x >>> 0;
const findMode = (name: string) => MODES.find((x) => x.name === name);
const findControl = (name: string) => CONTROLS.find((x) => x[0] === name);
const field = (t: LinuxTermios, type: Kind): 'iflag' | 'oflag' | 'cflag' | 'lflag' | undefined =>
  type === 'control' ? 'cflag' : type === 'input' ? 'iflag' : type === 'output' ? 'oflag' : type === 'local' ? 'lflag' : undefined;

const baudCode = (value: number) => BAUDS.find(([v]) => v === value)?.[1];
const baudValue = (t: LinuxTermios) => BAUDS.find(([, code]) => code === (t.cflag & C.CBAUD))?.[0] ?? 0;

function setSpeed(t: LinuxTermios, arg: string): void {
  const code = baudCode(xatou(arg));
  // cfsetospeed refuses a value that is no speed; busybox does not check
  if (code !== undefined) t.cflag = u32((t.cflag & ~C.CBAUD) | code);
}

function controlValue(name: string, arg: string): number {
  if (name === 'min' || name === 'time') return xatoulRangeSfx(arg, 0, 0xff, SUFFIXES);
  if (arg.length <= 1) return arg.length === 0 ? 0 : arg.charCodeAt(0) & 0xff;
  if (arg === '^-' || arg === 'undef') return 0;
  if (arg[0] === '^') return arg[1] === '?' ? 127 : arg.charCodeAt(1) & 0x1f;
  return xatoulRangeSfx(arg, 0, 0xff, SUFFIXES);
}

function recoverMode(arg: string, t: LinuxTermios): boolean {
  const parts = arg.split(':');
  if (parts.length !== 4 + NCCS || !parts.every((p) => /^[0-9a-fA-F]+$/.test(p))) return false;
  const n = parts.map((p) => parseInt(p, 16));
  t.iflag = u32(n[0]!);
  t.oflag = u32(n[1]!);
  t.cflag = u32(n[2]!);
  t.lflag = u32(n[3]!);
  t.cc = n.slice(4).map((v) => v & 0xff);
  return true;
}

function saneMode(t: LinuxTermios): void {
  for (const [, index, sane] of CONTROLS) t.cc[index] = sane;
  for (const md of MODES) {
    const f = field(t, md.type);
    if (!f) continue;
    const val = u32(t[f] & ~md.mask);
    if (md.flags & SANE_SET) t[f] = u32(val | md.bits);
    else if (md.flags & SANE_UNSET) t[f] = u32(val & ~md.bits);
  }
}

function setMode(md: Mode, reversed: boolean, t: LinuxTermios): void {
  const f = field(t, md.type);
  if (f) {
    const val = u32(t[f] & ~md.mask);
    t[f] = u32(reversed ? val & ~md.bits : val | md.bits);
    return;
  }
  const cs = (extra: number, clear: number) => (t.cflag = u32((t.cflag & ~clear & ~C.CSIZE) | extra));
  switch (md.name) {
    case 'evenp':
    case 'parity':
      if (reversed) cs(C.CS8, C.PARENB);
      else cs(C.PARENB | C.CS7, C.PARODD);
      break;
    case 'oddp':
      if (reversed) cs(C.CS8, C.PARENB);
      else cs(C.CS7 | C.PARODD | C.PARENB, 0);
      break;
    case 'nl':
      if (reversed) {
        t.iflag = u32((t.iflag | I.ICRNL) & ~I.INLCR & ~I.IGNCR);
        t.oflag = u32((t.oflag | O.ONLCR) & ~O.OCRNL & ~O.ONLRET);
      } else {
        t.iflag = u32(t.iflag & ~I.ICRNL);
        t.oflag = u32(t.oflag & ~O.ONLCR);
      }
      break;
    case 'ek':
      t.cc[V.ERASE] = 127;
      t.cc[V.KILL] = 21;
      break;
    case 'sane':
      saneMode(t);
      break;
    case 'cbreak':
      t.lflag = u32(reversed ? t.lflag | L.ICANON : t.lflag & ~L.ICANON);
      break;
    case 'pass8':
      if (reversed) {
        cs(C.CS7 | C.PARENB, 0);
        t.iflag = u32(t.iflag | I.ISTRIP);
      } else {
        cs(C.CS8, C.PARENB);
        t.iflag = u32(t.iflag & ~I.ISTRIP);
      }
      break;
    case 'litout':
      if (reversed) {
        cs(C.CS7 | C.PARENB, 0);
        t.iflag = u32(t.iflag | I.ISTRIP);
        t.oflag = u32(t.oflag | O.OPOST);
      } else {
        cs(C.CS8, C.PARENB);
        t.iflag = u32(t.iflag & ~I.ISTRIP);
        t.oflag = u32(t.oflag & ~O.OPOST);
      }
      break;
    case 'raw':
    case 'cooked':
      if ((md.name === 'raw' && reversed) || (md.name === 'cooked' && !reversed)) {
        t.iflag = u32(t.iflag | I.BRKINT | I.IGNPAR | I.ISTRIP | I.ICRNL | I.IXON);
        t.oflag = u32(t.oflag | O.OPOST);
        t.lflag = u32(t.lflag | L.ISIG | L.ICANON);
      } else {
        t.iflag = 0;
        t.oflag = u32(t.oflag & ~O.OPOST);
        t.lflag = u32(t.lflag & ~(L.ISIG | L.ICANON | L.XCASE));
        t.cc[V.MIN] = 1;
        t.cc[V.TIME] = 0;
      }
      break;
    case 'decctlq':
      t.iflag = u32(reversed ? t.iflag | I.IXANY : t.iflag & ~I.IXANY);
      break;
    case 'tabs':
      t.oflag = u32((t.oflag & ~O.TABDLY) | (reversed ? O.TAB3 : 0));
      break;
    case 'lcase':
    case 'LCASE':
      if (reversed) {
        t.lflag = u32(t.lflag & ~L.XCASE);
        t.iflag = u32(t.iflag & ~I.IUCLC);
        t.oflag = u32(t.oflag & ~O.OLCUC);
      } else {
        t.lflag = u32(t.lflag | L.XCASE);
        t.iflag = u32(t.iflag | I.IUCLC);
        t.oflag = u32(t.oflag | O.OLCUC);
      }
      break;
    case 'crt':
      t.lflag = u32(t.lflag | L.ECHOE | L.ECHOCTL | L.ECHOKE);
      break;
    case 'dec':
      t.cc[V.INTR] = 3;
      t.cc[V.ERASE] = 127;
      t.cc[V.KILL] = 21;
      t.lflag = u32(t.lflag | L.ECHOE | L.ECHOCTL | L.ECHOKE);
      t.iflag = u32(t.iflag & ~I.IXANY);
      break;
  }
}

/** busybox's visible(): ^C, ^?, M-x. */
function visible(ch: number): string {
  let s = '';
  if (ch >= 128) {
    ch -= 128;
    s += 'M-';
  }
  if (ch < 32 || ch === 127) return s + '^' + String.fromCharCode(ch ^ 0x40);
  return s + String.fromCharCode(ch);
}

/** Output that wraps at the screen's width, as stty's wrapf does. */
class Wrapper {
  text = '';
  private col = 0;
  constructor(private readonly max: number) {}
  put(msg: string): void {
    if (msg === '') return;
    if (this.col > 0) {
      this.col++;
      if (msg[0] !== '\n') {
        if (this.col + msg.length >= this.max) {
          this.col = 0;
          this.text += '\n';
        } else this.text += ' ';
      }
    }
    this.text += msg;
    this.col += msg.length;
    if (msg.endsWith('\n')) this.col = 0;
  }
  newline(): void {
    if (this.col !== 0) this.put('\n');
  }
}

/**
 * get_terminal_width_height: the size, LINES/COLUMNS overriding, 24×80 when
 * unknown. `error` is set when the terminal gave none: the errno text, or ''
 * where the call succeeded with 0 rows (errno then says nothing).
 */
function terminalSize(ctx: AppletContext, fd: number): { rows: number; cols: number; error?: string } {
  let rows = 0;
  let cols = 0;
  let error: string | undefined;
  try {
    const w = ctx.sys.getWinsize(fd);
    rows = w.rows;
    cols = w.cols;
    if (rows === 0) error = '';
  } catch (err) {
    if (!(err instanceof FsError)) throw err;
    error = strerror(err.code);
  }
  const pick = (value: number, def: number, env: string) => {
    const s = ctx.getenv(env);
    if (s !== undefined) {
      value = parseInt(s, 10) || 0;
      error = undefined;
    }
    return value <= 1 || value >= 30000 ? def : value;
  };
  rows = pick(rows, 24, 'LINES');
  cols = pick(cols, 80, 'COLUMNS');
  return { rows, cols, error };
}

/** bb_perror_msg: "stty: what: Error text", or just "stty: what" when errno was 0. */
const perror = (ctx: AppletContext, what: string, error: string) => `${ctx.name}: ${what}${error ? ': ' + error : ''}\n`;

function display(t: LinuxTermios, all: boolean, w: Wrapper, size: () => string | undefined): void {
  w.put(`speed ${baudValue(t)} baud;`);
  if (all) {
    const s = size();
    if (s) w.put(s);
  }
  w.put(`line = ${t.line};\n`);
  for (const [name, index] of CONTROLS.slice(0, -2)) {
    const ch = t.cc[index] ?? 0;
    w.put(`${name} = ${ch === 0 ? '<undef>' : visible(ch)};`);
  }
  w.put(`min = ${t.cc[V.MIN]}; time = ${t.cc[V.TIME]};`);
  w.newline();
  let prev: Kind = 'control';
  for (const md of MODES) {
    if (md.flags & OMIT) continue;
    if (md.type !== prev) {
      w.newline();
      prev = md.type;
    }
    const f = field(t, md.type)!;
    const mask = md.mask || md.bits;
    if (u32(t[f] & mask) === u32(md.bits)) {
      if (all || md.flags & SANE_UNSET) w.put(md.name);
    } else if ((all && md.flags & REV) || (!all && (md.flags & (SANE_SET | REV)) === (SANE_SET | REV))) {
      w.put('-' + md.name);
    }
  }
  w.newline();
}

function recoverable(t: LinuxTermios): string {
  const hex = (n: number) => (n >>> 0).toString(16);
  return [t.iflag, t.oflag, t.cflag, t.lflag].map(hex).join(':') + t.cc.slice(0, NCCS).map((c) => ':' + hex(c)).join('') + '\n';
}

/** The body of stty, also run by `reset` (as `stty sane`). */
export async function runStty(ctx: AppletContext, argv: string[]): Promise<number> {
  const { sys, out, err } = ctx;
  const args = [...argv];
  let noargs = true;
  let verbose = false;
  let recover = false;
  let fileName: string | undefined;
  const invalid = (arg: string) => fail(`invalid argument '${arg}'`);
  const requires = (arg: string) => fail(`${arg} requires an argument`);
  const scratch = ptyDefaults();

  // First pass: check everything before changing anything.
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]!;
    const next = args[k + 1];
    if (arg[0] === '-') {
      const md = findMode(arg.slice(1));
      if (md) {
        if (!(md.flags & REV)) invalid(arg);
        noargs = false;
        continue;
      }
      for (let i = 1; i < arg.length; i++) {
        const c = arg[i];
        if (c === 'a') verbose = true;
        else if (c === 'g') recover = true;
        else if (c === 'F') {
          if (fileName !== undefined) fail('only one device may be specified');
          fileName = arg.slice(i + 1);
          if (fileName === '') {
            if (next === undefined) requires('-F');
            fileName = next;
            args.splice(k + 1, 1);
          }
          break;
        } else invalid(arg);
      }
      continue;
    }
    if (findMode(arg)) {
      noargs = false;
      continue;
    }
    const cp = findControl(arg);
    if (cp) {
      if (next === undefined) requires(arg);
      controlValue(cp[0], next!);
      noargs = false;
      k++;
      continue;
    }
    const param = PARAMS.includes(arg) ? arg : undefined;
    if (param && NEEDS_ARG.has(param)) {
      if (next === undefined) requires(arg);
      k++;
    }
    switch (param) {
      case 'line':
      case 'rows':
      case 'cols':
      case 'columns':
        xatoulRangeSfx(next!, 1, 2147483647, SUFFIXES);
        break;
      case 'size':
      case 'speed':
        break;
      case 'ispeed':
      case 'ospeed':
        setSpeed(scratch, next!);
        break;
      default:
        if (recoverMode(arg, scratch)) break;
        if (baudCode(xatou(arg)) !== undefined) break;
        invalid(arg);
    }
    noargs = false;
  }
  if (verbose && recover) fail('-a and -g are mutually exclusive');
  if ((verbose || recover) && !noargs) fail('modes may not be set when -a or -g is used');

  let fd = 0;
  const device = fileName ?? 'standard input';
  if (fileName !== undefined) {
    try {
      fd = sys.open(fileName, { read: true, write: false, nonblock: true, noctty: true });
    } catch (e) {
      if (e instanceof FsError) fail(`can't open '${fileName}': ${strerror(e.code)}`);
      throw e;
    }
  }
  const failOnDevice = (e: unknown): never => {
    if (e instanceof FsError) return fail(`${device}: ${strerror(e.code)}`);
    throw e;
  };
  let kernel: TermiosWithLinux;
  try {
    kernel = sys.tcgetattr(fd);
  } catch (e) {
    return failOnDevice(e);
  }
  const mode = toLinux(kernel);

  if (verbose || recover || noargs) {
    if (recover) {
      await out.write(recoverable(mode));
      return 0;
    }
    const w = new Wrapper(terminalSize(ctx, 1).cols);
    const messages: string[] = [];
    display(mode, verbose, w, () => {
      const s = terminalSize(ctx, fd);
      if (s.error !== undefined) {
        if (s.error !== strerror('EINVAL')) messages.push(perror(ctx, device, s.error));
        return undefined;
      }
      return `rows ${s.rows}; columns ${s.cols};`;
    });
    for (const msg of messages) await err.write(msg);
    await out.write(w.text);
    return 0;
  }

  // Second pass: do it.
  let changed = false;
  const w = new Wrapper(80);
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]!;
    const next = args[k + 1];
    if (arg[0] === '-') {
      const md = findMode(arg.slice(1));
      if (md) {
        setMode(md, true, mode);
        changed = true;
      }
      continue;
    }
    const md = findMode(arg);
    if (md) {
      setMode(md, false, mode);
      changed = true;
      continue;
    }
    const cp = findControl(arg);
    if (cp) {
      k++;
      mode.cc[cp[1]] = controlValue(cp[0], next!);
      changed = true;
      continue;
    }
    const param = PARAMS.includes(arg) ? arg : undefined;
    if (param && NEEDS_ARG.has(param)) k++;
    switch (param) {
      case 'line':
        mode.line = xatoulRangeSfx(next!, 0, 2 ** 53, SUFFIXES) & 0xff;
        changed = true;
        break;
      case 'rows':
      case 'cols':
      case 'columns':
        try {
          // TIOCGWINSZ, change one field, TIOCSWINSZ (the foreground job gets SIGWINCH).
          const size = sys.getWinsize(fd);
          const value = xatoulRangeSfx(next!, 1, 2147483647, SUFFIXES);
          sys.setWinsize(fd, param === 'rows' ? { ...size, rows: value } : { ...size, cols: value });
        } catch (e) {
          failOnDevice(e);
        }
        break;
      case 'size': {
        const s = terminalSize(ctx, fd);
        if (s.error === undefined) w.put(`${s.rows} ${s.cols}\n`);
        else if (s.error !== strerror('EINVAL')) await err.write(perror(ctx, device, s.error));
        else await err.write(perror(ctx, `${device}: no size information for this device`, s.error));
        break;
      }
      case 'speed':
        w.put(`${baudValue(mode)}\n`);
        break;
      case 'ispeed':
      case 'ospeed':
        setSpeed(mode, next!);
        changed = true;
        break;
      default:
        if (!recoverMode(arg, mode)) setSpeed(mode, arg);
        changed = true;
    }
    await out.write(w.text);
    w.text = '';
  }
  if (changed) {
    try {
      sys.tcsetattr(fd, fromLinux(mode, kernel));
      if (!sameTermios(toLinux(sys.tcgetattr(fd)), mode)) fail(`${device}: cannot perform all requested operations`);
    } catch (e) {
      failOnDevice(e);
    }
  }
  return 0;
}

export default applet(
  'Usage: stty [-a|g] [-F DEVICE] [SETTING]...\n\nWithout arguments, prints baud rate, line discipline,\nand deviations from stty sane\n\n\t-F DEVICE\tOpen device instead of stdin\n\t-a\t\tPrint all current settings in human-readable form\n\t-g\t\tPrint in stty-readable form\n\t[SETTING]\tSee manpage',
  (ctx) => runStty(ctx, ctx.args),
);
