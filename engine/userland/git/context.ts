/**
 * One run of `git`: the process it runs in, its standard streams, its
 * environment and configuration, and the way git reports trouble.
 *
 * Git's voice has three registers, and commands use them through here:
 * - `die("msg")`     prints "fatal: msg" and exits 128;
 * - `error("msg")`   prints "error: msg" (the command decides the status);
 * - `advise("msg")`  prints each line as "hint: …" (2.45 leaves blank hint
 *   lines without a trailing space).
 * A command ends early by throwing `Exit`; main.ts turns it into the status.
 */
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { stdio, type Output } from '../lib/io.ts';
import { getenv } from '../lib/system-exec.ts';
import type { ConfigSet } from './config.ts';

/** Unwinds a command with an exit status (after its message is printed). */
export class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Rethrows what must never be swallowed: the kernel's process control and our own Exit. */
export function rethrowControl(err: unknown): void {
  if (isProcessControl(err) || err instanceof Exit) throw err;
}

export class Git {
  readonly out: Output;
  readonly err: Output;
  /** "-c name=value" from the command line, in order. */
  readonly commandConfig: [string, string | null][] = [];
  /** Set once configuration has been loaded (main.ts does it before dispatch). */
  config!: ConfigSet;

  constructor(
    readonly sys: Sys,
    public env: string[],
  ) {
    const io = stdio(sys);
    this.out = io.out;
    this.err = io.err;
  }

  getenv(name: string): string | undefined {
    return getenv(this.env, name);
  }

  cwd(): string {
    return this.sys.getcwd();
  }

  async die(message: string, code = 128): Promise<never> {
    await this.out.flush();
    await this.err.write(`fatal: ${message}\n`);
    throw new Exit(code);
  }

  async error(message: string): Promise<void> {
    await this.out.flush();
    await this.err.write(`error: ${message}\n`);
  }

  async warning(message: string): Promise<void> {
    await this.out.flush();
    await this.err.write(`warning: ${message}\n`);
  }

  /** Every line of `message` as a hint. */
  async advise(message: string): Promise<void> {
    const color = this.wantColor(2, 'color.advice');
    const [on, off] = color ? [this.colorOf('color.advice.hint', '\x1b[33m'), '\x1b[m'] : ['', ''];
    let text = '';
    for (const line of message.split('\n')) text += `${on}hint:${line === '' ? '' : ' '}${line}${off}\n`;
    await this.out.flush();
    await this.err.write(text);
  }

  /**
   * advise_if_enabled: silent when advice.<key> is false; when the key is not
   * set at all, 2.45 adds how to silence it.
   */
  async adviseIfEnabled(key: string, message: string): Promise<void> {
    const setting = this.config.bool(`advice.${key}`);
    if (setting === false) return;
    await this.advise(setting === undefined ? `${message}\nDisable this message with "git config advice.${key} false"` : message);
  }

  adviceEnabled(key: string): boolean {
    return this.config.bool(`advice.${key}`) !== false;
  }

  /**
   * Whether to colour output on `fd`: `slot` (color.status, color.diff…),
   * then color.ui; "auto" (git's default) means "on a terminal that is not dumb".
   */
  wantColor(fd: 1 | 2, slot?: string): boolean {
    const raw = (slot !== undefined ? this.config.get(slot) : undefined) ?? this.config.get('color.ui') ?? 'auto';
    const v = raw.toLowerCase();
    if (v === 'never' || v === 'false' || v === 'no' || v === 'off' || v === '0') return false;
    if (v === 'always') return true;
    if (v === 'true' || v === 'yes' || v === 'on' || v === '1' || v === 'auto' || v === '') {
      if (!this.sys.isatty(fd)) return false;
      const term = this.getenv('TERM');
      return term !== undefined && term !== 'dumb';
    }
    return false;
  }

  /** A configured colour (color.status.added = "red bold"…) or the default escape. */
  colorOf(key: string, fallback: string): string {
    const v = this.config.get(key);
    return v === undefined ? fallback : parseColor(v) ?? fallback;
  }
}

const COLOR_NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
const ATTRS: Record<string, number> = { bold: 1, dim: 2, italic: 3, ul: 4, blink: 5, reverse: 7, strike: 9 };

/** git's color syntax ("red bold", "normal", "#ff0000" is not supported) to an escape. */
export function parseColor(value: string): string | undefined {
  const codes: string[] = [];
  let colors = 0;
  for (const word of value.trim().split(/\s+/)) {
    if (word === '') continue;
    const lower = word.toLowerCase();
    if (lower === 'normal' || lower === 'default') {
      colors++;
      continue;
    }
    if (lower === 'reset') {
      codes.push('');
      continue;
    }
    const bright = lower.startsWith('bright') ? 1 : 0;
    const idx = COLOR_NAMES.indexOf(lower.slice(bright ? 6 : 0));
    if (idx >= 0) {
      codes.push(String((colors === 0 ? (bright ? 90 : 30) : bright ? 100 : 40) + idx));
      colors++;
      continue;
    }
    if (/^\d+$/.test(lower)) {
      codes.push(`${colors === 0 ? 38 : 48};5;${lower}`);
      colors++;
      continue;
    }
    const neg = lower.startsWith('no-') ? lower.slice(3) : lower.startsWith('no') ? lower.slice(2) : undefined;
    if (ATTRS[lower] !== undefined) codes.push(String(ATTRS[lower]));
    else if (neg !== undefined && ATTRS[neg] !== undefined) codes.push(String(20 + ATTRS[neg]!));
    else return undefined;
  }
  return `\x1b[${codes.join(';')}m`;
}

export const RESET = '\x1b[m';
