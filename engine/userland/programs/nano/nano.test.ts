/**
 * nano on an emulated terminal: the screen it draws, the prompts it asks,
 * the file it writes. (../../tui/differential.test.ts compares screens with
 * the real nano 7.2 when it is installed.)
 */
import { describe, expect, it } from 'vitest';
import { encodeExecutable } from '../../../common/executable.ts';
import { nodePlatform } from '../../../platform/node/index.ts';
import { bootHost, type Host } from '../../host.ts';
import { TerminalSession } from '../../tui/session.ts';

let shared: Host | undefined;
let n = 0;
const host = () => {
  if (!shared) {
    shared = bootHost(nodePlatform());
    shared.writeFile('/usr/bin/nano', encodeExecutable({ program: 'nano', version: '7.2-1' }), 0o755);
  }
  return shared;
};

/** A status-bar message as nano centers it on an 80-column screen. */
const centered = (msg: string, cols = 80) => ' '.repeat(Math.floor((cols - msg.length) / 2)) + msg;

function start(files: Record<string, string>, argv: string[], options: { rows?: number; cols?: number; uid?: number } = {}) {
  const h = host();
  const dir = `/tmp/nanotest${n++}`;
  h.rootfs.mkdir(dir, 0o777, { uid: 0, gid: 0 });
  for (const [name, content] of Object.entries(files)) h.writeFile(`${dir}/${name}`, content, 0o666);
  const s = TerminalSession.start(h, argv, { uid: options.uid ?? 0, cwd: dir, rows: options.rows ?? 24, cols: options.cols ?? 80 });
  return { s, read: (name: string) => h.readFile(`${dir}/${name}`), h, dir };
}

describe('nano', () => {
  it('draws the title bar, the text, "[ Read 3 lines ]" and two rows of shortcuts', async () => {
    const { s } = start({ 'f.txt': 'hello\nworld\nthird line\n' }, ['nano', 'f.txt']);
    await s.idle();
    expect(s.line(0)).toBe('  GNU nano 7.2                         f.txt');
    expect(s.vt.isReverse(0, 0)).toBe(true);
    expect(s.line(1)).toBe('hello');
    expect(s.line(21)).toBe(centered('[ Read 3 lines ]'));
    expect(s.line(22)).toBe('^G Help      ^O Write Out ^W Where Is  ^K Cut       ^T Execute   ^C Location');
    expect(s.line(23)).toBe('^X Exit      ^R Read File ^\\ Replace   ^U Paste     ^J Justify   ^/ Go To Line');
    await s.type('\x18');
    expect(await s.exit()).toBe(0);
    expect(s.modesRestored()).toBe(true);
  });

  it('types, saves with ^O and the "File Name to Write:" prompt, and exits with ^X', async () => {
    const { s, read } = start({ 'f.txt': 'hello\n' }, ['nano', 'f.txt']);
    await s.idle();
    await s.type('Hi, ');
    expect(s.line(0)).toMatch(/f\.txt +Modified$/);
    await s.type('\x0f');
    expect(s.line(21)).toBe('File Name to Write: f.txt');
    expect(s.line(22)).toBe('^G Help             M-D DOS Format      M-A Append          M-B Backup File');
    await s.type('\r');
    expect(s.line(21)).toBe(centered('[ Wrote 1 line ]'));
    expect(read('f.txt')).toBe('Hi, hello\n');
    await s.type('\x18');
    expect(await s.exit()).toBe(0);
  });

  it('asks "Save modified buffer?" on ^X: N throws the changes away, Y writes them', async () => {
    const first = start({ 'a.txt': 'keep\n' }, ['nano', 'a.txt']);
    await first.s.idle();
    await first.s.type('zzz');
    await first.s.type('\x18');
    expect(first.s.line(21)).toBe('Save modified buffer?');
    expect(first.s.line(22)).toBe(' Y Yes');
    expect(first.s.line(23)).toBe(' N No           ^C Cancel');
    await first.s.type('n');
    expect(await first.s.exit()).toBe(0);
    expect(first.read('a.txt')).toBe('keep\n');

    const second = start({}, ['nano', 'new.txt']);
    await second.s.idle();
    expect(second.s.line(21)).toBe(centered('[ New File ]'));
    await second.s.type('line one\rline two');
    await second.s.type('\x18');
    await second.s.type('y');
    expect(second.s.line(21)).toBe('File Name to Write: new.txt');
    await second.s.type('\r');
    expect(await second.s.exit()).toBe(0);
    expect(second.read('new.txt')).toBe('line one\nline two\n');
  });

  it('cuts lines with ^K (several in a row go together) and pastes them with ^U', async () => {
    const { s, read } = start({ 'c.txt': 'one\ntwo\nthree\nfour\n' }, ['nano', 'c.txt']);
    await s.idle();
    await s.type('\x0b\x0b');
    expect(s.line(1)).toBe('three');
    await s.type('\x1b[B\x1b[B');
    await s.type('\x15');
    expect(s.screen().split('\n').slice(1, 6)).toEqual(['three', 'four', 'one', 'two', '']);
    await s.type('\x13');
    expect(read('c.txt')).toBe('three\nfour\none\ntwo\n');
    await s.type('\x18');
    expect(await s.exit()).toBe(0);
  });

  it('searches with ^W, wraps around, says when a string is not found, and shows ^C location', async () => {
    const { s } = start({ 's.txt': 'alpha\nbeta\ngamma alpha\n' }, ['nano', 's.txt']);
    await s.idle();
    await s.type('\x17');
    expect(s.line(21)).toBe('Search:');
    await s.type('alpha\r');
    expect([s.vt.row, s.vt.col]).toEqual([3, 6]);
    await s.type('\x17');
    expect(s.line(21)).toBe('Search [alpha]:');
    await s.type('\r');
    expect([s.vt.row, s.vt.col]).toEqual([1, 0]);
    expect(s.line(21)).toBe(centered('[ Search Wrapped ]'));
    await s.type('\x17nothing\r');
    expect(s.line(21)).toBe(centered('[ "nothing" not found ]'));
    await s.type('\x03');
    expect(s.line(21)).toBe(centered('[ line  1/4 (25%), col  1/ 6 ( 16%), char  0/23 ( 0%) ]'));
    await s.type('\x18');
    expect(await s.exit()).toBe(0);
  });

  it('reports files it cannot read or write', async () => {
    const { s } = start({}, ['nano', '/etc/shadow'], { uid: 1000 });
    await s.idle();
    expect(s.line(0)).toMatch(/New Buffer/);
    expect(s.line(21)).toContain('[ Error reading /etc/shadow: Permission denied ]');
    await s.type('x\x0f/etc/passwd\r');
    expect(s.line(21)).toBe('File "/etc/passwd" exists; OVERWRITE?');
    await s.type('y');
    expect(s.line(21)).toContain('[ Error writing /etc/passwd: Permission denied ]');
    await s.type('\x18n');
    expect(await s.exit()).toBe(0);
  });

  it('undoes with M-U and redoes with M-E', async () => {
    const { s, read } = start({ 'u.txt': 'base\n' }, ['nano', 'u.txt']);
    await s.idle();
    await s.type('abc');
    await s.type('\x1bu');
    expect(s.line(1)).toBe('base');
    expect(s.line(21)).toContain('[ Undid addition ]');
    await s.type('\x1be');
    expect(s.line(1)).toBe('abcbase');
    await s.type('\x13\x18');
    expect(await s.exit()).toBe(0);
    expect(read('u.txt')).toBe('abcbase\n');
  });

  it('shows "*" after the name with Debian\'s "set stateflags" in /etc/nanorc', async () => {
    const { s, h } = start({ 'f.txt': 'x\n' }, ['nano', 'f.txt']);
    h.writeFile('/etc/nanorc', 'set stateflags\n');
    try {
      await s.idle();
      await s.type('\x18');
      await s.exit();
      const again = TerminalSession.start(h, ['nano', 'f.txt'], { uid: 0, cwd: '/tmp', rows: 24, cols: 80 });
      await again.idle();
      await again.type('y');
      expect(again.line(0)).toBe('  GNU nano 7.2                          f.txt *');
      await again.type('\x18n');
      expect(await again.exit()).toBe(0);
    } finally {
      h.writeFile('/etc/nanorc', '');
    }
  });

  it('is the version its package installed: nano 8.0 (Alpine) searches with ^F, and +LINE starts there', async () => {
    const h = host();
    h.writeFile('/usr/local/bin/nano', encodeExecutable({ program: 'nano', version: '8.0-r0' }), 0o755);
    try {
      const { s } = start({ 'v.txt': 'one\ntwo\nthree\n' }, ['/usr/local/bin/nano', '+2', 'v.txt']);
      await s.idle();
      expect(s.line(0)).toBe('  GNU nano 8.0                         v.txt');
      expect([s.vt.row, s.vt.col]).toEqual([2, 0]);
      await s.type('\x06');
      expect(s.line(21)).toBe('Search:');
      await s.type('thr\r');
      expect([s.vt.row, s.vt.col]).toEqual([3, 0]);
      await s.type('\x18');
      expect(await s.exit()).toBe(0);
    } finally {
      h.rootfs.unlink('/usr/local/bin/nano');
    }
  });
});
