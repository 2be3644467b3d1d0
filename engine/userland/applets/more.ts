/**
 * more [FILE]...: busybox's simplest pager. It prints a screenful, then
 * "--More-- (15% of 81 bytes)" and waits: Space for the next page, Enter
 * for one more line, R for the rest, Q to stop; anything else shows what
 * the keys do. Files follow one another without a break. When the output
 * is not a terminal, more is cat.
 */
import { isProcessControl } from '../../kernel/sys.ts';
import { applet, type AppletContext } from '../lib/applet.ts';
import { complain, errorText } from '../lib/errors.ts';
import { KEY } from '../tui/keys.ts';
import { RAW_MORE, terminalSize, withTerminal, type Terminal } from '../tui/terminal.ts';
import { charWidth, decodeText } from '../tui/text.ts';

const TAB = 8;

export default applet('Usage: more [FILE]...\n\nView FILE (or stdin) one screenful at a time', async (ctx) => {
  const o = await ctx.options('deflsu');
  const files = o.operands;
  const { sys } = ctx;
  if (!sys.isatty(1)) return cat(ctx, files);
  let tty: number;
  try {
    tty = sys.open('/dev/tty', 'r');
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return cat(ctx, files);
  }
  try {
    return await withTerminal(
      sys,
      { input: tty, output: 1, raw: RAW_MORE },
      (term) => page(ctx, term, tty, files),
      async () => {
        // busybox's gotsig: a newline on stderr, the terminal back, exit status 1.
        await sys.write(2, '\n');
        return 1;
      },
    );
  } finally {
    sys.close(tty);
  }
});

async function page(ctx: AppletContext, term: Terminal, tty: number, files: string[]): Promise<number> {
  const { sys } = ctx;
  let input = 0;
  const list = files.length ? files : [null];
  for (const name of list) {
    let fd = 0;
    if (name !== null) {
      try {
        fd = sys.open(name, 'r');
      } catch (err) {
        if (isProcessControl(err)) throw err;
        await term.flush();
        await complain(ctx.err, ctx.name, `can't open '${name}': ${errorText(err)}`);
        continue;
      }
    }
    try {
      let size = 0;
      try {
        const st = sys.fstat(fd);
        if ((st.mode & 0o170000) === 0o100000) size = st.size;
      } catch (err) {
        if (isProcessControl(err)) throw err;
      }
      let { rows: height, cols: width } = terminalSize(sys, tty);
      height -= 1;
      let prompt = false;
      let len = 0;
      let lines = 0;
      let spaces = 0;
      let pos = 0;
      let c = '';
      const reader = new CharReader(sys, fd);
      for (;;) {
        if (spaces) spaces--;
        else {
          const next = await reader.next();
          if (next === null) break;
          c = next.ch;
          pos = next.pos;
        }
        for (;;) {
          if (input !== 0x72 /* r */ && prompt) {
            let shown = '--More-- ';
            if (size !== 0) {
              const d = Math.max(1, Math.floor(size / 100));
              shown += `(${Math.floor(pos / d)}% of ${size} bytes)`;
            }
            term.write(shown);
            let promptLen = shown.length;
            for (;;) {
              await term.flush();
              const key = await term.key();
              if (key === KEY.RESIZE || key === KEY.SUSPEND || key === KEY.INTERRUPT) {
                if (key === KEY.SUSPEND) await term.suspend();
                continue;
              }
              input = key === KEY.EOF ? 0x71 : key >= 0x41 && key <= 0x5a ? key + 0x20 : key;
              term.write(`\r${' '.repeat(promptLen)}\r`);
              if (input === 0x71 /* q */) {
                await term.flush();
                return 0;
              }
              if (input === 0x20 || input === 10 || input === 0x72) break;
              const help = '(Enter:next line Space:next page Q:quit R:show the rest)';
              term.write(help);
              promptLen = help.length;
            }
            lines = 0;
            prompt = false;
            ({ rows: height, cols: width } = terminalSize(sys, tty));
            height -= 1;
          }
          if (c === '\t') {
            spaces = TAB - 1 - (len % TAB);
            c = ' ';
          }
          len += c === '\n' ? 1 : Math.max(1, charWidth(c.codePointAt(0)!));
          const wrap = len > width;
          if (c === '\n' || wrap) {
            if (++lines >= height || input === 10) prompt = true;
            len = 0;
          }
          // A character that wraps goes on the next line, after the prompt if one is due.
          if (c !== '\n' && wrap) continue;
          break;
        }
        term.write(c === '\n' ? '\n' : c);
      }
      await term.flush();
    } finally {
      if (fd !== 0) sys.close(fd);
    }
  }
  await term.flush();
  return 0;
}

/** A file's characters one at a time, with how many bytes have been read so far (what ftello says). */
class CharReader {
  private buf: Uint8Array = new Uint8Array(0);
  private at = 0;
  private consumed = 0;

  constructor(
    private readonly sys: AppletContext['sys'],
    private readonly fd: number,
  ) {}

  async next(): Promise<{ ch: string; pos: number } | null> {
    if (this.at >= this.buf.length) {
      this.buf = await this.sys.read(this.fd, 4096);
      this.at = 0;
      if (this.buf.length === 0) return null;
    }
    const b = this.buf[this.at]!;
    let n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (this.at + n > this.buf.length) {
      // A character split between reads: fetch the rest.
      const more = await this.sys.read(this.fd, 4096);
      const joined = new Uint8Array(this.buf.length - this.at + more.length);
      joined.set(this.buf.subarray(this.at));
      joined.set(more, this.buf.length - this.at);
      this.buf = joined;
      this.at = 0;
      if (n > this.buf.length) n = 1;
    }
    const ch = decodeText(this.buf.subarray(this.at, this.at + n));
    const first = [...ch][0] ?? '';
    const used = first.length === ch.length ? n : 1;
    this.at += used;
    this.consumed += used;
    return { ch: used === n ? ch : first, pos: this.consumed };
  }
}

async function cat(ctx: AppletContext, files: string[]): Promise<number> {
  const { sys, out, err } = ctx;
  let status = 0;
  for (const f of files.length ? files : ['-']) {
    let fd = 0;
    try {
      if (f !== '-') fd = sys.open(f, 'r');
    } catch (e) {
      await complain(err, ctx.name, `can't open '${f}': ${errorText(e)}`);
      status = 1;
      continue;
    }
    try {
      for (;;) {
        const d = await sys.read(fd, 65536);
        if (d.length === 0) break;
        await out.write(d);
      }
    } finally {
      if (fd !== 0) sys.close(fd);
    }
  }
  return status;
}
