/**
 * busybox less and more on an emulated terminal, and as cat when their
 * output is not a terminal. (../tui/differential.test.ts compares their
 * screens with the real busybox.)
 */
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../platform/node/index.ts';
import { bootHost, type Host } from '../host.ts';
import { TerminalSession } from '../tui/session.ts';

let shared: Host | undefined;
const host = () => (shared ??= bootHost(nodePlatform()));
const NUMBERS = Array.from({ length: 30 }, (_, i) => `${i + 1}\n`).join('');

function setup(): void {
  host().writeFile('/tmp/n.txt', NUMBERS);
  host().writeFile('/tmp/f.txt', 'hello\nworld\n');
}

describe('less', () => {
  it('pages a file: the name first, ":" in the middle, "(END)" at the end', async () => {
    setup();
    const s = TerminalSession.start(host(), ['less', 'n.txt'], { uid: 0, cwd: '/tmp', rows: 8, cols: 40 });
    await s.idle();
    expect(s.screen()).toBe('1\n2\n3\n4\n5\n6\n7\nn.txt');
    expect(s.vt.isReverse(7, 0)).toBe(true);
    await s.type(' ');
    expect(s.line(0)).toBe('8');
    expect(s.line(7)).toBe(':');
    await s.type('j');
    expect(s.line(0)).toBe('9');
    await s.type('b');
    expect(s.line(0)).toBe('2');
    await s.type('G');
    expect(s.screen()).toBe('26\n27\n28\n29\n30\n\n~\n(END)');
    await s.type('g');
    expect(s.line(0)).toBe('1');
    await s.type('q');
    expect(await s.exit()).toBe(0);
    expect(s.modesRestored()).toBe(true);
    // less leaves the text on the screen and clears only its prompt.
    expect(s.line(0)).toBe('1');
    expect(s.line(7)).toBe('');
  });

  it('searches with / and n, showing matches in reverse video', async () => {
    setup();
    const s = TerminalSession.start(host(), ['less', 'n.txt'], { uid: 0, cwd: '/tmp', rows: 8, cols: 40 });
    await s.idle();
    await s.type('/2\r');
    expect(s.line(0)).toBe('2');
    expect(s.vt.isReverse(0, 0)).toBe(true);
    await s.type('n');
    expect(s.line(0)).toBe('12');
    await s.type('/zzz\r');
    expect(s.line(7)).toBe('No matches found');
    await s.type('q');
    expect(await s.exit()).toBe(0);
  });

  it('moves between files with :n and :p', async () => {
    setup();
    const s = TerminalSession.start(host(), ['less', 'n.txt', 'f.txt'], { uid: 0, cwd: '/tmp', rows: 8, cols: 40 });
    await s.idle();
    expect(s.line(7)).toBe('n.txt (file 1 of 2)');
    await s.type(':n');
    expect(s.line(0)).toBe('hello');
    expect(s.line(7)).toBe('f.txt (file 2 of 2)');
    await s.type(':n');
    expect(s.line(7)).toBe('No next file');
    await s.type(':p');
    expect(s.line(0)).toBe('1');
    await s.type('q');
    expect(await s.exit()).toBe(0);
  });

  it('reads standard input when it is a pipe, keys still from the terminal', async () => {
    setup();
    const s = TerminalSession.start(host(), ['sh', '-c', 'cat n.txt | less'], { uid: 0, cwd: '/tmp', rows: 8, cols: 40 });
    await s.idle();
    expect(s.line(0)).toBe('1');
    expect(s.line(7)).toBe('standard input');
    await s.type('G');
    expect(s.line(7)).toBe('(END)');
    await s.type('q');
    expect(await s.exit()).toBe(0);
  });

  it('is cat when its output is not a terminal', async () => {
    setup();
    const r = await host().exec(['less', '/tmp/f.txt'], { uid: 0 });
    expect(r).toMatchObject({ stdout: 'hello\nworld\n', code: 0 });
    const piped = await host().exec(['less'], { uid: 0, stdin: 'from a pipe\n' });
    expect(piped.stdout).toBe('from a pipe\n');
    const missing = await host().exec(['less', '/tmp/nope'], { uid: 0 });
    expect(missing).toMatchObject({ stderr: "less: can't open '/tmp/nope': No such file or directory\n", code: 1 });
  });

  it('says so and exits 1 for a file it cannot open', async () => {
    const s = TerminalSession.start(host(), ['less', 'missing.txt'], { uid: 0, cwd: '/tmp', rows: 8, cols: 40 });
    expect(await s.exit()).toBe(1);
    expect(s.output).toContain("less: can't open 'missing.txt': No such file or directory");
    expect(s.modesRestored()).toBe(true);
  });
});

describe('more', () => {
  it('shows a page and "--More-- (N% of M bytes)", Enter for a line, Space for a page, q to stop', async () => {
    setup();
    const s = TerminalSession.start(host(), ['more', 'n.txt'], { uid: 0, cwd: '/tmp', rows: 8, cols: 40 });
    await s.idle();
    expect(s.screen()).toBe('1\n2\n3\n4\n5\n6\n7\n--More-- (15% of 81 bytes)');
    await s.type('\r');
    expect(s.line(6)).toBe('8');
    expect(s.line(7)).toBe('--More-- (17% of 81 bytes)');
    await s.type(' ');
    expect(s.line(6)).toBe('15');
    await s.type('?');
    expect(s.output).toContain('(Enter:next line Space:next page Q:quit R:show the rest)');
    await s.type('q');
    expect(await s.exit()).toBe(0);
    expect(s.modesRestored()).toBe(true);
  });

  it('is cat when its output is not a terminal', async () => {
    setup();
    const r = await host().exec(['more', '/tmp/f.txt'], { uid: 0 });
    expect(r).toMatchObject({ stdout: 'hello\nworld\n', code: 0 });
  });
});
