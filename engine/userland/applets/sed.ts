/**
 * sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]... | sed [-i[SFX]] [-nrE] CMD [FILE]...
 *
 * busybox 1.36's sed. Addresses: N, $, /RE/ (\cREc), ranges A,B and A,+N,
 * `!`. Commands: s (flags g p N i I w), d D p P n N h H g G x y a i c r w
 * = q b t T : { }. `l` is accepted and does nothing; Q, e, first~step and
 * address flags are not supported ("unsupported command"), as in busybox.
 * Regular expressions are musl's (see text-regex.ts).
 */
import { FsError, strerror } from '../../fs/errno.ts';
import type { Sys } from '../../kernel/sys.ts';
import { applet } from '../lib/applet.ts';
import { isProcessControl } from '../lib/errors.ts';
import { bytesOf, closeInput, LineReader, toBytes, utf8Locale } from '../lib/text-io.ts';
import { LAST_IS_NUL, NO_EOL, Script, die, type Command, type GetsChar, type Sink } from '../lib/text-sed-script.ts';
import type { Regex } from '../lib/text-regex.ts';

const USAGE =
  'Usage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\nor: sed [-i[SFX]] [-nrE] CMD [FILE]...\n\n\t-e CMD\tAdd CMD to sed commands to be executed\n\t-f FILE\tAdd FILE contents to sed commands to be executed\n\t-i[SFX]\tEdit files in-place (otherwise write to stdout)\n\t\tOptionally back files up, appending SFX\n\t-n\tSuppress automatic printing of pattern space\n\t-r,-E\tUse extended regex syntax\n\nIf no -e or -f, the first non-option argument is the sed command string.\nRemaining arguments are input files (stdin if none).';

/** Reads lines the way sed does: a line ends at "\n" or at a NUL byte. */
class ChunkReader {
  private readonly r: LineReader;
  private buf = '';
  private eof = false;
  constructor(sys: Sys, fd: number) {
    this.r = new LineReader(sys, fd, '\uffff');
  }
  async next(): Promise<{ line: string; gc: GetsChar } | null> {
    for (;;) {
      const nl = this.buf.indexOf('\n');
      const nul = this.buf.indexOf('\0');
      let i = nl < 0 ? nul : nul < 0 ? nl : Math.min(nl, nul);
      if (i >= 0) {
        const line = this.buf.slice(0, i);
        const c = this.buf[i] as '\n' | '\0';
        this.buf = this.buf.slice(i + 1);
        if (c === '\0') {
          // a NUL that is the last byte of the file is remembered as such
          while (this.buf === '' && !this.eof) await this.more();
          if (this.buf === '' && this.eof) return { line, gc: LAST_IS_NUL };
        }
        return { line, gc: c };
      }
      if (this.eof) {
        if (!this.buf) return null;
        const line = this.buf;
        this.buf = '';
        i = 0;
        return { line, gc: NO_EOL };
      }
      await this.more();
    }
  }
  private async more(): Promise<void> {
    const s = await this.r.take(65536);
    if (s === null) this.eof = true;
    else this.buf += s;
  }
}

export default applet(USAGE, async (ctx) => {
  const { sys, out, err } = ctx;
  if (ctx.args[0] === '--version') {
    await out.write('This is not GNU sed version 4.0\n');
    return 0;
  }

  // Options: i takes an optional attached suffix; e and f repeat.
  let inPlace: string | null = null;
  let extended = false;
  let quiet = 0;
  const scripts: { kind: 'e' | 'f'; value: string }[] = [];
  const args = ctx.args;
  let k = 0;
  const bad = async (msg: string) => {
    await err.write(`${ctx.name}: ${msg}\n`);
    await ctx.usage();
    return 1;
  };
  const longs = ['in-place', 'regexp-extended', 'quiet', 'silent', 'expression', 'file'];
  for (; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') {
      k++;
      break;
    }
    if (a.startsWith('--')) {
      const [nm, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const hits = longs.filter((l) => l.startsWith(nm));
      const full = longs.includes(nm) ? nm : hits.length === 1 ? hits[0] : undefined;
      if (!full) return bad(`unrecognized option: ${a}`);
      if (full === 'in-place') inPlace = inline ?? '';
      else if (full === 'regexp-extended') extended = true;
      else if (full === 'quiet' || full === 'silent') quiet++;
      else {
        const v = inline ?? args[++k];
        if (v === undefined) return bad(`option requires an argument: ${a}`);
        scripts.push({ kind: full === 'expression' ? 'e' : 'f', value: v });
      }
      continue;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'i') {
        inPlace = a.slice(j + 1);
        break;
      }
      if (c === 'r' || c === 'E') extended = true;
      else if (c === 'n') quiet++;
      else if (c === 'e' || c === 'f') {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++k];
        if (v === undefined) return bad(`option requires an argument: ${c}`);
        scripts.push({ kind: c, value: v });
        break;
      } else return bad(`unrecognized option: ${c}`);
    }
  }
  let operands = args.slice(k).map(bytesOf);

  // Output sinks. Everything sed prints goes through `current`, which -i redirects.
  const stdoutSink: Sink = { write: (s) => out.write(toBytes(s)), lastChar: '\n' };
  let current: Sink = stdoutSink;
  const fdSink = (fd: number): Sink => ({ write: async (s) => void (await sys.write(fd, toBytes(s))), lastChar: '\n' });
  const openedW: number[] = [];
  const script = new Script((name) => {
    try {
      const fd = sys.open(name, 'w');
      openedW.push(fd);
      return fdSink(fd);
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      return die(`can't open '${name}': ${strerror(e.code)}`);
    }
  });
  script.regexType.extended = extended;
  script.regexType.bytes = !utf8Locale(ctx.getenv);
  script.beQuiet = quiet;

  for (const s of scripts.filter((x) => x.kind === 'e')) script.addBlock(bytesOf(s.value));
  for (const s of scripts.filter((x) => x.kind === 'f')) {
    let fd: number;
    try {
      fd = s.value === '-' ? 0 : sys.open(s.value, 'r');
    } catch (e) {
      if (isProcessControl(e) || !(e instanceof FsError)) throw e;
      return die(`can't open '${s.value}': ${strerror(e.code)}`);
    }
    const r = new LineReader(sys, fd);
    for (let l; (l = await r.next()) !== null; ) script.add(l.line);
    closeInput(sys, fd);
  }
  if (scripts.length === 0) {
    if (operands.length === 0) {
      await ctx.usage();
      return 1;
    }
    script.addBlock(operands[0]!);
    operands = operands.slice(1);
  }
  script.add('');
  const cmds = script.commands;

  let exitcode = 0;
  let hold: string | null = null;
  let branches = 0;
  // The pattern and hold spaces are charged to the process, so a runaway script meets the memory limit.
  let charged = 0;
  const account = (ps: string) => {
    const size = ps.length + (hold?.length ?? 0);
    if (Math.abs(size - charged) >= 65536 || (size < charged && size === 0)) {
      sys.memory(size - charged);
      charged = size;
    }
  };

  /** The input: the files of one run of process_files, read line by line across files. */
  let inputs: string[] = [];
  let inputIndex = 0;
  let reader: ChunkReader | null = null;
  let readerFd = -1;
  let appendQueue: string[] = [];

  const putsMaybeNewline = async (s: string, sink: Sink, gc: GetsChar) => {
    let text = '';
    let lpc = sink.lastChar;
    if (lpc !== '\n' && lpc !== '\0') {
      text += '\n';
      lpc = '\n';
    }
    const nul = s.indexOf('\0');
    const body = nul >= 0 ? s.slice(0, nul) : s;
    text += body;
    if (body) lpc = 'x';
    if (gc === LAST_IS_NUL) {
      text += '\0';
      lpc = 'x';
    } else if (gc !== NO_EOL) {
      text += gc;
      lpc = gc;
    }
    sink.lastChar = lpc;
    await sink.write(text);
  };

  const flushAppend = async () => {
    const q = appendQueue;
    appendQueue = [];
    for (const a of q) await putsMaybeNewline(a, current, '\n');
  };

  const getNextLine = async (): Promise<{ line: string; gc: GetsChar } | null> => {
    await flushAppend();
    for (; inputIndex < inputs.length; inputIndex++) {
      if (!reader) {
        const path = inputs[inputIndex]!;
        if (path === '-') readerFd = 0;
        else {
          try {
            readerFd = sys.open(path, 'r');
          } catch (e) {
            if (isProcessControl(e) || !(e instanceof FsError)) throw e;
            await err.write(`${ctx.name}: `);
            await err.write(toBytes(path));
            await err.write(`: ${strerror(e.code)}\n`);
            exitcode = 1;
            continue;
          }
        }
        reader = new ChunkReader(sys, readerFd);
      }
      const l = await reader.next();
      if (l) return l;
      closeInput(sys, readerFd);
      reader = null;
    }
    return null;
  };

  const branchTo = (label: string): number => {
    const i = cmds.findIndex((c) => c.cmd === ':' && c.string === label);
    if (i < 0) die(`can't find label for jump to '${label}'`);
    return i;
  };

  const regexMatches = (re: Regex, s: string) => re.test(s);

  /** do_subst_command: null without a match, else the new line and whether a replacement was made. */
  const substitute = (cmd: Command, line: string): { text: string; altered: boolean } | null => {
    let re = cmd.subMatch;
    if (!re) {
      re = script.previousRegex;
      if (!re) die('no previous regexp');
    }
    script.previousRegex = re;
    let m = re!.exec(line);
    if (!m) return null;
    let pipe = '';
    let matchCount = 0;
    let altered = false;
    let prevEmpty = true;
    let triedEol = false;
    let pos = 0;
    const repl = cmd.string ?? '';
    const cut = (s: string) => {
      const i = s.indexOf('\0');
      return i < 0 ? s : s.slice(0, i);
    };
    line = cut(line);
    for (;;) {
      const start = m[0]!;
      let end = m[1]!;
      const rest = line.slice(pos);
      matchCount++;
      let stop = false;
      if (cmd.whichMatch && cmd.whichMatch !== matchCount) {
        pipe += rest.slice(0, end);
        pos += end;
        if (start === end && pos < line.length) pipe += line[pos++];
      } else {
        pipe += rest.slice(0, start);
        if (prevEmpty || start !== 0 || start !== end) {
          for (let i = 0; i < repl.length; i++) {
            const c = repl[i]!;
            if (c === '\\') {
              const n = repl[++i] ?? '\0';
              const d = n.charCodeAt(0) - 48;
              if (d >= 0 && d <= 9) {
                const so = m[2 * d] ?? -1;
                const eo = m[2 * d + 1] ?? -1;
                if (so !== -1) pipe += rest.slice(so, eo);
                continue;
              }
              pipe += n;
              continue;
            }
            if (c === '&') {
              pipe += rest.slice(start, end);
              continue;
            }
            pipe += c;
          }
          altered = true;
        }
        prevEmpty = start === end;
        if (prevEmpty) {
          if (pos + end >= line.length) triedEol = true;
          else {
            pipe += rest[end];
            end++;
          }
        }
        pos += end;
        if (cmd.whichMatch !== 0) stop = true;
      }
      if (stop) break;
      if (pos >= line.length) {
        if (triedEol) break;
        triedEol = true;
      }
      const next = re!.exec(line.slice(pos), { notbol: true });
      if (!next) break;
      m = next;
    }
    pipe += line.slice(pos);
    return { text: pipe, altered };
  };

  /** process_files: runs the script over `files`, writing to `current`. */
  const processFiles = async () => {
    let linenum = 0;
    let next = await getNextLine();
    for (;;) {
      let substituted = false;
      if (!next) return;
      let ps = next.line;
      let lastGc = next.gc;
      next = await getNextLine();
      linenum++;
      let quitAll = false;
      let autoprint = true;
      let restart = true;
      while (restart) {
        restart = false;
        for (let ci = 0; ci < cmds.length; ci++) {
          const cmd = cmds[ci]!;
          const oldMatched = cmd.inMatch;
          if (!oldMatched) cmd.endLine = cmd.endLineOrig;
          const begMatch = () => {
            const r = !!cmd.begMatch && regexMatches(cmd.begMatch, ps);
            if (r) script.previousRegex = cmd.begMatch;
            return r;
          };
          cmd.inMatch =
            cmd.inMatch ||
            (!cmd.begLine && !cmd.endLine && !cmd.begMatch && !cmd.endMatch) ||
            (cmd.begLine > 0 && (cmd.endLine || cmd.endMatch ? cmd.begLine <= linenum : cmd.begLine === linenum)) ||
            begMatch() ||
            (cmd.begLine === -1 && next === null);
          const matched = cmd.inMatch;
          if (matched) {
            if (cmd.endLine <= -2) cmd.endLine = linenum + (-cmd.endLine - 2);
            if (cmd.begLine > 0) cmd.begLine = -2;
            cmd.inMatch = !(
              (cmd.endLine ? (cmd.endLine === -1 ? !next : cmd.endLine <= linenum) : !cmd.endMatch) ||
              (!!cmd.endMatch && oldMatched && regexMatches(cmd.endMatch, ps))
            );
          }
          if (cmd.cmd === '{') {
            if (cmd.invert ? matched : !matched) {
              let nest = 0;
              for (;;) {
                const c = cmds[ci];
                if (!c) die('unterminated {');
                if (c!.cmd === '{') nest++;
                if (c!.cmd === '}') {
                  nest--;
                  if (nest === 0) break;
                }
                ci++;
              }
            }
            continue;
          }
          if (cmd.invert ? matched : !matched) continue;
          if (cmd.begMatch) script.previousRegex = cmd.begMatch;

          let jump: 'none' | 'discard_commands' | 'discard_line' = 'none';
          switch (cmd.cmd) {
            case '=':
              await current.write(`${linenum}\n`);
              break;
            case 'P': {
              const i = ps.indexOf('\n');
              if (i >= 0) {
                await putsMaybeNewline(ps.slice(0, i), current, '\n');
                break;
              }
              await putsMaybeNewline(ps, current, '\n');
              break;
            }
            case 'p':
              await putsMaybeNewline(ps, current, '\n');
              break;
            case 'D': {
              const i = ps.indexOf('\n');
              if (i >= 0) {
                ps = ps.slice(i + 1);
                restart = true;
                break;
              }
              jump = 'discard_line';
              break;
            }
            case 'd':
              jump = 'discard_line';
              break;
            case 's': {
              const r = substitute(cmd, ps);
              if (r === null) break;
              ps = r.text;
              if (!r.altered) break;
              substituted = true;
              if (cmd.subP) await putsMaybeNewline(ps, current, lastGc);
              if (cmd.file) await putsMaybeNewline(ps, cmd.file, lastGc);
              break;
            }
            case 'a':
              appendQueue.push(cmd.string ?? '');
              break;
            case 'i':
              await putsMaybeNewline(cmd.string ?? '', current, '\n');
              break;
            case 'c':
              if (!cmd.inMatch) await putsMaybeNewline(cmd.string ?? '', current, '\n');
              jump = 'discard_line';
              break;
            case 'r': {
              try {
                const fd = sys.open(cmd.string!, 'r');
                const r = new LineReader(sys, fd);
                for (let l; (l = await r.next()) !== null; ) appendQueue.push(l.line);
                sys.close(fd);
              } catch (e) {
                if (isProcessControl(e) || !(e instanceof FsError)) throw e;
              }
              break;
            }
            case 'w':
              await putsMaybeNewline(ps, cmd.file!, lastGc);
              break;
            case 'n':
              if (!script.beQuiet) await putsMaybeNewline(ps, current, lastGc);
              if (next === null) {
                jump = 'discard_line';
                break;
              }
              ps = next.line;
              lastGc = next.gc;
              next = await getNextLine();
              substituted = false;
              linenum++;
              break;
            case 'q':
              next = null;
              quitAll = true;
              jump = 'discard_commands';
              break;
            case 'N':
              if (next === null) {
                jump = 'discard_commands';
                break;
              }
              ps = ps + '\n' + next.line;
              lastGc = next.gc;
              next = await getNextLine();
              linenum++;
              break;
            case 't':
            case 'T':
            case 'b': {
              if (cmd.cmd === 't') {
                if (!substituted) break;
                substituted = false;
              }
              if (cmd.cmd !== 'b' && substituted) break;
              if (!cmd.string) jump = 'discard_commands';
              else {
                ci = branchTo(cmd.string);
                if (++branches % 1024 === 0) {
                  account(ps);
                  await sys.checkpoint();
                }
              }
              break;
            }
            case 'y': {
              let r = '';
              for (const ch of ps) r += cmd.map!.get(ch) ?? ch;
              ps = r;
              break;
            }
            case 'g':
              ps = hold ?? '';
              break;
            case 'G':
              ps = ps + '\n' + (hold ?? '');
              lastGc = '\n';
              break;
            case 'h':
              hold = ps;
              break;
            case 'H':
              hold = (hold ?? '') + '\n' + ps;
              break;
            case 'x': {
              const t = ps;
              ps = hold ?? '';
              lastGc = '\n';
              hold = t;
              break;
            }
          }
          if (restart) break;
          if (jump === 'discard_line') {
            autoprint = false;
            break;
          }
          if (jump === 'discard_commands') break;
        }
        if (restart && ++branches % 1024 === 0) {
          account(ps);
          await sys.checkpoint();
        }
      }
      if (autoprint && !script.beQuiet) await putsMaybeNewline(ps, current, lastGc);
      await flushAppend();
      if (quitAll) next = null;
      account(ps);
      if (linenum % 256 === 0) await sys.checkpoint();
    }
  };

  try {
    if (operands.length === 0) {
      if (inPlace !== null) die('-i requires an argument');
      inputs = ['-'];
      await processFiles();
    } else if (inPlace === null) {
      inputs = operands;
      await processFiles();
    } else {
      for (const file of operands) {
        let st;
        try {
          st = sys.stat(file);
        } catch (e) {
          if (isProcessControl(e) || !(e instanceof FsError)) throw e;
          await err.write(`${ctx.name}: ${file}: ${strerror(e.code)}\n`);
          exitcode = 1;
          continue;
        }
        const tmp = file + randomSuffix(sys);
        let fd: number;
        try {
          fd = sys.open(tmp, { read: false, write: true, create: true, exclusive: true }, 0o600);
        } catch (e) {
          if (isProcessControl(e) || !(e instanceof FsError)) throw e;
          return die(`can't create temp file '${file}XXXXXX': ${strerror(e.code)}`);
        }
        try {
          sys.chmod(tmp, st.mode & 0o7777);
          sys.chown(tmp, st.uid, st.gid);
        } catch (e) {
          if (isProcessControl(e)) throw e;
        }
        const chunks: string[] = [];
        current = { write: async (s) => void chunks.push(s), lastChar: '\n' };
        inputs = [file];
        inputIndex = 0;
        reader = null;
        try {
          await processFiles();
          await sys.write(fd, toBytes(chunks.join('')));
        } finally {
          sys.close(fd);
        }
        current = stdoutSink;
        if (inPlace) sys.rename(file, file + bytesOf(inPlace));
        sys.rename(tmp, file);
        for (const c of cmds) {
          c.begLine = c.begLineOrig;
          c.endLine = c.endLineOrig;
        }
      }
    }
  } finally {
    sys.memory(-charged);
    for (const fd of openedW) {
      try {
        sys.close(fd);
      } catch (e) {
        if (isProcessControl(e)) throw e;
      }
    }
  }
  return exitcode;
});

function randomSuffix(sys: Sys): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  let x = (sys.now() * 1000 + sys.pid * 7919) >>> 0;
  for (let i = 0; i < 6; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += chars[x % chars.length];
  }
  return s;
}
