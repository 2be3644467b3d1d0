/**
 * Starting and running the editor: options, the files named on the command
 * line one after another (":n", ":rewind"), and the loop that reads a key
 * and does it. `runVi` serves busybox `vi` and, with `vim: true`, `vim`.
 */
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { withTerminal, RAW_VI, type Terminal } from '../tui/terminal.ts';
import { decodeText } from '../tui/text.ts';
import { colon } from './colon.ts';
import { InputEnded, Interrupted, REG_D, REG_U, Vi, PARTIAL } from './editor.ts';
import { doCmd, MODIFYING_CMDS, startNewCmdQ } from './normal.ts';

export interface ViRun {
  vim: boolean;
  files: string[];
  readonly: boolean;
  /** -c commands (and +cmd for vim), run after the file is read. */
  commands: string[];
  /** How to complain on stderr ("vi: can't read user input"). */
  name: string;
}

export async function runVi(sys: Sys, run: ViRun): Promise<number> {
  return withTerminal(
    sys,
    { raw: RAW_VI, interruptKey: true },
    async (term) => {
      const vi = new Vi(sys, term, { vim: run.vim, files: run.files, readonly: run.readonly });
      const startup = await startupCommands(sys, vi, run);
      // Save the cursor, use the alternate screen (the shell's screen comes back afterwards).
      term.write('\x1b[?1049h');
      try {
        vi.optind = 0;
        for (;;) {
          await editFile(vi, term, run.files[vi.optind] ?? null, vi.optind === 0 ? startup.concat(run.commands) : []);
          vi.optind++;
          if (vi.optind >= run.files.length) break;
        }
      } catch (err) {
        if (!(err instanceof InputEnded)) throw err;
        term.write(`\x1b[${vi.rows};1H\x1b[K\x1b[?1049l`);
        await term.flush();
        term.leaveRaw();
        await sys.write(2, `${run.name}: can't read user input\n`);
        return 1;
      }
      term.write('\x1b[?1049l');
      await term.flush();
      return 0;
    },
    async (term) => {
      term.write('\x1b[?1049l');
      return undefined;
    },
  );
}

/** $EXINIT, or ~/.exrc if it belongs to the user and only they can write it (busybox); vim reads neither here. */
async function startupCommands(sys: Sys, vi: Vi, run: ViRun): Promise<string[]> {
  if (run.vim) return [];
  const env = (name: string) => sys.env.findLast((e) => e.startsWith(name + '='))?.slice(name.length + 1);
  const exinit = env('EXINIT');
  if (exinit !== undefined) return exinit.split('\n').filter((l) => l !== '');
  const home = env('HOME');
  if (!home) return [];
  const exrc = `${home.replace(/\/$/, '')}/.exrc`;
  try {
    const st = sys.stat(exrc);
    if ((st.mode & 0o022) !== 0 || st.uid !== sys.getuid()) {
      vi.statusBold('.exrc: permission denied');
      return [];
    }
    const fd = sys.open(exrc, 'r');
    try {
      let data = '';
      for (;;) {
        const d = await sys.read(fd, 65536);
        if (d.length === 0) break;
        data += decodeText(d);
      }
      return data.split('\n').filter((l) => l !== '');
    } finally {
      sys.close(fd);
    }
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return [];
  }
}

async function editFile(vi: Vi, term: Terminal, fn: string | null, commands: string[]): Promise<void> {
  const sys = vi.sys;
  vi.editing = 1;
  vi.rows = 24;
  vi.columns = 80;
  const size = term.size();
  if (!size.known) {
    // busybox asks the terminal where the cursor ends up at 999;999; on a pipe this eats a key.
    term.write('\x1b[999;999H\x1b[6n');
    await term.flush();
    try {
      await term.keyIfReady();
    } catch (err) {
      if (isProcessControl(err)) throw err;
    }
  }
  vi.querySize();
  vi.screen.resize(vi.rows, vi.columns);
  const rc = await vi.initTextBuffer(fn);
  vi.YDreg = REG_D;
  vi.mark[26] = vi.mark[27] = 0;
  vi.crow = vi.ccol = 0;
  vi.cmdMode = 0;
  vi.cmdcnt = 0;
  vi.offset = 0;
  vi.ioq = null;
  vi.adding2q = false;
  vi.curLine = -1;
  if (vi.vim) vimOpenMessage(vi, fn, rc);
  for (const c of commands) {
    try {
      await colon(vi, c);
    } catch (err) {
      if (err instanceof Interrupted) continue;
      throw err;
    }
  }
  vi.redraw(false);
  while (vi.editing > 0) {
    try {
      const c = await vi.getOneChar();
      // Keep the line as it was when the cursor came to it, for U.
      const bol = vi.buf.beginLine(vi.dot);
      if (bol !== vi.curLine) {
        vi.curLine = bol;
        vi.textYank(bol, vi.buf.endLine(vi.dot), REG_U, PARTIAL);
      }
      if (!vi.adding2q && vi.ioq === null && vi.cmdMode === 0 && c > 0 && c < 0x7f && MODIFYING_CMDS.includes(String.fromCharCode(c))) startNewCmdQ(vi, c);
      const top = vi.screenbegin;
      const changes = vi.buf.modified;
      await doCmd(vi, c);
      if (vi.buf.modified !== changes || vi.buf.queueing) vi.lastChangeTime = sys.now();
      // vim: a command line left on the last row goes when the text scrolls under it.
      if (vi.vim && vi.vimLeftIsCommand && !vi.statusMsg) {
        vi.refresh(false);
        if (vi.screenbegin !== top) vi.vimLeft = null;
      }
      if (!vi.term.hasInput()) {
        vi.refresh(false);
        vi.showStatusLine();
        if (vi.hitReturnPending) await vi.hitReturn();
      } else if (vi.hitReturnPending) await vi.hitReturn();
    } catch (err) {
      if (!(err instanceof Interrupted)) throw err;
      interrupted(vi);
    }
  }
  term.write(`\x1b[${vi.rows};1H\x1b[K`);
  vi.screen.invalidate();
  await term.flush();
}

/** ^C: busybox abandons the command and goes back to the top of the file; vim leaves insert mode or says how to quit. */
function interrupted(vi: Vi): void {
  vi.ioq = null;
  vi.adding2q = false;
  vi.cmdcnt = 0;
  // Typing still being gathered for undo stays so; busybox then shows the file as unmodified until it is committed.
  vi.suppressRender = false;
  vi.hitReturnPending = false;
  if (vi.vim) {
    if (vi.cmdMode !== 0) {
      vi.cmdMode = 0;
      if (vi.dot > 0 && vi.text[vi.dot - 1] !== '\n') vi.dot--;
      vi.clearMessageLine();
    } else vi.status('Type  :qa!  and press <Enter> to abandon all changes and exit Vim');
    vi.redraw(false);
    return;
  }
  vi.screenbegin = vi.dot = 0;
  vi.cmdMode = 0;
  vi.offset = 0;
  vi.redraw(false);
}

/** vim says what it opened: "notes.txt" 3L, 20B, or "new.txt" [New]. */
function vimOpenMessage(vi: Vi, fn: string | null, rc: number): void {
  if (fn === null) return;
  if (rc < 0) {
    vi.fileMessage(`"${fn}" [New]`);
    return;
  }
  const lines = vi.buf.lineCount();
  const ro = vi.readonlyMode ? ' [readonly]' : '';
  const noeol = !vi.text.endsWith('\n') ? ' [noeol]' : '';
  vi.fileMessage(`"${fn}"${ro}${noeol} ${lines}L, ${rc}B`);
}
