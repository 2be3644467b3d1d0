/**
 * vi, less and more against the real busybox, and nano and vim against the
 * real ones when they are installed, screen by screen.
 *
 * Each case runs twice: the real program on a real pseudo-terminal (driven
 * by a few lines of Python), and Berth's on an emulated terminal.
 * The same keys are typed one group at a time; after each group both
 * screens (as the VirtualTerminal shows them) and the cursor must be the
 * same, and at the end so must the edited file and the exit status.
 *
 * The reference is Debian's busybox 1.35; its vi, less and more differ from
 * Alpine's 1.36 only in ways these cases do not touch.
 */
import { spawnSync } from 'node:child_process';
import * as nfs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUSYBOX, haveBusybox } from '../../../test/differential.ts';
import { nodePlatform } from '../../platform/node/index.ts';
import { bootHost, type Host } from '../host.ts';
import { encodeExecutable } from '../../common/executable.ts';
import { TerminalSession } from './session.ts';
import { VirtualTerminal } from './vt.ts';

const havePython = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;

/** Runs argv on a pty of rows x cols in dir, types each key group, prints the output after each as JSON. */
const PTY_DRIVER = String.raw`
import os, pty, select, sys, time, json, base64, fcntl, termios, struct, signal
spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', spec['rows'], spec['cols'], 0, 0))
    os.chdir(spec['cwd'])
    os.environ['TERM'] = 'xterm'
    os.environ['HOME'] = spec['cwd']
    os.execv(spec['argv'][0], spec['argv'])
def settle(quiet, limit=5.0):
    out = b''
    end = time.time() + limit
    last = time.time()
    while time.time() < end and time.time() - last < quiet:
        r, _, _ = select.select([fd], [], [], 0.02)
        if r:
            try:
                d = os.read(fd, 65536)
            except OSError:
                return out
            if not d:
                return out
            out += d
            last = time.time()
    return out
chunks = [settle(0.5)]
for k in spec['keys']:
    os.write(fd, k.encode('latin-1'))
    chunks.append(settle(0.2))
code = None
for _ in range(100):
    p, status = os.waitpid(pid, os.WNOHANG)
    if p:
        code = os.waitstatus_to_exitcode(status)
        break
    time.sleep(0.02)
if code is None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
print(json.dumps({'chunks': [base64.b64encode(c).decode() for c in chunks], 'code': code}))
`;

interface Case {
  name: string;
  argv: string[];
  /** The real program (default: busybox, with argv as its applet and arguments). */
  real?: string;
  files: Record<string, string>;
  keys: string[];
  rows?: number;
  cols?: number;
  /** The file to compare at the end. */
  check?: string;
}

interface Frame {
  screen: string;
  cursor: [number, number];
}

function real(c: Case): { frames: Frame[]; code: number | null; file?: string } {
  const dir = nfs.mkdtempSync(join(tmpdir(), 'berth-tui-'));
  try {
    for (const [name, content] of Object.entries(c.files)) nfs.writeFileSync(join(dir, name), content);
    const rows = c.rows ?? 10;
    const cols = c.cols ?? 50;
    const spec = { argv: c.real ? [c.real, ...c.argv.slice(1)] : [BUSYBOX, ...c.argv], rows, cols, cwd: dir, keys: c.keys };
    const r = spawnSync('python3', ['-c', PTY_DRIVER, JSON.stringify(spec)], { encoding: 'utf8', timeout: 60_000 });
    const out = JSON.parse(r.stdout) as { chunks: string[]; code: number | null };
    const vt = new VirtualTerminal(rows, cols);
    const frames = out.chunks.map((b64) => {
      vt.feed(new Uint8Array(Buffer.from(b64, 'base64')));
      return { screen: vt.text(), cursor: [vt.row, vt.col] as [number, number] };
    });
    const file = c.check ? nfs.readFileSync(join(dir, c.check), 'utf8') : undefined;
    return { frames, code: out.code, file };
  } finally {
    nfs.rmSync(dir, { recursive: true, force: true });
  }
}

let shared: Host | undefined;
let n = 0;

async function berth(c: Case): Promise<{ frames: Frame[]; code: number; file?: string }> {
  if (!shared) {
    shared = bootHost(nodePlatform());
    // The editors as Debian's packages install them, with Debian's /etc/nanorc setting.
    shared.writeFile('/usr/bin/nano', encodeExecutable({ program: 'nano', version: '7.2-1' }), 0o755);
    shared.writeFile('/usr/bin/vim', encodeExecutable({ program: 'vim', version: '2:9.0.1378-2' }), 0o755);
    shared.writeFile('/etc/nanorc', 'set historylog\nset locking\nset stateflags\n');
  }
  const host = shared;
  const dir = `/tmp/tuidiff${n++}`;
  host.rootfs.mkdir(dir, 0o755, { uid: 0, gid: 0 });
  for (const [name, content] of Object.entries(c.files)) host.writeFile(`${dir}/${name}`, content);
  const s = TerminalSession.start(host, c.argv, { uid: 0, cwd: dir, rows: c.rows ?? 10, cols: c.cols ?? 50, env: { HOME: dir } });
  await s.idle();
  const frames: Frame[] = [{ screen: s.screen(), cursor: [s.vt.row, s.vt.col] }];
  for (const k of c.keys) {
    await s.type(k);
    frames.push({ screen: s.screen(), cursor: [s.vt.row, s.vt.col] });
  }
  const code = await s.exit();
  const file = c.check ? host.readFile(`${dir}/${c.check}`) : undefined;
  return { frames, code, file };
}

const TEXT = 'one two three\nfoo bar foo\n  indented line\nlast\n';
const NUMBERS = Array.from({ length: 30 }, (_, i) => `${i + 1}\n`).join('');

const cases: Case[] = [
  {
    name: 'vi: opening, x, :q refused, :w, dd p, :w FILE twice, undo to the start',
    argv: ['vi', 'f.txt'],
    files: { 'f.txt': 'hello\nworld\nthird line\n' },
    keys: ['x', ':q\r', ':w\r', 'ddp', ':w new.txt\r', ':w new.txt\r', 'u', 'u', 'u', 'u', ':q\r', ':q!\r'],
    check: 'f.txt',
  },
  {
    name: 'vi: yank, delete, put, search, :s, :set, J and undo, G, :N, ^G, :=',
    argv: ['vi', 'g.txt'],
    files: { 'g.txt': TEXT },
    keys: ['dd', 'yy', '2yy', 'dw', 'P', '/foo\r', 'n', 'n', '/zzz\r', ':%s/foo/X/g\r', ':s/o/0/\r', ':set\r', ':set ic\r', ':set nu\r', 'J', 'u', 'G', ':1\r', '\x07', ':=\r', ':wq\r'],
    check: 'g.txt',
  },
  {
    name: 'vi: insert, append, open lines, ESC, dot repeat, counts',
    argv: ['vi', 'g.txt'],
    files: { 'g.txt': TEXT },
    keys: ['ihello \x1b', 'A!\x1b', 'oNEW LINE\x1b', 'j.', 'O^\x1b', '3x', '2dd', 'w', 'cwCHANGED\x1b', 'b', 'e', '$', '0', '^', ':wq\r'],
    check: 'g.txt',
  },
  {
    name: 'vi: r, R, ~, D, C, X, s, cc, yw and P, u',
    argv: ['vi', 'g.txt'],
    files: { 'g.txt': TEXT },
    keys: ['rX', 'wRabc\x1b', '~~', 'jD', 'kC-end\x1b', 'X', 'sS\x1b', 'jjccnew\x1b', 'ggyw', 'GP', 'u', 'u', ':x\r'],
    check: 'g.txt',
  },
  {
    name: 'vi: scrolling a long file with ^F ^B ^D ^U, G, gg, 15G, arrows',
    argv: ['vi', 'n.txt'],
    files: { 'n.txt': NUMBERS },
    keys: ['\x06', '\x06', '\x02', '\x04', '\x15', 'G', 'gg', '15G', '\x1b[B\x1b[B', '\x1b[A', 'k', '?1\r', 'N', ':$\r', ':q\r'],
  },
  {
    name: 'vi: a new file, :r, :e!, ZZ',
    argv: ['vi', 'new.txt'],
    files: { 'other.txt': 'from another file\n' },
    keys: ['ifirst line\x1b', ':r other.txt\r', ':e\r', ':e!\r', ':r nothere\r', 'ione\x1b', 'ZZ'],
    check: 'new.txt',
  },
  {
    name: 'vi: f t ; , % marks, H M L, z., { }, U, :1,2d, :2,3w part, :x',
    argv: ['vi', 'c.txt'],
    files: { 'c.txt': 'int main(void) {\n  if (a) { b(); }\n\n  return 0;\n}\n\nlast para\nline two\n' },
    keys: ['fa', ';', ',', 'tv', '0%', '%', 'jma', 'G', "'a", 'H', 'L', 'M', 'z.', '}', '}', '{', 'xxU', ':1,2d\r', ':2,3w part.txt\r', ':x\r'],
    check: 'c.txt',
  },
  {
    name: 'vi: tabs, a long line scrolled sideways, 3J, de, yw P, .',
    argv: ['vi', 't.txt'],
    files: { 't.txt': '\tone\ttab\n' + 'word '.repeat(20) + 'END\n' + 'a\nb\nc\nd\n' },
    keys: ['$', 'j$', '0', 'jj3J', 'de', '.', 'ywP', 'gg', 'l', 'x', ':wq\r'],
    check: 't.txt',
  },
  {
    name: 'vi: ^C goes back to the top; :!cmd; several files with :n',
    argv: ['vi', 'n.txt', 'f.txt'],
    files: { 'n.txt': NUMBERS, 'f.txt': 'hello\n' },
    keys: ['G', 'ihello', '\x03', ':!echo hi there\r', '\r', ':q\r', ':n\r', ':w\r', ':n\r', 'x', ':q\r', ':wq\r'],
  },
  {
    name: 'less: reading a pipe, -N, /pattern not found, g, q',
    argv: ['sh', '-c', 'cat n.txt | busybox less -N'],
    files: { 'n.txt': NUMBERS },
    keys: ['G', '/zzz\r', 'g', 'q'],
  },
  {
    name: 'less: paging, search, line numbers, :n and :p, q',
    argv: ['less', 'n.txt', 'f.txt'],
    files: { 'n.txt': NUMBERS, 'f.txt': 'hello\nworld\nthird line\n' },
    keys: [' ', 'j', 'k', 'G', 'g', '/2\r', 'n', 'N', '5', 'g', 'd', 'u', ':', 'n', ':n', ':p', '-N', '-M', 'q'],
  },
  {
    name: 'less: a long line wraps; tabs and control characters',
    argv: ['less', 'w.txt'],
    files: { 'w.txt': 'a\tb\x01c\n' + 'x'.repeat(120) + '\nend\n' },
    keys: ['j', 'G', 'q'],
  },
  {
    name: 'more: a page, Enter, Space, help, q',
    argv: ['more', 'n.txt', 'f.txt'],
    files: { 'n.txt': NUMBERS, 'f.txt': 'hello\nworld\nthird line\n' },
    keys: ['\r', ' ', 'x', ' ', ' '],
  },
];

const NANO = '/usr/bin/nano';
const VIM = '/usr/bin/vim';
const haveNano = nfs.existsSync(NANO);
const haveVim = nfs.existsSync(VIM) && nfs.realpathSync(VIM) !== nfs.realpathSync('/usr/bin/busybox');

const nanoCases: Case[] = [
  {
    name: 'nano: typing, ^O Enter, ^K ^U, ^W found and not found, ^S, ^X',
    argv: ['nano', 'f.txt'],
    real: NANO,
    files: { 'f.txt': 'hello\nworld\nthird line\n' },
    keys: ['X', '\x0f', '\r', '\x0b', '\x15', '\x17', 'thi', '\r', '\x17', 'zzz\r', '\x13', '\x18'],
    rows: 24,
    cols: 80,
    check: 'f.txt',
  },
  {
    name: 'nano: a new file, ^C location, ^K twice, ^U twice, ^X Y Enter',
    argv: ['nano', 'new.txt'],
    real: NANO,
    files: {},
    keys: ['abc', '\x03', '\r', 'def', '\x0b', '\x0b', '\x15', '\x15', '\x18', 'y', '\r'],
    rows: 10,
    cols: 60,
    check: 'new.txt',
  },
  {
    name: 'nano: ^\\ replace with Y, N and A; ^_ go to line; ^X N',
    argv: ['nano', 'r.txt'],
    real: NANO,
    files: { 'r.txt': 'hello\nlll\n' },
    keys: ['abc', '\x1c', 'l', '\r', 'L\r', 'y', 'n', 'a', '\x1f', '2\r', '\x03', '\x18', 'n'],
    rows: 24,
    cols: 80,
    check: 'r.txt',
  },
];

const vimCases: Case[] = [
  {
    name: 'vim: opening message, x, :q refused, :w written, u, i ESC, :wq',
    argv: ['vim', 'f.txt'],
    real: VIM,
    files: { 'f.txt': 'hello\nworld\nthird line\n' },
    keys: ['x', ':q\r', ':w\r', 'x', ':q\r', 'ihi\x1b', ':wq\r'],
    rows: 10,
    cols: 80,
    check: 'f.txt',
  },
  {
    name: 'vim: -- INSERT --, 5dd and p messages, /regex, n, E486, :s, :set nu, :foo, :q!',
    argv: ['vim', 'n.txt'],
    real: VIM,
    files: { 'n.txt': NUMBERS },
    keys: ['i', 'x', '\x1b', '5dd', 'p', '/1[0-9]\r', 'n', '/zzz\r', ':s/1/one/\r', ':set nu\r', ':foo\r', 'G', 'gg', ':q!\r'],
    rows: 12,
    cols: 80,
  },
  {
    name: 'vim: a new file, a long line wraps, :w, :e!, ZZ',
    argv: ['vim', 'new.txt'],
    real: VIM,
    files: {},
    keys: ['i' + 'word '.repeat(25) + 'END\x1b', ':w\r', 'x', ':e!\r', 'ZZ'],
    rows: 10,
    cols: 60,
    check: 'new.txt',
  },
];

describe.skipIf(!haveNano || !havePython)('nano against the real one on a pty', () => {
  for (const c of nanoCases) {
    it(c.name, async () => {
      const want = real(c);
      const got = await berth(c);
      for (let i = 0; i < want.frames.length - 1; i++) {
        const label = i === 0 ? 'at start' : `after ${JSON.stringify(c.keys[i - 1])}`;
        expect({ step: label, ...got.frames[i] }).toEqual({ step: label, ...want.frames[i] });
      }
      expect(got.code).toBe(want.code);
      if (c.check) expect(got.file).toBe(want.file);
    }, 60_000);
  }
});

describe.skipIf(!haveVim || !havePython)('vim against the real one on a pty', () => {
  for (const c of vimCases) {
    it(c.name, async () => {
      const want = real(c);
      const got = await berth(c);
      for (let i = 0; i < want.frames.length - 1; i++) {
        const label = i === 0 ? 'at start' : `after ${JSON.stringify(c.keys[i - 1])}`;
        expect({ step: label, ...got.frames[i] }).toEqual({ step: label, ...want.frames[i] });
      }
      expect(got.code).toBe(want.code);
      if (c.check) expect(got.file).toBe(want.file);
    }, 60_000);
  }
});

describe.skipIf(!haveBusybox || !havePython)('full-screen applets against busybox on a real pty', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const want = real(c);
      const got = await berth(c);
      for (let i = 0; i < want.frames.length; i++) {
        const label = i === 0 ? 'at start' : `after ${JSON.stringify(c.keys[i - 1])}`;
        expect({ step: label, ...got.frames[i] }).toEqual({ step: label, ...want.frames[i] });
      }
      expect(got.code).toBe(want.code);
      if (c.check) expect(got.file).toBe(want.file);
    }, 60_000);
  }
});
