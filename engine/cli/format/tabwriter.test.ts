import { describe, expect, it } from 'vitest';
import { stringWidth, tabwrite, type TabwriterOptions } from './tabwriter.ts';

// Cases from docker/cli cli/command/formatter/tabwriter/tabwriter_test.go (v28.2.2),
// which are Go's text/tabwriter tests run through docker's runewidth fork.
// Escape, HTML-filter, Debug and DiscardEmptyColumns cases are left out: docker
// never sets those flags.
const goCases: [string, number, number, number, string, boolean, string, string][] = [
  ['1a', 8, 0, 1, '.', false, '', ''],
  ['2', 8, 0, 1, '.', false, '\n\n\n', '\n\n\n'],
  ['3', 8, 0, 1, '.', false, 'a\nb\nc', 'a\nb\nc'],
  ['4a', 8, 0, 1, '.', false, '\t', ''],
  ['4b', 8, 0, 1, '.', true, '\t', ''],
  ['5', 8, 0, 1, '.', false, '*\t*', '*.......*'],
  ['5b', 8, 0, 1, '.', false, '*\t*\n', '*.......*\n'],
  ['5c', 8, 0, 1, '.', false, '*\t*\t', '*.......*'],
  ['5d', 8, 0, 1, '.', true, '*\t*\t', '.......**'],
  ['6', 8, 0, 1, '.', false, '\t\n', '........\n'],
  ['7a', 8, 0, 1, '.', false, 'a) foo', 'a) foo'],
  ['7b', 8, 0, 1, ' ', false, 'b) foo\tbar', 'b) foo  bar'],
  ['7c', 8, 0, 1, '.', false, 'c) foo\tbar\t', 'c) foo..bar'],
  ['7d', 8, 0, 1, '.', false, 'd) foo\tbar\n', 'd) foo..bar\n'],
  ['7e', 8, 0, 1, '.', false, 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
  ['8', 8, 0, 1, '*', false, 'Hello, world!\n', 'Hello, world!\n'],
  ['9a', 1, 0, 0, '.', false, '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
  ['9c', 1, 0, 0, '.', false, '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1234\n11222333344444\n'],
  ['10a', 5, 0, 0, '.', false, '1\t2\t3\t4\n', '1....2....3....4\n'],
  ['10b', 5, 0, 0, '.', false, '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
  [
    '11',
    8, 0, 1, '.', false,
    '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n',
    '本......b.......c\naa......本本本..cccc....ddddd\naaa.....bbbb\n',
  ],
  [
    '12a',
    8, 0, 1, ' ', true,
    'a\tè\tc\t\naa\tèèè\tcccc\tddddd\t\naaa\tèèèè\t\n',
    '       a       è       c\n      aa     èèè    cccc   ddddd\n     aaa    èèèè\n',
  ],
  ['12b', 2, 0, 0, ' ', false, 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
  [
    '12c',
    8, 0, 1, '_', false,
    'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n',
    'a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n',
  ],
  [
    '13a',
    4, 0, 1, '-', false,
    '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n',
  ],
  [
    '13b',
    4, 0, 3, '.', false,
    '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n',
  ],
  [
    '14',
    1, 0, 2, ' ', true,
    '.0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t',
    '    .0          .3    2.4    -5.1\n  23.0  12345678.9    2.4  -989.4\n   5.1        12.0    2.4    -7.0\n    .0         0.0  332.0  8908.0\n    .0         -.3  456.4    22.1\n    .0         1.2   44.4   -13.3',
  ],
  ['15a', 4, 0, 0, '.', false, 'a\t\tb', 'a.......b'],
  [
    '16a',
    100, 100, 0, '\t', false,
    'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
    'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
  ],
];

describe('tabwrite: Go text/tabwriter test table (docker fork)', () => {
  for (const [name, minwidth, tabwidth, padding, padchar, alignRight, src, want] of goCases) {
    it(name, () => {
      const opts: TabwriterOptions = { minwidth, tabwidth, padding, padchar, alignRight };
      expect(tabwrite(src, opts)).toBe(want);
    });
  }
});

// Tables the real docker CLI 28.2.2 printed (shared/reference/docker-cli-28/out-*.txt),
// rebuilt from their cells: the same bytes must come out.
describe('tabwrite: real docker 28 tables', () => {
  const table = (rows: string[][]): string => tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n');

  it('docker ps (out-ps.txt, one container)', () => {
    expect(
      table([
        ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
        ['a1b2c3d4e5f6', 'nginx', '"/docker-entrypoint.…"', '10 seconds ago', 'Up 9 seconds', '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp', 'quirky_name'],
      ]),
    ).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED          STATUS         PORTS                                     NAMES\n' +
        'a1b2c3d4e5f6   nginx     "/docker-entrypoint.…"   10 seconds ago   Up 9 seconds   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   quirky_name\n',
    );
  });

  it('docker ps -a (out-ps.txt, empty PORTS cells still padded)', () => {
    expect(
      table([
        ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
        ['a1b2c3d4e5f6', 'nginx', '"/docker-entrypoint.…"', '10 seconds ago', 'Up 9 seconds', '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp', 'quirky_name'],
        ['bbbbbbbbbbbb', 'alpine', '"echo hi"', '2 minutes ago', 'Exited (0) 2 minutes ago', '', 'exited_one'],
        ['cccccccccccc', 'alpine:3.20', '"/bin/sh"', '3 hours ago', 'Created', '', 'created_one'],
        ['dddddddddddd', 'busybox', '"false"', '3 days ago', 'Exited (1) 3 days ago', '6379/tcp', 'crashed'],
      ]),
    ).toBe(
      'CONTAINER ID   IMAGE         COMMAND                  CREATED          STATUS                     PORTS                                     NAMES\n' +
        'a1b2c3d4e5f6   nginx         "/docker-entrypoint.…"   10 seconds ago   Up 9 seconds               0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   quirky_name\n' +
        'bbbbbbbbbbbb   alpine        "echo hi"                2 minutes ago    Exited (0) 2 minutes ago                                             exited_one\n' +
        'cccccccccccc   alpine:3.20   "/bin/sh"                3 hours ago      Created                                                              created_one\n' +
        'dddddddddddd   busybox       "false"                  3 days ago       Exited (1) 3 days ago      6379/tcp                                  crashed\n',
    );
  });

  it('docker images, volume ls, network ls (out-misc.txt)', () => {
    expect(
      table([
        ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
        ['alpine', 'latest', 'ffffffffffff', '2 years ago', '8.3MB'],
      ]),
    ).toBe('REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\nalpine       latest    ffffffffffff   2 years ago   8.3MB\n');
    expect(table([['DRIVER', 'VOLUME NAME'], ['local', 'myvol']])).toBe('DRIVER    VOLUME NAME\nlocal     myvol\n');
    expect(
      table([
        ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'],
        ['111111111111', 'bridge', 'bridge', 'local'],
        ['222222222222', 'host', 'host', 'local'],
        ['333333333333', 'none', 'null', 'local'],
      ]),
    ).toBe(
      'NETWORK ID     NAME      DRIVER    SCOPE\n' +
        '111111111111   bridge    bridge    local\n' +
        '222222222222   host      host      local\n' +
        '333333333333   none      null      local\n',
    );
  });

  it('docker history: an empty last column leaves the padded cell before it (out-misc.txt)', () => {
    expect(
      table([
        ['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'],
        ['ffffffffffff', '3 days ago', '/bin/sh -c #(nop)  CMD ["/bin/sh"]', '0B', ''],
        // alpine's ADD step ends in a space, as real images' history does
        ['<missing>', '3 days ago', '/bin/sh -c #(nop) ADD file:abc in / ', '8.3MB', ''],
      ]),
    ).toBe(
      'IMAGE          CREATED      CREATED BY                             SIZE      COMMENT\n' +
        'ffffffffffff   3 days ago   /bin/sh -c #(nop)  CMD ["/bin/sh"]     0B        \n' +
        '<missing>      3 days ago   /bin/sh -c #(nop) ADD file:abc in /    8.3MB     \n',
    );
  });

  it('a line without tabs ends the column block', () => {
    expect(tabwrite('a\tb\nlonger-line\naaaaaaaaaaaa\tb\n')).toBe('a         b\nlonger-line\naaaaaaaaaaaa   b\n');
  });
});

describe('stringWidth (go-runewidth, EastAsianWidth off)', () => {
  it('counts columns', () => {
    expect(stringWidth('abc')).toBe(3);
    expect(stringWidth('日本語')).toBe(6);
    expect(stringWidth('…')).toBe(1); // ambiguous: narrow outside CJK locales
    expect(stringWidth('e\u0301')).toBe(1); // a combining accent takes no column
    expect(stringWidth('🐳')).toBe(2);
    expect(stringWidth('👍🏽')).toBe(2); // emoji + skin tone modifier is one cluster
    expect(stringWidth('🇰🇷')).toBe(1); // a flag: regional indicators are East Asian Neutral
    expect(stringWidth('\x1b')).toBe(0);
  });
});
