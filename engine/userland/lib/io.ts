/**
 * Standard I/O for programs, as C's stdio does it: stdout is line-buffered
 * on a terminal and block-buffered otherwise; stderr is unbuffered. Flush
 * before exiting (`finish` does) or output is lost, exactly as in C.
 */
import { fromUtf8, utf8, concatBytes } from '../../common/bytes.ts';
import type { Sys } from '../../kernel/sys.ts';

const BUFSIZ = 4096;

export class Output {
  private parts: Uint8Array[] = [];
  private size = 0;

  constructor(
    private readonly sys: Sys,
    readonly fd: number,
    private readonly mode: 'line' | 'full' | 'none',
  ) {}

  async write(data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? utf8(data) : data;
    if (this.mode === 'none') {
      if (bytes.length > 0) await this.sys.write(this.fd, bytes);
      return;
    }
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size >= BUFSIZ || (this.mode === 'line' && bytes.includes(10))) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const data = concatBytes(this.parts);
    this.parts = [];
    this.size = 0;
    await this.sys.write(this.fd, data);
  }
}

export interface Stdio {
  out: Output;
  err: Output;
}

export function stdio(sys: Sys): Stdio {
  return {
    out: new Output(sys, 1, sys.isatty(1) ? 'line' : 'full'),
    err: new Output(sys, 2, 'none'),
  };
}

/** Reads a descriptor to its end. */
export async function readAll(sys: Sys, fd: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const d = await sys.read(fd);
    if (d.length === 0) return concatBytes(parts);
    parts.push(d);
  }
}

/**
 * Lines of a descriptor, as read in. Each line comes without its "\n";
 * `last` says whether it was the final, unterminated piece.
 */
export async function* readLines(sys: Sys, fd: number): AsyncIterable<{ line: string; terminated: boolean }> {
  let pending: Uint8Array[] = [];
  for (;;) {
    const chunk = await sys.read(fd);
    if (chunk.length === 0) {
      if (pending.length > 0) {
        const rest = concatBytes(pending);
        if (rest.length > 0) yield { line: fromUtf8(rest), terminated: false };
      }
      return;
    }
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] !== 10) continue;
      pending.push(chunk.subarray(start, i));
      yield { line: fromUtf8(concatBytes(pending)), terminated: true };
      pending = [];
      start = i + 1;
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  }
}

/** Opens a file argument for reading; "-" is standard input. Returns the fd. */
export function openInput(sys: Sys, path: string): number {
  return path === '-' ? 0 : sys.open(path, 'r');
}

/** Reads a whole file by path. */
export async function readFile(sys: Sys, path: string): Promise<Uint8Array> {
  const fd = sys.open(path, 'r');
  try {
    return await readAll(sys, fd);
  } finally {
    sys.close(fd);
  }
}

export async function writeFile(sys: Sys, path: string, data: string | Uint8Array, mode = 0o666): Promise<void> {
  const fd = sys.open(path, 'w', mode);
  try {
    await sys.write(fd, data);
  } finally {
    sys.close(fd);
  }
}
