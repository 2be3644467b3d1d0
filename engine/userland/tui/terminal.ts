/**
 * The terminal as a full-screen program holds it: raw mode on, keys coming
 * in one by one, the window size, and signals that must not leave the
 * terminal in raw mode behind them.
 *
 *     return withTerminal(sys, { raw: RAW_VI }, async (term) => {
 *       for (;;) {
 *         const key = await term.key();
 *         if (key === KEY.RESIZE) redraw(term.size());
 *         …
 *       }
 *     });
 *
 * `withTerminal` puts the saved modes back however the body ends: a return,
 * an exception, or a fatal signal (SIGTERM, SIGHUP, SIGINT where ^C is not
 * a key…). For a fatal signal it restores the terminal at once, lets the
 * program clean its screen, and then dies of that signal, so the parent sees
 * the status it expects (143 for SIGTERM). Only SIGKILL, which nothing can
 * catch, leaves the terminal raw, exactly as on Linux.
 */
import { FsError } from '../../fs/errno.ts';
import { SIGALRM, SIGHUP, SIGINT, SIGPIPE, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP, SIGTTOU, SIGWINCH } from '../../kernel/signals.ts';
import { isProcessControl, type SignalHandler, type Sys, type Termios } from '../../kernel/sys.ts';
import { decodeKey, KEY } from './keys.ts';
import { encodeText } from './text.ts';

/** Which of the usual terminal behaviours stay on in raw mode. */
export interface RawMode {
  /** ^C, ^\ and ^Z still send signals. */
  isig: boolean;
  /** Enter still arrives as "\n" (ICRNL). */
  icrnl: boolean;
  /** "\n" written still starts the next line (ONLCR). */
  onlcr: boolean;
}

/** busybox vi (TERMIOS_RAW_CRNL): signals on, CR and NL untranslated both ways. */
export const RAW_VI: RawMode = { isig: true, icrnl: false, onlcr: false };
/** busybox less (TERMIOS_RAW_CRNL_INPUT): signals on, Enter is "\r", output keeps ONLCR. */
export const RAW_LESS: RawMode = { isig: true, icrnl: false, onlcr: true };
/** busybox more: only canonical mode and echo off. */
export const RAW_MORE: RawMode = { isig: true, icrnl: true, onlcr: true };
/** nano (ncurses raw()): every key, ^C and ^Z included, comes to the program. */
export const RAW_NANO: RawMode = { isig: false, icrnl: false, onlcr: false };

export interface TerminalOptions {
  /** Where keys come from (default 0) and where the screen goes (default 1). */
  input?: number;
  output?: number;
  raw: RawMode;
  /** Escape plus a character is one Alt key (nano). */
  altKeys?: boolean;
  /** SIGINT (^C) arrives as KEY.INTERRUPT instead of ending the program (vi). */
  interruptKey?: boolean;
}

/** Signals that end a pager or editor, after it has put the terminal back (busybox's BB_FATAL_SIGS). */
const FATAL = [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, 10 /* USR1 */, 12 /* USR2 */];

/** Thrown by Terminal.key() when a fatal signal arrived; withTerminal turns it into death by that signal. */
export class TerminalSignal extends Error {
  constructor(readonly signal: number) {
    super(`signal ${signal}`);
  }
}

export interface Size {
  rows: number;
  cols: number;
}

/**
 * The window size, as busybox's get_terminal_width_height works it out:
 * the terminal's own size, overridden by $LINES and $COLUMNS when set,
 * 24x80 when nothing is known. `known` is false when the size is a guess.
 */
export function terminalSize(sys: Sys, fd: number): Size & { known: boolean } {
  let rows = 0;
  let cols = 0;
  let known = true;
  try {
    ({ rows, cols } = sys.getWinsize(fd));
    if (rows === 0) known = false;
  } catch (err) {
    if (isProcessControl(err)) throw err;
    known = false;
  }
  const env = (name: string) => {
    const prefix = name + '=';
    for (let i = sys.env.length - 1; i >= 0; i--) if (sys.env[i]!.startsWith(prefix)) return sys.env[i]!.slice(prefix.length);
    return undefined;
  };
  const pick = (value: number, fallback: number, name: string) => {
    const s = env(name);
    if (s !== undefined) {
      value = parseInt(s, 10) || 0;
      known = true;
    }
    return value <= 1 || value >= 30000 ? fallback : value;
  };
  rows = pick(rows, 24, 'LINES');
  cols = pick(cols, 80, 'COLUMNS');
  return { rows, cols, known };
}

export class Terminal {
  readonly input: number;
  readonly output: number;
  /** Whether the input is a terminal at all (vi also reads commands from a pipe). */
  readonly isTty: boolean;
  private saved: Termios | null = null;
  private rawOn = false;
  private readonly previous = new Map<number, SignalHandler>();
  private bytes: number[] = [];
  private out: string[] = [];
  private eof = false;
  private resized = false;
  private interrupted = false;
  private suspendAsked = false;
  private fatal = 0;

  constructor(
    readonly sys: Sys,
    readonly options: TerminalOptions,
  ) {
    this.input = options.input ?? 0;
    this.output = options.output ?? 1;
    this.isTty = sys.isatty(this.input);
    if (this.isTty) this.saved = sys.tcgetattr(this.input);
    this.catchSignals();
    this.enterRaw();
  }

  /** Switches raw mode on (again, after a suspend or a shell escape). */
  enterRaw(): void {
    if (!this.saved) return;
    const t = this.saved;
    const r = this.options.raw;
    this.sys.tcsetattr(this.input, {
      ...t,
      icanon: false,
      echo: false,
      isig: r.isig && t.isig,
      icrnl: r.icrnl && t.icrnl,
      onlcr: r.onlcr && t.onlcr,
      cc: { ...t.cc, VMIN: 1, VTIME: 0 },
    });
    this.rawOn = true;
  }

  /** Puts the modes back as they were before the program started. Safe to call twice, and after the fds are gone. */
  leaveRaw(): void {
    if (!this.saved || !this.rawOn) return;
    this.rawOn = false;
    try {
      this.sys.tcsetattr(this.input, this.saved);
    } catch (err) {
      if (!(err instanceof FsError)) throw err;
    }
  }

  private catchSignals(): void {
    const on = (sig: number, handler: SignalHandler) => {
      const old = this.sys.signal(sig, handler);
      if (!this.previous.has(sig)) this.previous.set(sig, old);
    };
    for (const sig of FATAL) {
      if (sig === SIGINT && this.options.interruptKey) continue;
      // A signal the parent told us to ignore stays ignored (nohup, background jobs).
      on(sig, (s) => {
        this.leaveRaw();
        this.fatal ||= s;
      });
      if (this.previous.get(sig) === 'ignore') this.sys.signal(sig, 'ignore');
    }
    on(SIGWINCH, () => void (this.resized = true));
    if (this.options.interruptKey) on(SIGINT, () => void (this.interrupted = true));
    if (this.options.raw.isig) on(SIGTSTP, () => void (this.suspendAsked = true));
  }

  /** Undoes everything: modes and signal handlers. */
  close(): void {
    this.leaveRaw();
    for (const [sig, old] of this.previous) {
      try {
        this.sys.signal(sig, old);
      } catch (err) {
        if (!(err instanceof FsError)) throw err;
      }
    }
    this.previous.clear();
  }

  /** The size of the terminal keys come from (busybox asks stdin's; a pipe has none). */
  size(): Size & { known: boolean } {
    return terminalSize(this.sys, this.input);
  }

  // ---- output ------------------------------------------------------------

  write(text: string): void {
    this.out.push(text);
  }

  async flush(): Promise<void> {
    if (this.out.length === 0) return;
    const text = this.out.join('');
    this.out = [];
    await this.sys.write(this.output, encodeText(text));
  }

  // ---- input -------------------------------------------------------------

  /** Whether keys are already waiting (a paste, or typing ahead): a program may skip redrawing until they are used. */
  hasInput(): boolean {
    return this.bytes.length > 0;
  }

  /** The next key, or one of the events KEY.RESIZE, KEY.INTERRUPT, KEY.SUSPEND; KEY.EOF when input has ended. */
  async key(): Promise<number> {
    for (;;) {
      const event = this.event();
      if (event !== null) return event;
      if (this.bytes.length > 0) {
        const d = decodeKey(this.bytes, { altKeys: this.options.altKeys, final: this.eof });
        if (d !== 'more') {
          this.bytes.splice(0, d.used);
          if (d.key === null) continue;
          return d.key;
        }
      }
      if (this.eof) {
        if (this.bytes.length === 0) return KEY.EOF;
        this.bytes = [];
        continue;
      }
      await this.fill();
    }
  }

  /** Reads what the input has (blocking until something arrives, a signal, or end of input). */
  private async fill(): Promise<void> {
    try {
      const chunk = await this.sys.read(this.input, 4096);
      if (chunk.length === 0) this.eof = true;
      else for (const b of chunk) this.bytes.push(b);
    } catch (err) {
      if (err instanceof FsError) {
        if (err.code === 'EINTR' || err.code === 'EAGAIN') return;
        this.eof = true;
        return;
      }
      throw err;
    }
  }

  /** Reads one key only if it is already there (busybox's terminal size query reads one this way). */
  async keyIfReady(): Promise<number | null> {
    if (this.bytes.length === 0) {
      this.sys.setNonblock(this.input, true);
      try {
        await this.fill();
      } finally {
        this.sys.setNonblock(this.input, false);
      }
    }
    if (this.bytes.length === 0) return null;
    return this.key();
  }

  /** Drops signal events that arrived meanwhile (a shell command run from vi got the ^C, not us). */
  forgetEvents(): void {
    this.interrupted = false;
    this.suspendAsked = false;
  }

  private event(): number | null {
    if (this.fatal) throw new TerminalSignal(this.fatal);
    if (this.suspendAsked) {
      this.suspendAsked = false;
      return KEY.SUSPEND;
    }
    if (this.interrupted) {
      this.interrupted = false;
      // ^C also throws away what was typed ahead, as the line discipline does.
      this.bytes = [];
      return KEY.INTERRUPT;
    }
    if (this.resized) {
      this.resized = false;
      return KEY.RESIZE;
    }
    return null;
  }

  /**
   * ^Z: put the terminal back, stop until the shell continues us (fg), then
   * raw mode again. The caller redraws afterwards; `before` is written first
   * (vi moves to the bottom line and clears it).
   */
  async suspend(before = ''): Promise<void> {
    this.write(before);
    await this.flush();
    this.leaveRaw();
    const ttou = this.sys.signal(SIGTTOU, 'ignore');
    this.sys.kill(this.sys.pid, SIGSTOP);
    await this.sys.checkpoint();
    this.sys.signal(SIGTTOU, ttou);
    this.enterRaw();
    this.resized = false;
  }

  /** Ends the process by `signal` with the default action, as kill_myself_with_sig does. */
  async dieOf(signal: number): Promise<number> {
    this.close();
    this.sys.signal(signal, 'default');
    this.sys.kill(this.sys.pid, signal);
    await this.sys.checkpoint();
    return 128 + signal;
  }
}

/**
 * Runs `body` with the terminal in raw mode and always puts it back. On a
 * fatal signal, `onSignal` may write its last words (leave the alternate
 * screen, clear the status line) and return an exit status; by default the
 * process then dies of the signal. When the body fails with an error (a bug),
 * the same last words are written before the error goes on, so the learner's
 * shell comes back in a usable state.
 */
export async function withTerminal(
  sys: Sys,
  options: TerminalOptions,
  body: (term: Terminal) => Promise<number>,
  onSignal?: (term: Terminal, signal: number) => Promise<number | undefined>,
): Promise<number> {
  const term = new Terminal(sys, options);
  try {
    return await body(term);
  } catch (err) {
    if (!(err instanceof TerminalSignal)) {
      if (!isProcessControl(err)) {
        term.leaveRaw();
        try {
          await onSignal?.(term, 0);
          await term.flush();
        } catch (e) {
          if (isProcessControl(e)) throw e;
        }
      }
      throw err;
    }
    term.leaveRaw();
    let code: number | undefined;
    try {
      code = await onSignal?.(term, err.signal);
      await term.flush();
    } catch (e) {
      if (isProcessControl(e)) throw e;
    }
    if (code !== undefined) return code;
    return term.dieOf(err.signal);
  } finally {
    term.close();
  }
}
