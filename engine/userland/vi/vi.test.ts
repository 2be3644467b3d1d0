/**
 * busybox vi and vim, driven through an emulated terminal: keys in, then
 * the file on disk, the screen, the exit status and the terminal's modes.
 * (differential.test.ts in ../tui compares the same with the real programs.)
 */
import { describe, expect, it } from 'vitest';
import { encodeExecutable } from '../../common/executable.ts';
import { nodePlatform } from '../../platform/node/index.ts';
import { bootHost, type Host } from '../host.ts';
import { TerminalSession } from '../tui/session.ts';

let shared: Host | undefined;
let n = 0;
const host = () => {
  if (!shared) {
    shared = bootHost(nodePlatform());
    shared.writeFile('/usr/bin/vim', encodeExecutable({ program: 'vim', version: '2:9.0.1378-2' }), 0o755);
  }
  return shared;
};

/** A fresh directory with `files`, and the program running in it on a terminal. */
function start(argv: string[], files: Record<string, string> = {}, options: { uid?: number; rows?: number; cols?: number } = {}) {
  const h = host();
  const dir = `/tmp/vitest${n++}`;
  h.rootfs.mkdir(dir, 0o777, { uid: 0, gid: 0 });
  for (const [name, content] of Object.entries(files)) h.writeFile(`${dir}/${name}`, content, 0o666);
  const s = TerminalSession.start(h, argv, { uid: options.uid ?? 0, cwd: dir, rows: options.rows ?? 10, cols: options.cols ?? 60 });
  return { s, dir, read: (name: string) => h.readFile(`${dir}/${name}`) };
}

async function typeAll(s: TerminalSession, keys: string[]): Promise<void> {
  await s.idle();
  for (const k of keys) await s.type(k);
}

describe('busy box vi: editing a file for real', () => {
  it('inserts, saves with :wq, exits 0 and gives the terminal back', async () => {
    const { s, read } = start(['vi', 'notes.txt'], { 'notes.txt': 'first\nsecond\n' });
    await typeAll(s, ['Ahello\x1b', 'jI> \x1b', 'oadded line\x1b', ':wq\r']);
    expect(await s.exit()).toBe(0);
    expect(read('notes.txt')).toBe('firsthello\n> second\nadded line\n');
    expect(s.modesRestored()).toBe(true);
  });

  it('shows the text, ~ past the end and the status line', async () => {
    const { s } = start(['vi', 'f.txt'], { 'f.txt': 'hello\nworld\nthird line\n' });
    await s.idle();
    expect(s.screen()).toBe('hello\nworld\nthird line\n~\n~\n~\n~\n~\n~\n- f.txt 1/3 33%');
    await s.type('jx');
    expect(s.line(-1)).toBe('- f.txt [Modified] 2/3 66%');
    await s.type(':w\r');
    expect(s.line(-1)).toBe("'f.txt' 3L, 22C");
    await s.type('ZZ');
    expect(await s.exit()).toBe(0);
  });

  it('refuses :q with changes, and :q! leaves them', async () => {
    const { s, read } = start(['vi', 'f.txt'], { 'f.txt': 'keep me\n' });
    await typeAll(s, ['dd', ':q\r']);
    expect(s.line(-1)).toBe('No write since last change (:q! overrides)');
    await s.type(':q!\r');
    expect(await s.exit()).toBe(0);
    expect(read('f.txt')).toBe('keep me\n');
  });

  // The expected text is what busybox 1.35 leaves, keys and all (e then cw changes from the end of the word).
  it('moves by words, lines and counts, and changes with d c y p r R J x and .', async () => {
    const { s, read } = start(['vi', 'w.txt'], { 'w.txt': 'alpha beta gamma delta\none two three\n  four\nfive\n' });
    await typeAll(s, [
      'w', 'dw', // alpha gamma delta
      'e', 'cwGAMMA\x1b', // alpha GAMMA delta
      '$', 'x', // alpha GAMMA delt
      '0', 'rA', // Alpha GAMMA delt
      'j', '2x', '.', // e two three  (x twice, then twice again)
      'yyP', // duplicate the line above
      'G', 'kJ', // "four five" joined
      '^', 'Rfour!\x1b', // replace "four" with "four!"
      'gg', 'yw', 'G', 'p', // paste "Alpha " after the cursor on the last line
      ':wq\r',
    ]);
    expect(await s.exit()).toBe(0);
    expect(read('w.txt')).toBe('Alpha gammGAMMA delt\ntwo three\ntwo three\n  fAlpha our!five\n');
  });

  it('undoes with u, back to "Already at oldest change"', async () => {
    const { s, read } = start(['vi', 'u.txt'], { 'u.txt': 'abc\n' });
    await typeAll(s, ['x', 'x', 'u']);
    // busybox counts changes in brackets: two were made, this undoes the second.
    expect(s.line(-1)).toBe('Undo [2] restored 1 chars at position 0');
    await s.type('u');
    await s.type('u');
    expect(s.line(-1)).toBe('Already at oldest change');
    await s.type(':wq\r');
    expect(await s.exit()).toBe(0);
    expect(read('u.txt')).toBe('abc\n');
  });

  it('searches with / ? n N, wrapping around, and says when nothing is found', async () => {
    const { s } = start(['vi', 's.txt'], { 's.txt': 'one\ntwo needle\nthree\nfour needle\n' });
    await typeAll(s, ['/needle\r']);
    expect([s.vt.row, s.vt.col]).toEqual([1, 4]);
    await s.type('n');
    expect([s.vt.row, s.vt.col]).toEqual([3, 5]);
    await s.type('n');
    expect(s.line(-1)).toBe('search hit BOTTOM, continuing at TOP');
    expect([s.vt.row, s.vt.col]).toEqual([1, 4]);
    await s.type('N');
    expect(s.line(-1)).toBe('search hit TOP, continuing at BOTTOM');
    await s.type('?three\r');
    expect(s.vt.row).toBe(2);
    await s.type('/a.c\r');
    // busybox searches for plain text, not a regular expression.
    expect(s.line(-1)).toBe('Pattern not found');
    await s.type(':q\r');
    expect(await s.exit()).toBe(0);
  });

  it('runs : commands: :N, :$, :s, :%s, :r, :w FILE, :e, :set', async () => {
    const { s, read } = start(['vi', 'c.txt'], { 'c.txt': 'a a a\nb a\nc\n', 'more.txt': 'inserted\n' });
    await typeAll(s, [':2\r', ':s/a/X/\r', ':%s/a/Y/g\r']);
    expect(s.line(-1)).toBe('3 substitutions on 1 lines');
    await s.type(':$\r');
    expect(s.vt.row).toBe(2);
    await s.type(':r more.txt\r');
    expect(s.line(-1)).toBe("'more.txt' 1L, 9C");
    await s.type(':w copy.txt\r');
    expect(s.line(-1)).toBe("'copy.txt' 4L, 21C");
    await s.type(':set ic\r');
    // busybox vi knows ai, et, fl, ic, sm and ts; "number" is vim's.
    await s.type(':set nu\r');
    expect(s.line(-1)).toBe('bad option: nu');
    // Writing the whole text anywhere counts as saved in busybox, so change something first.
    await s.type('x');
    await s.type(':e other.txt\r');
    expect(s.line(-1)).toBe('No write since last change (:e! overrides)');
    await s.type(':e! other.txt\r');
    expect(s.line(-1)).toBe("'other.txt' [New file] 1L, 1C");
    await s.type(':q\r');
    expect(await s.exit()).toBe(0);
    expect(read('copy.txt')).toBe('Y Y Y\nb X\nc\ninserted\n');
    expect(read('c.txt')).toBe('a a a\nb a\nc\n');
  });

  it('reports a read-only file and a write that is not permitted, as a learner', async () => {
    const h = host();
    h.writeFile('/tmp/owned-by-root.txt', 'root only\n', 0o644);
    const s = TerminalSession.start(h, ['vi', '/tmp/owned-by-root.txt'], { uid: 1000, cwd: '/tmp', rows: 8, cols: 60 });
    await s.idle();
    expect(s.line(-1)).toBe('- /tmp/owned-by-root.txt [Readonly] 1/1 100%');
    await s.type('x');
    await s.type(':w\r');
    expect(s.line(-1)).toBe("'/tmp/owned-by-root.txt' is read only");
    await s.type(':w!\r');
    expect(s.line(-1)).toBe("'/tmp/owned-by-root.txt' Permission denied");
    await s.type(':q!\r');
    expect(await s.exit()).toBe(0);
  });

  it('runs a shell command with :! and waits for Enter', async () => {
    const { s } = start(['vi', 'f.txt'], { 'f.txt': 'x\n' });
    await typeAll(s, [':!echo from the shell\r']);
    expect(s.screen()).toContain('from the shell');
    expect(s.line(-1)).toBe('[Hit return to continue]');
    expect(s.tty.termios.icanon).toBe(false);
    await s.type('\r');
    expect(s.line(0)).toBe('x');
    await s.type(':q\r');
    expect(await s.exit()).toBe(0);
  });

  it('reads its keys from a pipe when stdin is not a terminal, as busybox does', async () => {
    const h = host();
    h.writeFile('/tmp/piped.txt', 'ab\n');
    // busybox asks the terminal for its size and the answer it reads is the first key: "x" is eaten.
    const r = await h.exec(['vi', '/tmp/piped.txt'], { uid: 0, stdin: 'xx\n:wq\n' });
    expect(r.code).toBe(0);
    expect(h.readFile('/tmp/piped.txt')).toBe('b\n');
    const eof = await h.exec(['vi', '/tmp/never.txt'], { uid: 0, stdin: 'ihello\x1b' });
    expect(eof.code).toBe(1);
    expect(eof.stderr).toBe("vi: can't read user input\n");
  });
});

describe('vim', () => {
  it('says what it read, and "written" with bytes, not characters', async () => {
    const { s, read } = start(['vim', 'f.txt'], { 'f.txt': 'hello\nworld\n' }, { cols: 80 });
    await s.idle();
    expect(s.line(-1)).toBe('"f.txt" 2L, 12B                                               1,1           All');
    await s.type('x');
    await s.type(':q\r');
    expect(s.line(-1)).toMatch(/^E37: No write since last change \(add ! to override\) +1,1 +All$/);
    await s.type(':w\r');
    expect(s.line(-1)).toMatch(/^"f.txt" 2L, 11B written +1,1 +All$/);
    await s.type(':q\r');
    expect(await s.exit()).toBe(0);
    expect(read('f.txt')).toBe('ello\nworld\n');
  });

  it('shows -- INSERT --, undoes and redoes, and searches with regular expressions', async () => {
    const { s, read } = start(['vim', 'r.txt'], { 'r.txt': 'abc 123\nxyz 456\n' }, { cols: 80 });
    await s.idle();
    await s.type('i');
    expect(s.line(-1)).toMatch(/^-- INSERT -- +1,1 +All$/);
    await s.type('new \x1b');
    expect(s.line(-1)).toMatch(/^ +1,4 +All$/);
    await s.type('u');
    expect(s.line(-1)).toMatch(/^1 change; before #1 +\d+ seconds? ago +1,1 +All$/);
    await s.type('\x12');
    expect(s.line(0)).toBe('new abc 123');
    await s.type('/[0-9]\\+$\r');
    expect([s.vt.row, s.vt.col]).toEqual([0, 8]);
    await s.type('n');
    expect([s.vt.row, s.vt.col]).toEqual([1, 4]);
    await s.type(':%s/\\([a-z]\\+\\) \\([0-9]\\+\\)/\\2 \\1/\r');
    await s.type(':wq\r');
    expect(await s.exit()).toBe(0);
    expect(read('r.txt')).toBe('new 123 abc\n456 xyz\n');
  });

  it('has :set number and :set list, and wraps long lines', async () => {
    const { s } = start(['vim', 'l.txt'], { 'l.txt': 'a\tb\n' + 'x'.repeat(70) + '\n' }, { cols: 40 });
    await s.idle();
    expect(s.line(1)).toBe('x'.repeat(40));
    expect(s.line(2)).toBe('x'.repeat(30));
    await s.type(':set nu list\r');
    expect(s.line(0)).toBe('  1 a^Ib$');
    await s.type(':q\r');
    expect(await s.exit()).toBe(0);
  });

  it('opens a new file with [New], and ^C in normal mode tells how to quit', async () => {
    const { s } = start(['vim', 'brand-new.txt'], {}, { cols: 80 });
    await s.idle();
    expect(s.line(-1)).toMatch(/^"brand-new.txt" \[New\] +0,0-1 +All$/);
    await s.type('\x03');
    expect(s.line(-1)).toMatch(/^Type {2}:qa! {2}and press <Enter> to abandon all changes and exit Vim/);
    await s.type(':qa!\r');
    expect(await s.exit()).toBe(0);
    expect(s.modesRestored()).toBe(true);
  });
});
