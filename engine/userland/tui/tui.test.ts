/**
 * The terminal-screen library: key decoding, lossless text, drawing by
 * difference, and a terminal that is always given back as it was found —
 * checked on real programs running on an emulated terminal.
 */
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../platform/node/index.ts';
import { SIGCONT, SIGTERM } from '../../kernel/signals.ts';
import { bootHost, type Host } from '../host.ts';
import { alt, decodeKey, KEY } from './keys.ts';
import { Screen, ATTR } from './screen.ts';
import { TerminalSession } from './session.ts';
import { byteLength, decodeText, encodeText } from './text.ts';
import { VirtualTerminal } from './vt.ts';

const bytes = (s: string) => [...new TextEncoder().encode(s)];
const keysOf = (s: string, altKeys = false) => {
  const buf = bytes(s);
  const out: (number | null)[] = [];
  while (buf.length) {
    const d = decodeKey(buf, { altKeys, final: true });
    if (d === 'more') throw new Error('incomplete');
    out.push(d.key);
    buf.splice(0, d.used);
  }
  return out;
};

describe('keys', () => {
  it('decodes cursor and editing keys in their usual spellings', () => {
    expect(keysOf('\x1b[A\x1b[B\x1b[C\x1b[D')).toEqual([KEY.UP, KEY.DOWN, KEY.RIGHT, KEY.LEFT]);
    expect(keysOf('\x1bOA\x1bOH\x1bOF')).toEqual([KEY.UP, KEY.HOME, KEY.END]);
    expect(keysOf('\x1b[H\x1b[F\x1b[1~\x1b[4~\x1b[7~\x1b[8~')).toEqual([KEY.HOME, KEY.END, KEY.HOME, KEY.END, KEY.HOME, KEY.END]);
    expect(keysOf('\x1b[2~\x1b[3~\x1b[5~\x1b[6~')).toEqual([KEY.INSERT, KEY.DELETE, KEY.PAGEUP, KEY.PAGEDOWN]);
    expect(keysOf('\x1b[1;5C\x1b[1;5D\x1b[Z')).toEqual([KEY.CTRL_RIGHT, KEY.CTRL_LEFT, KEY.SHIFT_TAB]);
  });

  it('tells Escape alone from an escape sequence', () => {
    // A lone Escape at the end of what arrived is the Escape key.
    expect(keysOf('i\x1b')).toEqual([0x69, 27]);
    // Escape then something that starts no sequence: Escape, then that key.
    expect(keysOf('\x1b:wq\r')).toEqual([27, 0x3a, 0x77, 0x71, 13]);
    expect(keysOf('\x1bOx')).toEqual([27, 0x4f, 0x78]);
    // An unknown sequence is dropped whole, as busybox does.
    expect(keysOf('\x1b[99z!')).toEqual([null, 0x21]);
    // An incomplete sequence waits for the rest.
    expect(decodeKey(bytes('\x1b[1;'), {})).toBe('more');
  });

  it('reads Alt keys when asked (nano) and UTF-8 characters', () => {
    expect(keysOf('\x1bu\x1b6', true)).toEqual([alt('u'), alt('6')]);
    expect(keysOf('\x1b', true)).toEqual([27]);
    expect(keysOf('한é')).toEqual([0xd55c, 0xe9]);
  });
});

describe('text', () => {
  it('keeps bytes that are not UTF-8 exactly as they were', () => {
    const raw = Uint8Array.from([0x68, 0xff, 0xc3, 0xa9, 0xe2, 0x82, 0x0a, 0xed, 0xa0, 0x80]);
    const text = decodeText(raw);
    expect(text.slice(0, 1)).toBe('h');
    expect(text).toContain('é');
    expect([...encodeText(text)]).toEqual([...raw]);
    expect(byteLength(text)).toBe(raw.length);
    expect(byteLength('한글')).toBe(6);
  });
});

describe('screen', () => {
  it('draws a frame, then only what changed', () => {
    const screen = new Screen(4, 20);
    const vt = new VirtualTerminal(4, 20);
    screen.text(0, 0, 'hello');
    screen.text(3, 0, 'status', ATTR.reverse);
    screen.cursor = { row: 0, col: 5 };
    vt.feed(screen.render());
    expect(vt.text()).toBe('hello\n\n\nstatus');
    expect(vt.isReverse(3, 0)).toBe(true);
    expect([vt.row, vt.col]).toEqual([0, 5]);

    screen.text(0, 5, '!');
    screen.cursor = { row: 0, col: 6 };
    const update = screen.render();
    expect(update.length).toBeLessThan(30);
    vt.feed(update);
    expect(vt.line(0)).toBe('hello!');

    screen.clearRow(3);
    vt.feed(screen.render());
    expect(vt.text()).toBe('hello!');
  });

  it('puts wide characters in two cells', () => {
    const screen = new Screen(2, 10);
    const vt = new VirtualTerminal(2, 10);
    expect(screen.text(0, 0, '한글ab')).toBe(6);
    vt.feed(screen.render());
    expect(vt.line(0)).toBe('한글ab');
  });
});

let shared: Host | undefined;
const host = () => (shared ??= bootHost(nodePlatform()));

describe('the terminal is given back', () => {
  it('after a normal exit', async () => {
    host().writeFile('/root/t1.txt', 'one\n');
    const s = TerminalSession.start(host(), ['vi', 't1.txt'], { uid: 0, cwd: '/root' });
    await s.idle();
    expect(s.tty.termios.icanon).toBe(false);
    expect(s.tty.termios.echo).toBe(false);
    await s.type(':q\r');
    expect(await s.exit()).toBe(0);
    expect(s.modesRestored()).toBe(true);
    expect(s.vt.alternate).toBe(false);
  });

  it('when the program is killed by SIGTERM: modes back, dies of the signal', async () => {
    host().writeFile('/root/t2.txt', 'one\n');
    const s = TerminalSession.start(host(), ['vi', 't2.txt'], { uid: 0, cwd: '/root' });
    await s.idle();
    host().machine.kernel.signalGroup(s.process.pgid, SIGTERM);
    expect(await s.exit()).toBe(128 + SIGTERM);
    expect(s.modesRestored()).toBe(true);
    expect(s.vt.alternate).toBe(false);
  });

  it('when ^C ends less (ISIG stays on in less)', async () => {
    host().writeFile('/root/t3.txt', 'a\nb\n');
    const s = TerminalSession.start(host(), ['less', 't3.txt'], { uid: 0, cwd: '/root' });
    await s.idle();
    await s.type('\x03');
    expect(await s.exit()).toBe(130);
    expect(s.modesRestored()).toBe(true);
  });

  it('while suspended with ^Z, and raw again after fg', async () => {
    host().writeFile('/root/t4.txt', 'one\ntwo\n');
    const s = TerminalSession.start(host(), ['vi', 't4.txt'], { uid: 0, cwd: '/root' });
    await s.idle();
    await s.type('\x1a');
    expect(s.process.state).toBe('stopped');
    expect(s.modesRestored()).toBe(true);
    host().machine.kernel.signalGroup(s.process.pgid, SIGCONT);
    await s.idle();
    expect(s.tty.termios.icanon).toBe(false);
    expect(s.line(0)).toBe('one');
    expect(s.line(-1)).toBe('- t4.txt 1/2 50%');
    await s.type(':q\r');
    expect(await s.exit()).toBe(0);
    expect(s.modesRestored()).toBe(true);
  });

  it('and a resized window is redrawn at its new size (the program gets SIGWINCH)', async () => {
    host().writeFile('/root/t5.txt', 'one\ntwo\n');
    const s = TerminalSession.start(host(), ['vi', 't5.txt'], { uid: 0, cwd: '/root', rows: 10, cols: 40 });
    await s.idle();
    expect(s.line(9)).toBe('- t5.txt 1/2 50%');
    await s.resize(6, 30);
    expect(s.vt.rows).toBe(6);
    expect(s.line(5)).toBe('- t5.txt 1/2 50%');
    expect(s.line(1)).toBe('two');
    expect(s.line(4)).toBe('~');
    await s.type(':q\r');
    expect(await s.exit()).toBe(0);
  });
});
