/**
 * Terminals and their line discipline (Linux's n_tty).
 *
 * A terminal sits between a screen-and-keyboard (xterm.js in the page, the
 * real terminal under `berth shell`, a `docker attach` stream) and the
 * processes that use it. Keys come in through `input`; what processes write
 * goes out through `onOutput`. In between, the line discipline does what a
 * learner takes for granted:
 * - canonical mode (the default): typing is collected into a line that can be
 *   edited (Backspace, ^U kill line, ^W erase word) and is handed to a reader
 *   only on Enter; ^D on an empty line is end-of-file;
 * - echo: typed characters are shown, control characters as ^C;
 * - signals: ^C sends SIGINT, ^\ SIGQUIT and ^Z SIGTSTP to the foreground
 *   process group;
 * - output: "\n" becomes "\r\n".
 * Full-screen programs (vi, less, the shell's own line editor) switch off
 * canonical mode and echo with tcsetattr and read keys one by one.
 */
import { FsError } from '../fs/errno.ts';
import type { Stat } from '../fs/types.ts';
import { utf8 } from '../common/bytes.ts';
import { OpenFile, syntheticStat, type FileKind, type IoContext, type PollState } from './file.ts';
import { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGWINCH } from './signals.ts';
import type { Termios, Winsize } from './sys.ts';
import { WaitQueue } from './wait.ts';

export function defaultTermios(): Termios {
  return {
    icrnl: true,
    opost: true,
    onlcr: true,
    icanon: true,
    echo: true,
    echoe: true,
    echok: true,
    echoctl: true,
    isig: true,
    iexten: true,
    cc: { VINTR: 3, VQUIT: 28, VERASE: 127, VKILL: 21, VEOF: 4, VSUSP: 26, VWERASE: 23, VLNEXT: 22, VREPRINT: 18, VMIN: 1, VTIME: 0 },
  };
}

const NL = 10;
const CR = 13;
const TAB = 9;
const BS = 8;

export class Tty {
  termios: Termios = defaultTermios();
  winsize: Winsize = { rows: 24, cols: 80 };
  /** The session this is the controlling terminal of. */
  sid = 0;
  /** The foreground process group. */
  fgPgrp = 0;
  /** Bytes ready for readers (completed lines in canonical mode). */
  private ready: number[] = [];
  /** Positions in `ready` where an end-of-file (^D) stands. */
  private eofs: number[] = [];
  /** The line being edited in canonical mode. */
  private line: number[] = [];
  private literalNext = false;
  /** Output column, for erasing tabs and wide echoes. */
  readonly readers = new WaitQueue();
  private output: (bytes: Uint8Array) => void = () => undefined;
  /** Where signals from the keyboard go: the kernel's group-kill. */
  signalGroup: (pgid: number, signal: number) => void = () => undefined;
  /** Set when the screen side has gone away (hang-up): reads return EOF. */
  hungUp = false;

  constructor(
    /** As `tty` prints it: "/dev/pts/0", "/dev/console". */
    readonly name: string,
    readonly rdev: number,
  ) {}

  /**
   * tcsetattr. Leaving canonical mode hands the half-typed line to readers,
   * as Linux's n_tty does: keys typed ahead while a program was between two
   * reads (a shell switching its line editor on) are read in order, not kept
   * back for the next canonical line.
   */
  setTermios(termios: Termios): void {
    const wasCanonical = this.termios.icanon;
    this.termios = termios;
    if (wasCanonical && !termios.icanon && this.line.length > 0) {
      this.ready.push(...this.line);
      this.line = [];
      this.readers.wakeAll();
    }
  }

  /** Connects the screen side. */
  onOutput(write: (bytes: Uint8Array) => void): void {
    this.output = write;
  }

  /** Characters typed at the keyboard. */
  input(bytes: Uint8Array | string): void {
    const data = typeof bytes === 'string' ? utf8(bytes) : bytes;
    const t = this.termios;
    const echoOut: number[] = [];
    for (let c of data) {
      if (this.literalNext) {
        this.literalNext = false;
        this.accept(c, echoOut);
        continue;
      }
      if (t.icrnl && c === CR) c = NL;
      if (t.isig && (c === t.cc.VINTR || c === t.cc.VQUIT || c === t.cc.VSUSP)) {
        const sig = c === t.cc.VINTR ? SIGINT : c === t.cc.VQUIT ? SIGQUIT : SIGTSTP;
        this.line = [];
        this.ready = [];
        this.eofs = [];
        if (t.echo) this.echoChar(c, echoOut);
        this.flushEcho(echoOut);
        if (this.fgPgrp) this.signalGroup(this.fgPgrp, sig);
        continue;
      }
      if (!t.icanon) {
        this.ready.push(c);
        if (t.echo) this.echoChar(c, echoOut);
        continue;
      }
      if (t.iexten && c === t.cc.VLNEXT) {
        this.literalNext = true;
        if (t.echo && t.echoctl) echoOut.push(0x5e, BS);
        continue;
      }
      if (c === t.cc.VERASE || c === BS) {
        this.eraseChar(echoOut);
        continue;
      }
      if (t.iexten && c === t.cc.VWERASE) {
        while (this.line.length > 0 && (this.line[this.line.length - 1] === 0x20 || this.line[this.line.length - 1] === TAB)) this.eraseChar(echoOut);
        while (this.line.length > 0 && this.line[this.line.length - 1] !== 0x20 && this.line[this.line.length - 1] !== TAB) this.eraseChar(echoOut);
        continue;
      }
      if (c === t.cc.VKILL) {
        while (this.line.length > 0) this.eraseChar(echoOut);
        continue;
      }
      if (t.iexten && c === t.cc.VREPRINT) {
        if (t.echo) {
          this.echoChar(c, echoOut);
          echoOut.push(NL, ...this.line);
        }
        continue;
      }
      if (c === t.cc.VEOF) {
        this.ready.push(...this.line);
        this.line = [];
        this.eofs.push(this.ready.length);
        continue;
      }
      this.accept(c, echoOut);
    }
    this.flushEcho(echoOut);
    this.readers.wakeAll();
  }

  private accept(c: number, echoOut: number[]): void {
    if (!this.termios.icanon) {
      this.ready.push(c);
      if (this.termios.echo) this.echoChar(c, echoOut);
      return;
    }
    this.line.push(c);
    if (this.termios.echo || c === NL) this.echoChar(c, echoOut);
    if (c === NL) {
      this.ready.push(...this.line);
      this.line = [];
    }
  }

  private echoChar(c: number, out: number[]): void {
    if (this.termios.echoctl && c < 32 && c !== NL && c !== TAB) out.push(0x5e, c + 0x40);
    else if (this.termios.echoctl && c === 127) out.push(0x5e, 0x3f);
    else out.push(c);
  }

  private eraseChar(out: number[]): void {
    if (this.line.length === 0) return;
    // Remove one whole UTF-8 character.
    let c = this.line.pop()!;
    while (this.line.length > 0 && (c & 0xc0) === 0x80) c = this.line.pop()!;
    if (!this.termios.echo || !this.termios.echoe) return;
    const width = this.termios.echoctl && (c < 32 || c === 127) && c !== TAB ? 2 : 1;
    for (let i = 0; i < width; i++) out.push(BS, 0x20, BS);
  }

  private flushEcho(out: number[]): void {
    if (out.length === 0) return;
    this.emit(Uint8Array.from(out));
    out.length = 0;
  }

  /** Output post-processing (OPOST, ONLCR), then to the screen. */
  emit(data: Uint8Array): void {
    const t = this.termios;
    if (!t.opost || !t.onlcr || !data.includes(NL)) {
      this.output(data);
      return;
    }
    const out: number[] = [];
    for (const c of data) {
      if (c === NL) out.push(CR, NL);
      else out.push(c);
    }
    this.output(Uint8Array.from(out));
  }

  /** Whether a reader would get something now (data, or end-of-file). */
  hasInput(): boolean {
    return this.hasInputData() || this.hungUp;
  }

  hasInputData(): boolean {
    return this.ready.length > 0 || this.eofs.length > 0;
  }

  /** Takes what a read(2) gets: up to `max` bytes, one line at most in canonical mode. */
  take(max: number): Uint8Array {
    if (this.eofs.length > 0 && this.eofs[0] === 0) {
      this.eofs.shift();
      return new Uint8Array(0);
    }
    let n = Math.min(max, this.ready.length);
    if (this.eofs.length > 0) n = Math.min(n, this.eofs[0]!);
    if (this.termios.icanon) {
      const nl = this.ready.indexOf(NL);
      if (nl >= 0 && nl < n) n = nl + 1;
    }
    const out = Uint8Array.from(this.ready.slice(0, n));
    this.ready = this.ready.slice(n);
    this.eofs = this.eofs.map((p) => p - n);
    if (this.eofs[0] === 0 && out.length > 0) {
      // "abc^D": the characters are returned now, the end-of-file marker is used up by this read.
      this.eofs.shift();
    }
    return out;
  }

  resize(size: Winsize): void {
    if (size.rows === this.winsize.rows && size.cols === this.winsize.cols) return;
    this.winsize = { ...size };
    if (this.fgPgrp) this.signalGroup(this.fgPgrp, SIGWINCH);
  }

  hangUp(): void {
    this.hungUp = true;
    this.readers.wakeAll();
  }
}

/** A descriptor open on a terminal. */
export class TtyFile extends OpenFile {
  readonly kind: FileKind = 'tty';

  constructor(
    readonly tty: Tty,
    access: { readable: boolean; writable: boolean },
    private readonly now: () => number,
  ) {
    super(access);
  }

  async read(io: IoContext, max: number): Promise<Uint8Array> {
    this.checkRead();
    const tty = this.tty;
    // A background job that reads the terminal is stopped (SIGTTIN), as job control requires.
    if (tty.sid !== 0 && io.sid === tty.sid && tty.fgPgrp !== 0 && io.pgid !== tty.fgPgrp) {
      io.raiseGroup(io.pgid, SIGTTIN);
    }
    if (!tty.hasInput()) {
      if (this.nonblock) throw new FsError('EAGAIN', 'read');
      await io.block([tty.readers], () => tty.hasInput() && (tty.sid === 0 || io.sid !== tty.sid || tty.fgPgrp === 0 || io.pgid === tty.fgPgrp));
    }
    if (tty.hungUp && !tty.hasInputData()) return new Uint8Array(0);
    return tty.take(max);
  }

  async write(_io: IoContext, data: Uint8Array): Promise<number> {
    this.checkWrite();
    if (this.tty.hungUp) throw new FsError('EIO', 'write');
    this.tty.emit(data);
    return data.length;
  }

  override pollState(): PollState {
    return { in: this.tty.hasInput(), out: true, hup: this.tty.hungUp, queues: [this.tty.readers] };
  }

  stat(): Stat {
    return syntheticStat('char', this.tty.rdev, this.tty.rdev, this.now());
  }

  describe(): string {
    return this.tty.name;
  }
}
