/**
 * Keys in command mode, insert mode and replace mode: busybox vi's do_cmd.
 *
 * One call handles one key. In command mode a key may read more keys (a
 * motion after "d", the character after "r", a whole line after ":"). Counts
 * build up in `cmdcnt` one digit per call, and are used by the command that
 * follows. Commands that change the text are recorded as they are typed, so
 * "." can play them again.
 */
import { KEY } from '../tui/keys.ts';
import { ALLOW } from './buffer.ts';
import { colon } from './colon.ts';
import { charInsert, findPair, indentLen } from './insert.ts';
import { dotToChar, findRange, skipThing, S_BEFORE_WS, S_END_ALNUM, S_END_PUNCT, S_OVER_WS, S_TO_WS } from './motion.ts';
import { BACK, C_END, FORWARD, PARTIAL, REG_D, REG_U, WHOLE, errorText, isalnum, isalpha, isblank, ispunct, isspace, type Vi } from './editor.ts';
import { charSearch, matchLengthAt, notFoundMessage, wrapMessage } from './search.ts';

/** Commands that change the text; "." repeats the last of them. */
export const MODIFYING_CMDS = 'aAcCdDiIJoOpPrRsxX<>~';

const ch = (c: number): string => (c >= 0 ? String.fromCodePoint(c) : '');

export function startNewCmdQ(vi: Vi, c: number): void {
  vi.dotcnt = vi.cmdcnt || 1;
  vi.lmc = [c];
  vi.adding2q = true;
}

export function endCmdQ(vi: Vi): void {
  vi.YDreg = REG_D;
  vi.adding2q = false;
}

function notImplemented(vi: Vi, s: string): void {
  if (vi.vim) return;
  vi.statusBold(`'${vi.printable(s)}' is not implemented`);
}

/** Does what key c means (busybox's do_cmd). */
export async function doCmd(vi: Vi, c: number): Promise<void> {
  const b = vi.buf;
  const origDot = vi.dot;
  vi.keepIndex = false;
  vi.cmdError = false;
  vi.showStatusLine();

  const cursorKey = c === KEY.UP || c === KEY.DOWN || c === KEY.LEFT || c === KEY.RIGHT || c === KEY.HOME || c === KEY.END || c === KEY.PAGEUP || c === KEY.PAGEDOWN || c === KEY.DELETE;
  done: {
    if (!cursorKey) {
      if (vi.cmdMode === 2) {
        if (c === KEY.INSERT) {
          startInsert(vi);
          break done;
        }
        if (vi.text[vi.dot] === '\n') {
          vi.cmdMode = 1;
          b.commit();
        } else {
          if (c >= 1) {
            if (c !== 27 && !vi.isBackspace(c)) vi.dot = vi.yankDelete(vi.dot, vi.dot, PARTIAL, true, ALLOW.UNDO);
            vi.dot = await charInsert(vi, vi.dot, c, ALLOW.CHAIN);
          }
          break done;
        }
      }
      if (vi.cmdMode === 1) {
        if (c === KEY.INSERT) {
          startReplace(vi);
          break done;
        }
        if (c >= 1) vi.dot = await charInsert(vi, vi.dot, c, ALLOW.QUEUED);
        break done;
      }
    }
    await commandKey(vi, c);
  }

  // dc1:
  if (vi.end === 0) {
    b.insert(0, '\n', ALLOW.NO);
    vi.dot = 0;
  }
  if (vi.dot !== vi.end) vi.dot = vi.boundDot(vi.dot);
  if (vi.dot !== origDot) vi.checkContext(c);
  if (!(c >= 0x30 && c <= 0x39)) vi.cmdcnt = 0;
  const cnt = vi.dot - b.beginLine(vi.dot);
  if (vi.text[vi.dot] === '\n' && cnt > 0 && vi.cmdMode === 0) vi.dot--;
}

function startInsert(vi: Vi): void {
  vi.newindent = -1;
  vi.cmdMode = 1;
  vi.buf.commit();
}

function startReplace(vi: Vi): void {
  vi.cmdMode = 2;
  vi.buf.commit();
  vi.rstart = vi.dot;
}

/** Command mode: everything from busybox's key_cmd_mode label on. */
async function commandKey(vi: Vi, c: number): Promise<void> {
  // The first change a command makes is an undo step of its own; the rest join it.
  let allowUndo: number = ALLOW.UNDO;
  const b = vi.buf;
  let p: number;
  let q: number;
  let cnt: number;
  let dir: number;
  switch (c) {
    case 0:
      return;
    case 2: // ^B
    case KEY.PAGEUP:
      vi.dotScroll(vi.rows - 2, -1);
      return;
    case 4: // ^D
      vi.dotScroll(Math.floor((vi.rows - 2) / 2), 1);
      return;
    case 5: // ^E
      vi.dotScroll(1, 1);
      return;
    case 6: // ^F
    case KEY.PAGEDOWN:
      vi.dotScroll(vi.rows - 2, 1);
      return;
    case 7: // ^G
      vi.forceStatus();
      if (vi.vim) vi.status(vimFileInfo(vi));
      return;
    case 0x68: // h
    case KEY.LEFT:
    case 8:
    case 0x7f:
      do vi.dotLeft();
      while (--vi.cmdcnt > 0);
      return;
    case 10:
    case 0x6a: // j
    case KEY.DOWN:
    case 13:
    case 0x2b: // +
      q = vi.dot;
      do {
        p = b.nextLine(q);
        if (p === b.endLine(q)) {
          vi.indicateError();
          return;
        }
        q = p;
      } while (--vi.cmdcnt > 0);
      vi.dot = q;
      if (c === 13 || c === 0x2b) vi.dotSkipOverWs();
      else {
        vi.dot = vi.cindex === C_END ? b.endLine(vi.dot) : vi.moveToCol(vi.dot, vi.cindex);
        vi.keepIndex = true;
      }
      return;
    case 12: // ^L
      vi.redraw(true);
      return;
    case 18: // ^R: redraw in busybox, redo in vim
      if (vi.vim) {
        redo(vi);
        return;
      }
      vi.redraw(true);
      return;
    case 21: // ^U
      vi.dotScroll(Math.floor((vi.rows - 2) / 2), -1);
      return;
    case 25: // ^Y
      vi.dotScroll(1, -1);
      return;
    case 27:
      if (vi.cmdMode === 0) vi.indicateError();
      vi.cmdMode = 0;
      b.commit();
      endCmdQ(vi);
      vi.forceStatus();
      return;
    case 0x20:
    case 0x6c: // l
    case KEY.RIGHT:
      do vi.dotRight();
      while (--vi.cmdcnt > 0);
      return;
    case 0x22: {
      // "x: the register for the next delete or yank
      const c1 = ((await vi.getOneChar()) | 0x20) - 0x61;
      if (c1 >= 0 && c1 <= 25) vi.YDreg = c1;
      else vi.indicateError();
      return;
    }
    case 0x27: {
      // 'x: to a mark
      const c1 = (await vi.getOneChar()) | 0x20;
      if (c1 - 0x61 >= 0 && c1 - 0x61 <= 25) {
        const m = vi.mark[c1 - 0x61];
        if (m !== null && m !== undefined && m >= 0 && m < vi.end) {
          vi.dot = m;
          vi.dotBegin();
          vi.dotSkipOverWs();
        } else {
          if (vi.vim) vi.statusBold('E20: Mark not set');
          vi.indicateError();
        }
      } else if (c1 === 0x27) {
        vi.dot = vi.swapContext(vi.dot);
        vi.dotBegin();
        vi.dotSkipOverWs();
      } else vi.indicateError();
      return;
    }
    case 0x6d: {
      // m: set a mark
      const c1 = ((await vi.getOneChar()) | 0x20) - 0x61;
      if (c1 >= 0 && c1 <= 25) vi.mark[c1] = vi.dot;
      else vi.indicateError();
      return;
    }
    case 0x50: // P
    case 0x70: {
      // p
      const reg = vi.reg[vi.YDreg];
      if (reg === null || reg === undefined) {
        vi.statusBold(vi.vim ? `E353: Nothing in register ${vi.YDreg === REG_D ? '"' : vi.whatReg()}` : `Nothing in register ${vi.whatReg()}`);
        return;
      }
      cnt = 0;
      const i = vi.cmdcnt || 1;
      if (vi.regtype[vi.YDreg] === WHOLE) {
        if (c === 0x50) vi.dotBegin();
        else if (b.endLine(vi.dot) === vi.end - 1) vi.dot = vi.end;
        else vi.dotNext();
      } else {
        if (c === 0x70) vi.dotRight();
        if (!reg.includes('\n')) cnt = i * reg.length - 1;
      }
      do {
        vi.stringInsert(vi.dot, reg, allowUndo);
        allowUndo = ALLOW.CHAIN;
      } while (--vi.cmdcnt > 0);
      vi.dot += cnt;
      vi.dotSkipOverWs();
      vi.yankStatus('Put', reg, i);
      endCmdQ(vi);
      return;
    }
    case 0x55: {
      // U: the line as it was before the cursor came to it
      const orig = vi.reg[REG_U];
      if (orig !== null && orig !== undefined) {
        p = b.beginLine(vi.dot);
        q = b.endLine(vi.dot);
        p = b.remove(p, q, ALLOW.UNDO);
        vi.stringInsert(p, orig, ALLOW.CHAIN);
        vi.dot = p;
        vi.dotSkipOverWs();
        vi.yankStatus('Undo', orig, 1);
      }
      return;
    }
    case 0x75: // u
      undo(vi);
      return;
    case 0x24: // $
    case KEY.END:
      for (;;) {
        vi.dot = b.endLine(vi.dot);
        if (--vi.cmdcnt <= 0) break;
        vi.dotNext();
      }
      vi.cindex = C_END;
      vi.keepIndex = true;
      return;
    case 0x25: {
      // %: the matching bracket
      for (q = vi.dot; q < vi.end && vi.text[q] !== '\n'; q++) {
        if ('()[]{}'.includes(vi.text[q]!)) {
          const m = findPair(vi, q, vi.text[q]!);
          if (m === null) vi.indicateError();
          else vi.dot = m;
          break;
        }
      }
      if (vi.text[q] === '\n') vi.indicateError();
      return;
    }
    case 0x66: // f
    case 0x46: // F
    case 0x74: // t
    case 0x54: // T
    case 0x3b: // ;
    case 0x2c: // ,
      if (c !== 0x3b && c !== 0x2c) {
        vi.lastSearchChar = await vi.getOneChar();
        vi.lastSearchCmd = c;
      }
      dotToChar(vi, c !== 0x2c ? vi.lastSearchCmd : vi.lastSearchCmd ^ 0x20);
      return;
    case 0x2e: // .
      if (vi.lmc.length !== 0) {
        if (vi.cmdcnt) vi.dotcnt = vi.cmdcnt;
        vi.ioq = [...String(vi.dotcnt)].map((d) => d.charCodeAt(0)).concat(vi.lmc);
      }
      return;
    case 0x4e: // N
      dir = vi.lastSearchPattern[0] === '/' ? BACK : FORWARD;
      await searchAgain(vi, dir);
      return;
    case 0x3f: // ?
    case 0x2f: {
      // /
      const line = await vi.getInputLine(ch(c));
      if (!line) return;
      if (line.length === 1) {
        if (vi.lastSearchPattern) vi.lastSearchPattern = ch(c) + vi.lastSearchPattern.slice(1);
      } else vi.lastSearchPattern = line;
      dir = vi.lastSearchPattern[0] === '/' ? FORWARD : BACK;
      await searchAgain(vi, dir);
      return;
    }
    case 0x6e: // n
      dir = vi.lastSearchPattern[0] === '/' ? FORWARD : BACK;
      await searchAgain(vi, dir);
      return;
    case 0x7b: // {
    case 0x7d: {
      // }
      dir = c === 0x7d ? FORWARD : BACK;
      do {
        let skip = true;
        let found = false;
        while (dir === FORWARD ? vi.dot < vi.end - 1 : vi.dot > 0) {
          if (vi.text[vi.dot] === '\n' && vi.at(vi.dot + dir) === '\n') {
            if (!skip) {
              if (dir === FORWARD) ++vi.dot;
              found = true;
              break;
            }
          } else skip = false;
          vi.dot += dir;
        }
        if (!found) {
          endCmdQ(vi);
          return;
        }
      } while (--vi.cmdcnt > 0);
      return;
    }
    case 0x30:
    case 0x31:
    case 0x32:
    case 0x33:
    case 0x34:
    case 0x35:
    case 0x36:
    case 0x37:
    case 0x38:
    case 0x39:
      if (c === 0x30 && vi.cmdcnt < 1) vi.dotBegin();
      else vi.cmdcnt = vi.cmdcnt * 10 + (c - 0x30);
      return;
    case 0x3a: {
      // :
      const line = await vi.getInputLine(':');
      await colon(vi, line);
      return;
    }
    case 0x3c: // <
    case 0x3e: {
      // >
      cnt = b.lineOf(vi.dot);
      const r = await findRange(vi, c);
      if (r.type === -1) {
        endCmdQ(vi);
        return;
      }
      let i = b.countLines(r.start, r.stop);
      for (p = b.beginLine(r.start); i > 0; i--, p = b.nextLine(p)) {
        if (c === 0x3c) {
          if (vi.text[p] === '\t') b.remove(p, p, allowUndo as 0);
          else if (vi.text[p] === ' ') {
            for (let j = 0; vi.text[p] === ' ' && j < vi.tabstop; j++) {
              b.remove(p, p, allowUndo as 0);
              allowUndo = ALLOW.CHAIN;
            }
          }
        } else if (p !== b.endLine(p)) {
          await charInsert(vi, p, 9, allowUndo);
        }
        allowUndo = ALLOW.CHAIN;
      }
      vi.dot = b.findLine(cnt);
      vi.dotSkipOverWs();
      endCmdQ(vi);
      return;
    }
    case 0x41: // A
    case 0x61: // a
      if (c === 0x41) vi.dotEnd();
      if (vi.text[vi.dot] !== '\n') vi.dot++;
      startInsert(vi);
      return;
    case 0x42: // B
    case 0x45: // E
    case 0x57: // W
      dir = c === 0x42 ? BACK : FORWARD;
      do {
        if (c === 0x57 || isspace(vi.at(vi.dot + dir))) {
          vi.dot = skipThing(vi, vi.dot, 1, dir, S_TO_WS);
          vi.dot = skipThing(vi, vi.dot, 2, dir, S_OVER_WS);
        }
        if (c !== 0x57) vi.dot = skipThing(vi, vi.dot, 1, dir, S_BEFORE_WS);
      } while (--vi.cmdcnt > 0);
      return;
    case 0x43: // C
    case 0x44: {
      // D
      const save = vi.dot;
      vi.dot = b.dollarLine(vi.dot);
      vi.dot = vi.yankDelete(save, vi.dot, PARTIAL, true, ALLOW.UNDO);
      if (c === 0x43) startInsert(vi);
      else endCmdQ(vi);
      return;
    }
    case 0x67: // gg
    case 0x47: // G
      if (c === 0x67) {
        const c1 = await vi.getOneChar();
        if (c1 !== 0x67) {
          notImplemented(vi, 'g' + (c1 >= 0 ? String.fromCodePoint(c1) : '*'));
          vi.cmdError = true;
          return;
        }
        if (vi.cmdcnt === 0) vi.cmdcnt = 1;
      }
      vi.dot = vi.end - 1;
      if (vi.cmdcnt > 0) vi.dot = b.findLine(vi.cmdcnt);
      vi.dotBegin();
      vi.dotSkipOverWs();
      return;
    case 0x48: // H
      vi.dot = vi.screenbegin;
      if (vi.cmdcnt > vi.rows - 1) vi.cmdcnt = vi.rows - 1;
      while (--vi.cmdcnt > 0) vi.dotNext();
      vi.dotBegin();
      vi.dotSkipOverWs();
      return;
    case 0x49: // I
      vi.dotBegin();
      vi.dotSkipOverWs();
      startInsert(vi);
      return;
    case 0x69: // i
    case KEY.INSERT:
      startInsert(vi);
      return;
    case 0x4a: // J
      do {
        vi.dotEnd();
        if (vi.dot < vi.end - 1) {
          b.remove(vi.dot, vi.dot, ALLOW.UNDO);
          b.insert(vi.dot, ' ', ALLOW.CHAIN);
          vi.dot++;
          while (isblank(vi.at(vi.dot)) && vi.dot < vi.end - 1) b.remove(vi.dot, vi.dot, ALLOW.CHAIN);
        }
      } while (--vi.cmdcnt > 0);
      endCmdQ(vi);
      return;
    case 0x4c: // L
      vi.dot = vi.endScreen();
      if (vi.cmdcnt > vi.rows - 1) vi.cmdcnt = vi.rows - 1;
      while (--vi.cmdcnt > 0) vi.dotPrev();
      vi.dotBegin();
      vi.dotSkipOverWs();
      return;
    case 0x4d: // M
      vi.dot = vi.screenbegin;
      for (cnt = 0; cnt < Math.floor((vi.rows - 1) / 2); cnt++) vi.dot = b.nextLine(vi.dot);
      vi.dotSkipOverWs();
      return;
    case 0x4f: // O
    case 0x6f: // o
      if (c === 0x4f) {
        vi.dotBegin();
        vi.newindent = vi.getColumn(vi.dot + indentLen(vi, vi.dot));
      } else vi.dotEnd();
      vi.cmdMode = 1;
      vi.dot = await charInsert(vi, vi.dot, 10, ALLOW.UNDO);
      if (c === 0x4f && !vi.opts.autoindent) vi.dotPrev();
      startInsert(vi);
      return;
    case 0x52: // R
      startReplace(vi);
      return;
    case KEY.DELETE:
      if (vi.dot < vi.end - 1) vi.dot = vi.yankDelete(vi.dot, vi.dot, PARTIAL, true, ALLOW.UNDO);
      return;
    case 0x58: // X
    case 0x78: // x
    case 0x73: // s
      dir = c === 0x58 ? -1 : 0;
      do {
        if (vi.at(vi.dot + dir) !== '\n' && vi.dot + dir >= 0) {
          if (c === 0x58) vi.dot--;
          vi.dot = vi.yankDelete(vi.dot, vi.dot, PARTIAL, true, allowUndo);
          allowUndo = ALLOW.CHAIN;
        }
      } while (--vi.cmdcnt > 0);
      endCmdQ(vi);
      if (c === 0x73) startInsert(vi);
      return;
    case 0x5a: {
      // ZZ, ZQ
      const c1 = await vi.getOneChar();
      if (c1 === 0x51) {
        vi.editing = 0;
        vi.optind = vi.files.length;
        return;
      }
      if (c1 !== 0x5a) {
        vi.indicateError();
        return;
      }
      if (b.modified) {
        if (vi.readonlyMode && vi.currentFilename) {
          vi.statusBold(vi.vim ? "E45: 'readonly' option is set (add ! to override)" : `'${vi.currentFilename}' is read only`);
          return;
        }
        cnt = await vi.fileWrite(vi.currentFilename, 0, vi.end - 1);
        if (cnt < 0) {
          if (cnt === -1) vi.statusBold(vi.vim ? `"${vi.currentFilename}" E212: Can't open file for writing` : `Write error: ${errno(vi)}`);
        } else if (cnt === vi.writeSize(0, vi.end - 1)) vi.editing = 0;
      } else vi.editing = 0;
      const j = vi.files.length - vi.optind - 1;
      if (vi.editing === 0 && j > 0) {
        vi.editing = 1;
        b.modified = 0;
        vi.statusBold(vi.vim ? `E173: ${j} more file${j > 1 ? 's' : ''} to edit` : `${j} more file(s) to edit`);
      }
      return;
    }
    case 0x5e: // ^
      vi.dotBegin();
      vi.dotSkipOverWs();
      return;
    case 0x62: // b
    case 0x65: // e
      dir = c === 0x62 ? BACK : FORWARD;
      do {
        if (vi.dot + dir < 0 || vi.dot + dir > vi.end - 1) break;
        vi.dot += dir;
        if (isspace(vi.at(vi.dot))) vi.dot = skipThing(vi, vi.dot, c === 0x65 ? 2 : 1, dir, S_OVER_WS);
        if (isalnum(vi.at(vi.dot)) || vi.at(vi.dot) === '_') vi.dot = skipThing(vi, vi.dot, 1, dir, S_END_ALNUM);
        else if (ispunct(vi.at(vi.dot))) vi.dot = skipThing(vi, vi.dot, 1, dir, S_END_PUNCT);
      } while (--vi.cmdcnt > 0);
      return;
    case 0x63: // c
    case 0x64: // d
    case 0x79: // y
    case 0x59: {
      // Y
      const yank = c === 0x79 || c === 0x59;
      const serial = vi.yankSerial;
      const r = await findRange(vi, c);
      if (r.type === -1) {
        endCmdQ(vi);
        return;
      }
      p = r.start;
      q = r.stop;
      let saveDot = p;
      if (r.type === WHOLE) {
        saveDot = p;
        p = b.beginLine(p);
        if (c === 0x63) vi.newindent = vi.getColumn(p + indentLen(vi, p));
        q = b.endLine(q);
      }
      vi.dot = vi.yankDelete(p, q, r.type, !yank, ALLOW.UNDO);
      if (r.type === WHOLE) {
        if (c === 0x63) {
          vi.cmdMode = 1;
          vi.dot = await charInsert(vi, vi.dot, 10, ALLOW.CHAIN);
          if (vi.dot !== vi.end - 1 && !vi.opts.autoindent) vi.dotPrev();
        } else if (c === 0x64) {
          vi.dotBegin();
          vi.dotSkipOverWs();
        } else vi.dot = saveDot;
      }
      if (c === 0x63) {
        startInsert(vi);
        return;
      }
      if (vi.yankSerial !== serial) vi.yankStatus(c === 0x64 ? 'Delete' : 'Yank', vi.reg[vi.YDreg] ?? '', 1);
      endCmdQ(vi);
      return;
    }
    case 0x6b: // k
    case KEY.UP:
    case 0x2d: // -
      q = vi.dot;
      do {
        p = b.prevLine(q);
        if (p === b.beginLine(q)) {
          vi.indicateError();
          return;
        }
        q = p;
      } while (--vi.cmdcnt > 0);
      vi.dot = q;
      if (c === 0x2d) vi.dotSkipOverWs();
      else {
        vi.dot = vi.cindex === C_END ? b.endLine(vi.dot) : vi.moveToCol(vi.dot, vi.cindex);
        vi.keepIndex = true;
      }
      return;
    case 0x72: {
      // r
      const c1 = await vi.getOneChar();
      if (c1 !== 27) {
        if (b.endLine(vi.dot) - vi.dot < (vi.cmdcnt || 1)) {
          vi.indicateError();
          endCmdQ(vi);
          return;
        }
        do {
          vi.dot = b.remove(vi.dot, vi.dot, allowUndo as 0);
          allowUndo = ALLOW.CHAIN;
          vi.dot = await charInsert(vi, vi.dot, c1, allowUndo);
        } while (--vi.cmdcnt > 0);
        vi.dotLeft();
      }
      endCmdQ(vi);
      return;
    }
    case 0x77: // w
      do {
        if (isalnum(vi.at(vi.dot)) || vi.at(vi.dot) === '_') vi.dot = skipThing(vi, vi.dot, 1, FORWARD, S_END_ALNUM);
        else if (ispunct(vi.at(vi.dot))) vi.dot = skipThing(vi, vi.dot, 1, FORWARD, S_END_PUNCT);
        if (vi.dot < vi.end - 1) vi.dot++;
        if (isspace(vi.at(vi.dot))) vi.dot = skipThing(vi, vi.dot, 2, FORWARD, S_OVER_WS);
      } while (--vi.cmdcnt > 0);
      return;
    case 0x7a: {
      // z
      const c1 = await vi.getOneChar();
      cnt = 0;
      if (c1 === 0x2e) cnt = Math.floor((vi.rows - 2) / 2);
      if (c1 === 0x2d) cnt = vi.rows - 2;
      vi.screenbegin = b.beginLine(vi.dot);
      vi.dotScroll(cnt, -1);
      return;
    }
    case 0x7c: // |
      vi.dot = vi.moveToCol(vi.dot, vi.cmdcnt - 1);
      return;
    case 0x7e: {
      // ~
      let first = true;
      do {
        const x = vi.at(vi.dot);
        if (isalpha(x)) {
          b.remove(vi.dot, vi.dot, first ? ALLOW.UNDO : ALLOW.CHAIN);
          b.insert(vi.dot, x === x.toLowerCase() ? x.toUpperCase() : x.toLowerCase(), ALLOW.CHAIN);
          first = false;
        }
        vi.dotRight();
      } while (--vi.cmdcnt > 0);
      endCmdQ(vi);
      return;
    }
    case KEY.HOME:
      vi.dotBegin();
      return;
    default: {
      notImplemented(vi, c >= 0 ? String.fromCodePoint(c) : '*');
      endCmdQ(vi);
      return;
    }
  }
}

function errno(vi: Vi): string {
  return errorText(vi.writeError ?? new Error('Input/output error'));
}


/** ^R in vim: does again what u reversed. */
function redo(vi: Vi): void {
  const at = vi.buf.redo();
  if (at === null) {
    vi.status('Already at newest change');
    return;
  }
  vi.dot = at;
  vi.status(`1 change; after #${vi.buf.undoDepth}  ${secondsAgo(vi)}`);
}

/** "0 seconds ago", as vim says how long ago a change was made. */
function secondsAgo(vi: Vi): string {
  // vim subtracts whole seconds of the clock, so a change 0.3 s ago may be "1 second ago".
  const s = Math.max(0, Math.floor(vi.sys.now() / 1000) - Math.floor(vi.lastChangeTime / 1000));
  return `${s} second${s === 1 ? '' : 's'} ago`;
}

/** u: busybox undoes one step and tells where; vim counts changes. */
function undo(vi: Vi): void {
  const before = vi.buf.undoDepth;
  vi.buf.undo();
  const u = vi.buf.lastUndo;
  if (!u) return;
  if (vi.vim) {
    if (u.message === 'Already at oldest change') vi.status(u.message);
    else vi.status(`1 change; before #${before}  ${secondsAgo(vi)}`);
  } else vi.status(u.message);
  if (u.dot !== null) {
    vi.dot = u.dot;
    vi.refresh(false);
  }
}

/** n, N and the search after / or ? (busybox's dc4). */
async function searchAgain(vi: Vi, dir: number): Promise<void> {
  if (vi.lastSearchPattern.length <= 1) {
    vi.statusBold(vi.vim ? 'E35: No previous regular expression' : 'No previous search');
    return;
  }
  const pat = vi.lastSearchPattern.slice(1);
  do {
    // vim ('cpoptions' has "c") goes on after the end of a match under the cursor.
    const skip = vi.vim && dir === FORWARD ? Math.max(1, matchLengthAt(vi, vi.dot, pat)) : 1;
    let q = charSearch(vi, vi.dot + dir * skip, pat, dir, true);
    if (q !== null) vi.dot = q;
    else {
      q = charSearch(vi, dir === FORWARD ? 0 : vi.end - 1, pat, dir, true);
      if (q !== null) {
        vi.dot = q;
        vi.statusBold(wrapMessage(vi, dir));
      } else {
        vi.cmdcnt = 0;
        vi.statusBold(notFoundMessage(vi, pat));
      }
    }
  } while (--vi.cmdcnt > 0);
}

/** vim's ^G: "file" 3 lines --33%--. */
function vimFileInfo(vi: Vi): string {
  const lines = vi.buf.lineCount();
  const cur = vi.buf.lineOf(vi.dot);
  const name = vi.currentFilename ?? '[No Name]';
  const mod = vi.buf.modified ? ' [Modified]' : '';
  return `"${name}"${mod} ${lines} line${lines === 1 ? '' : 's'} --${Math.floor((cur * 100) / Math.max(1, lines))}%--`;
}

