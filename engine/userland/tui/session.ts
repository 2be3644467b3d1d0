/**
 * A program running on a terminal of its own, driven by typing: what the
 * tests of vi, less and nano do, and what a lesson check could do.
 *
 *     const s = TerminalSession.start(host, ['vi', 'notes.txt'], { cwd: '/root', uid: 0 });
 *     await s.type('ihello\x1b');
 *     await s.type(':wq\r');
 *     expect(await s.exit()).toBe(0);
 *
 * `type` sends keys as one burst, as a terminal sends a keypress or a paste,
 * and waits until the program has read them all and gone quiet.
 */
import type { ExitStatus, Process } from '../../kernel/process.ts';
import type { Termios } from '../../kernel/sys.ts';
import type { Tty } from '../../kernel/tty.ts';
import type { Host, ProcessOptions } from '../host.ts';
import { VirtualTerminal } from './vt.ts';

const tick = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TerminalSession {
  readonly vt: VirtualTerminal;
  /** Everything the program wrote, as text. */
  output = '';
  private lastOutput = 0;
  status: ExitStatus | null = null;
  readonly ended: Promise<ExitStatus>;
  private readonly decoder = new TextDecoder();
  private readonly termiosBefore: Termios;
  readonly process: Process;

  private constructor(
    readonly host: Host,
    readonly tty: Tty,
    argv: string[],
    options: ProcessOptions,
  ) {
    this.vt = new VirtualTerminal(tty.winsize.rows, tty.winsize.cols);
    this.termiosBefore = { ...tty.termios, cc: { ...tty.termios.cc } };
    tty.onOutput((bytes) => {
      this.vt.feed(bytes);
      this.output += this.decoder.decode(bytes, { stream: true });
      this.lastOutput = Date.now();
    });
    const attached = host.attach(argv, tty, options);
    this.process = attached.process;
    this.ended = attached.ended.then((s) => (this.status = s));
  }

  static start(host: Host, argv: string[], options: ProcessOptions & { rows?: number; cols?: number } = {}): TerminalSession {
    const tty = host.machine.kernel.createPty();
    tty.winsize = { rows: options.rows ?? 24, cols: options.cols ?? 80 };
    return new TerminalSession(host, tty, argv, options);
  }

  /** Types keys and waits until the program has dealt with them. */
  async type(keys: string): Promise<void> {
    this.tty.input(keys);
    await this.idle();
  }

  /** Waits until all input is read, output has stopped for a moment, or the program ended. */
  async idle(quietMs = 15, limitMs = 5000): Promise<void> {
    const start = Date.now();
    for (;;) {
      await tick(2);
      if (this.status) return;
      if (Date.now() - start > limitMs) return;
      if (!this.waiting()) continue;
      if (Date.now() - this.lastOutput < quietMs) continue;
      // Let the program reach its next read after the last output.
      await tick(quietMs);
      if (this.waiting() && Date.now() - this.lastOutput >= quietMs) return;
    }
  }

  /** Every process of the session is asleep (waiting for keys or for each other) and no typed key is unread. */
  private waiting(): boolean {
    if (this.tty.hasInputData()) return false;
    const sid = this.process.sid;
    for (const p of this.host.machine.kernel.table.values()) {
      if (p.dead || p.sid !== sid) continue;
      if (p.state !== 'sleeping' && p.state !== 'stopped') return false;
    }
    return true;
  }

  /** Changes the window size (the program gets SIGWINCH). */
  async resize(rows: number, cols: number): Promise<void> {
    this.vt.resize(rows, cols);
    this.tty.resize({ rows, cols });
    await this.idle();
  }

  /** The screen as text (rows without trailing blanks). */
  screen(): string {
    return this.vt.text();
  }

  line(row: number): string {
    return this.vt.line(row < 0 ? this.vt.rows + row : row);
  }

  /** Waits for the program to end; returns its exit code (128+N for a signal). */
  async exit(limitMs = 5000): Promise<number> {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), limitMs));
    const st = await Promise.race([this.ended, timeout]);
    if (!st) throw new Error('the program is still running');
    return st.kind === 'exited' ? st.code : 128 + st.signal;
  }

  /** Whether the terminal's modes are as they were before the program started. */
  modesRestored(): boolean {
    const a = this.tty.termios;
    const b = this.termiosBefore;
    return JSON.stringify({ ...a, cc: { ...a.cc } }) === JSON.stringify({ ...b, cc: { ...b.cc } });
  }
}
