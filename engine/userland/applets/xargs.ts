/**
 * xargs [-0prtx] [-n N] [-s N] [-E STR] [-I STR] [-P N] [-a FILE] [PROG ARGS]:
 * run PROG (default echo) with ARGS plus words read from stdin. Words are
 * separated by white space, with '…', "…" and \ quoting (-0: NUL-separated
 * items; -I STR: one run per input line, STR replaced by the line).
 *
 * Exit status: 123 if a run exited 1–125, 124 if one exited 255 (xargs then
 * stops), 125 if one was killed, 126 if PROG cannot run, 127 if not found.
 */
import { FsError, strerror } from '../../fs/errno.ts';
import type { Sys } from '../../kernel/sys.ts';
import { AppletError, applet } from '../lib/applet.ts';
import { isProcessControl } from '../lib/errors.ts';
import { spawnvp, waitExit } from '../lib/text-exec.ts';
import { bytesOf, fromBytes } from '../lib/text-io.ts';

const USAGE =
  'Usage: xargs [OPTIONS] [PROG ARGS]\n\nRun PROG on every item given by stdin\n\n\t-0\tNUL terminated input\n\t-a FILE\tRead from FILE instead of stdin\n\t-o\tReopen stdin as /dev/tty\n\t-r\tDon\'t run command if input is empty\n\t-t\tPrint the command on stderr before execution\n\t-p\tAsk user whether to run each command\n\t-E STR,-e[STR]\tSTR stops input processing\n\t-I STR\tReplace STR within PROG ARGS with input line\n\t-n N\tPass no more than N args to PROG\n\t-s N\tPass command line of no more than N bytes\n\t-P N\tRun up to N PROGs in parallel\n\t-x\tExit if size is exceeded';

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** stdin, read a byte at a time (getchar). */
class Input {
  private buf: Uint8Array = new Uint8Array(0);
  private at = 0;
  private eof = false;
  constructor(private readonly sys: Sys) {}
  async getc(): Promise<number> {
    if (this.at >= this.buf.length) {
      if (this.eof) return -1;
      try {
        this.buf = await this.sys.read(0, 65536);
      } catch (e) {
        if (isProcessControl(e) || !(e instanceof FsError)) throw e;
        this.buf = new Uint8Array(0);
      }
      this.at = 0;
      if (this.buf.length === 0) {
        this.eof = true;
        return -1;
      }
    }
    return this.buf[this.at++]!;
  }
}

export default applet(USAGE, async (ctx) => {
  const { sys, err } = ctx;
  // Options (getopt32 "+trn:s:e::E:opx0I:i::P:+a:"): e and i take an optional attached argument.
  let verbose = false;
  let noEmpty = false;
  let maxArgsStr: string | undefined;
  let maxCharsStr: string | undefined;
  let eofStr: string | null = null;
  let eofFromE = false;
  let ttyStdin = false;
  let interactive = false;
  let zero = false;
  let repl: string | null = null;
  let maxProcs = 1;
  let argsFile: string | undefined;
  const args = ctx.args;
  let k = 0;
  const usageError = async (msg: string) => {
    await err.write(`${ctx.name}: ${msg}\n`);
    await ctx.usage();
    return 1;
  };
  const posInt = (v: string, min: number) => {
    if (!/^[0-9]+$/.test(v)) throw new AppletError(`invalid number '${v}'`);
    const n = Number(v);
    if (n < min || n > 0x7fffffff) throw new AppletError(`number ${v} is not in ${min}..2147483647 range`);
    return n;
  };
  for (; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') {
      k++;
      break;
    }
    if (a === '--no-run-if-empty') {
      noEmpty = true;
      continue;
    }
    if (a.startsWith('--')) return usageError(`unrecognized option: ${a}`);
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const attached = a.slice(j + 1);
      const required = () => {
        const v = attached !== '' ? attached : args[++k];
        if (v === undefined) throw new AppletError(`option requires an argument: ${c}`);
        return v;
      };
      let consumed = false;
      switch (c) {
        case 't': verbose = true; break;
        case 'r': noEmpty = true; break;
        case 'o': ttyStdin = true; break;
        case 'p': interactive = true; break;
        case 'x': break;
        case '0': zero = true; break;
        case 'n': maxArgsStr = required(); consumed = true; break;
        case 's': maxCharsStr = required(); consumed = true; break;
        case 'E': eofStr = required(); eofFromE = true; consumed = true; break;
        case 'e': eofStr = attached || null; eofFromE = false; consumed = true; break;
        case 'I': repl = required(); consumed = true; break;
        case 'i': repl = attached || '{}'; consumed = true; break;
        case 'P': maxProcs = posInt(required(), 0); consumed = true; break;
        case 'a': argsFile = required(); consumed = true; break;
        default:
          return usageError(`unrecognized option: ${c}`);
      }
      if (consumed) break;
    }
  }
  if (maxProcs <= 0) maxProcs = 100;
  if (argsFile !== undefined) {
    let fd: number;
    try {
      fd = sys.open(argsFile, 'r');
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      throw new AppletError(`can't open '${argsFile}': ${strerror(e.code)}`);
    }
    sys.dup2(fd, 0);
    sys.close(fd);
  }
  if (eofFromE && eofStr === '') eofStr = null;
  const eofBytes = eofStr === null ? null : bytesOf(eofStr);
  const eol = zero ? 0 : 10;
  const command = args.length > k ? args.slice(k) : ['echo'];

  let maxChars = 32 * 1024 - 2048;
  if (maxCharsStr !== undefined) maxChars = posInt(maxCharsStr, 1);
  for (const a of command) maxChars -= bytesOf(a).length + 1;
  if (maxChars <= 0) throw new AppletError("can't fit single argument within argument list size limit");
  let maxArgs = maxChars;
  if (maxArgsStr !== undefined) maxArgs = posInt(maxArgsStr, 1);
  if (repl !== null) noEmpty = true;
  const replBytes = repl === null ? '' : bytesOf(repl);

  const input = new Input(sys);
  // Quote state persists across calls, as busybox's globals do.
  const NORM = 0;
  const QUOTE = 1;
  const BACKSLASH = 2;
  let state = NORM;
  let q = 0;
  /** Bytes of a word carried over to the next run when the size limit cut it. */
  let carry: number[] = [];

  /** Reads words until the limits; returns them and what is left of a cut word. */
  const readWords = async (): Promise<{ words: string[]; rem: number[] }> => {
    const words: string[] = [];
    let used = 0;
    let word = carry;
    carry = [];
    let nArgs = maxArgs;
    const full = () => used + word.length >= maxChars;
    const closeWord = async (): Promise<'stop' | 'eofstr' | 'go'> => {
      const w = fromBytes(Uint8Array.from(word));
      if (!zero && eofBytes !== null && w === eofBytes) {
        while ((await input.getc()) !== -1);
        word = [];
        return 'eofstr';
      }
      words.push(w);
      used += word.length + 1;
      word = [];
      nArgs--;
      return nArgs === 0 ? 'stop' : 'go';
    };
    if (zero) {
      for (;;) {
        let c = await input.getc();
        if (c === -1) {
          if (word.length === 0) break;
          c = 0;
        }
        if (c === 0) {
          const r = await closeWord();
          if (r !== 'go') break;
        } else word.push(c);
        if (used + word.length >= maxChars) break;
      }
      return { words, rem: word };
    }
    for (;;) {
      let c = await input.getc();
      let close = false;
      if (c === -1) {
        if (word.length === 0) break;
        close = true;
      } else if (state === BACKSLASH) {
        state = NORM;
        word.push(c);
      } else if (state === QUOTE) {
        if (c !== q) word.push(c);
        else {
          q = 0;
          state = NORM;
        }
      } else if (isSpace(c)) {
        if (word.length > 0) close = true;
      } else if (c === 92) state = BACKSLASH;
      else if (c === 39 || c === 34) {
        q = c;
        state = QUOTE;
      } else word.push(c);
      if (close) {
        state = NORM;
        c = 0;
        if (q) throw new AppletError(`unmatched ${q === 39 ? 'single' : 'double'} quote`);
        const r = await closeWord();
        if (r !== 'go') break;
      }
      if (full()) break;
    }
    return { words, rem: word };
  };

  /** -I: one line (leading white space and empty lines skipped); null at end of input. */
  const readLine = async (): Promise<{ line: string | null; tooLong: boolean }> => {
    const buf: number[] = [];
    for (;;) {
      const c = await input.getc();
      if (buf.length === 0) {
        if (c === -1) return { line: null, tooLong: false };
        if (c === eol) continue;
        if (isSpace(c)) continue;
      }
      if (c === -1 || c === eol) return { line: fromBytes(Uint8Array.from(buf)), tooLong: false };
      buf.push(c);
      if (buf.length >= maxChars) return { line: null, tooLong: true };
    }
  };

  let exitcode = 0;
  let running = 0;
  /** Interprets one child's end; returns nonzero when xargs must stop. */
  const judge = async (name: string, st: { code?: number; signal?: number } | { error: FsError }): Promise<number> => {
    let status: number;
    if ('error' in st) {
      await err.write(`${ctx.name}: ${name}: ${strerror(st.error.code)}\n`);
      status = st.error.code === 'ENOENT' ? 127 : 126;
    } else if (st.signal !== undefined) {
      await err.write(`${ctx.name}: '${name}' terminated by signal ${st.signal}\n`);
      status = 125;
    } else if (st.code === 255) {
      await err.write(`${ctx.name}: ${name}: exited with status 255; aborting\n`);
      status = 124;
    } else if (st.code !== 0) {
      exitcode = 123;
      return 0;
    } else status = 0;
    if (status !== 0) exitcode = status;
    return status;
  };
  const spawn = async (argv: string[]): Promise<number | FsError> => {
    await ctx.out.flush();
    let fds: Record<number, number> | undefined;
    let tty = -1;
    if (ttyStdin) {
      tty = sys.open('/dev/tty', 'r');
      fds = { 0: tty, 1: 1, 2: 2 };
    }
    try {
      return await spawnvp(sys, argv, fds ? { fds } : {});
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      return e;
    } finally {
      if (tty >= 0) sys.close(tty);
    }
  };
  const run = async (argv: string[]): Promise<number> => {
    if (maxProcs === 1) {
      const pid = await spawn(argv);
      if (pid instanceof FsError) return judge(argv[0]!, { error: pid });
      const st = await waitExit(sys, pid);
      return judge(argv[0]!, st);
    }
    for (;;) {
      if (running >= maxProcs) {
        const st = await waitExit(sys, -1);
        if (running) running--;
        const r = await judgeParallel(argv[0]!, st);
        if (r) return r;
        continue;
      }
      const pid = await spawn(argv);
      if (pid instanceof FsError) return judge(argv[0]!, { error: pid });
      running++;
      return 0;
    }
  };
  const judgeParallel = async (name: string, st: { code?: number; signal?: number }) => {
    const status = st.signal !== undefined ? 0x180 + st.signal : st.code!;
    if (status > 0 && status < 255) {
      exitcode = 123;
      return 0;
    }
    if (status === 0) return 0;
    return judge(name, st);
  };

  const ask = async (): Promise<boolean> => {
    await err.write(' ?...');
    let fd: number;
    try {
      fd = sys.open('/dev/tty', 'r');
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      throw new AppletError(`can't open '/dev/tty': ${strerror(e.code)}`);
    }
    let answer = '';
    for (;;) {
      const d = await sys.read(fd, 1);
      if (d.length === 0 || d[0] === 10) break;
      answer += String.fromCharCode(d[0]!);
    }
    sys.close(fd);
    return answer[0] === 'y' || answer[0] === 'Y';
  };

  const cmdBytes = command.map(bytesOf);
  for (;;) {
    let argv: string[];
    if (repl !== null) {
      const r = await readLine();
      if (r.tooLong) throw new AppletError('argument line too long');
      if (r.line === null) break;
      const line = r.line;
      argv = cmdBytes.map((a) => (replBytes && a.includes(replBytes) ? a.split(replBytes).join(line) : a));
    } else {
      const { words, rem } = await readWords();
      if (words.length === 0) {
        if (rem.length > 0) throw new AppletError('argument line too long');
        if (noEmpty) break;
      }
      carry = rem;
      argv = [...cmdBytes, ...words];
    }
    noEmpty = true;
    if (interactive || verbose) {
      await err.write(Uint8Array.from(argv.join(' '), (ch) => ch.charCodeAt(0)));
      if (!interactive) await err.write('\n');
    }
    if (!interactive || (await ask())) {
      if ((await run(argv.map(toArg))) !== 0) break;
    }
  }
  // the final waitpid loop for -P
  while (running > 0) {
    const st = await waitExit(sys, -1);
    running--;
    await judgeParallel(command[0]!, st);
  }
  return exitcode;
});

/** argv strings are given to the kernel as UTF-16 text: decode the UTF-8 bytes back. */
function toArg(b: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(b, (c) => c.charCodeAt(0)));
  } catch {
    return b;
  }
}
