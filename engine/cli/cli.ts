/**
 * What a docker command runs with: the API client, the process's standard
 * streams and terminal, its environment, and Docker's two ways of failing
 * (`Error response from daemon: …` with status 1 for most commands; `docker:
 * …` plus the help hint with 125 for run and create).
 */
import { fromUtf8 } from '../common/bytes.ts';
import type { Sys } from '../kernel/sys.ts';
import { ApiError, type ApiClient } from '../api/client.ts';
import type { Parsed } from './command.ts';

export class Cli {
  /** docker's global `--debug` (`-D`): logrus at debug level, which plugins such as buildx see too. */
  debug = false;

  constructor(
    readonly api: ApiClient,
    readonly sys: Sys,
  ) {}

  async out(text: string | Uint8Array): Promise<void> {
    await this.sys.write(1, text);
  }

  async err(text: string | Uint8Array): Promise<void> {
    await this.sys.write(2, text);
  }

  get stdinTty(): boolean {
    return this.sys.isatty(0);
  }

  get stdoutTty(): boolean {
    return this.sys.isatty(1);
  }

  env(name: string): string | undefined {
    for (const e of this.sys.env) if (e.startsWith(`${name}=`)) return e.slice(name.length + 1);
    return undefined;
  }

  /** Terminal size of stdout, as the CLI sends it with -t. */
  size(): { height: number; width: number } {
    try {
      const w = this.sys.getWinsize(1);
      return { height: w.rows || 24, width: w.cols || 80 };
    } catch {
      return { height: 24, width: 80 };
    }
  }

  /** Puts the terminal in raw mode (as moby/term's MakeRaw); returns the restore function. */
  raw(): () => void {
    if (!this.stdinTty) return () => undefined;
    const saved = this.sys.tcgetattr(0);
    this.sys.tcsetattr(0, { ...saved, icanon: false, echo: false, isig: false, icrnl: false, opost: false, onlcr: false, iexten: false, cc: { ...saved.cc, VMIN: 1, VTIME: 0 } });
    return () => {
      try {
        this.sys.tcsetattr(0, saved);
      } catch {
        // the terminal went away
      }
    };
  }

  async readStdin(): Promise<Uint8Array> {
    return this.sys.read(0, 65536);
  }

  async readAll(): Promise<string> {
    let text = '';
    for (;;) {
      const chunk = await this.readStdin();
      if (chunk.length === 0) return text;
      text += fromUtf8(chunk);
    }
  }
}

/** A failure that ends the command with this status, its text already decided. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

/** Docker's "Error response from daemon: " prefix for errors the API returned. */
export function daemonMessage(err: unknown): string {
  if (err instanceof ApiError) return `Error response from daemon: ${err.message}`;
  if (err instanceof CommandError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Runs a command body with Docker's error reporting: run/create print
 * `docker: <message>\n\nRun 'docker run --help' for more information` and
 * exit 125; other commands print the message and exit 1.
 */
export async function report(cli: Cli, parsed: Parsed, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    const msg = daemonMessage(err);
    const status = err instanceof CommandError ? err.status : 1;
    const name = parsed.spec.path[parsed.spec.path.length - 1]!;
    const runLike = parsed.spec.path.join(' ') === 'container run' || parsed.spec.path.join(' ') === 'container create';
    if (runLike && !(err instanceof CommandError && err.status !== 125)) {
      await cli.err(`docker: ${msg}\n\nRun 'docker ${name} --help' for more information\n`);
      return 125;
    }
    await cli.err(`${msg}\n`);
    return status;
  }
}

/** The flag's value as a string / list / boolean / number. */
export const str = (p: Parsed, name: string): string => String(p.flags.values[name] ?? '');
export const list = (p: Parsed, name: string): string[] => {
  const v = p.flags.values[name];
  return Array.isArray(v) ? v : v === undefined || v === '' ? [] : [String(v)];
};
export const bool = (p: Parsed, name: string): boolean => p.flags.values[name] === true;
export const num = (p: Parsed, name: string): number => Number(p.flags.values[name] ?? 0);
export const given = (p: Parsed, name: string): boolean => p.flags.changed.has(name);

