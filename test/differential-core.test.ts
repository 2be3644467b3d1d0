import { describe, expect, it } from 'vitest';
import { berth, haveBusybox, real } from './differential.ts';

if (!haveBusybox) console.log('differential tests skipped: /usr/bin/busybox missing (apt-get install busybox-static)');

const cases: [string[], Parameters<typeof real>[1]?][] = [
  [['echo', 'a', 'b']],
  [['echo', '-n', 'x']],
  [['echo', '-e', 'a\\tb\\n\\0101\\x41\\c', 'not printed']],
  [['echo', '-ne', 'x\\ny']],
  [['echo', '--', '-n']],
  [['cat', 'a', 'b'], { files: { a: 'A\n', b: 'B' } }],
  [['cat', '-n', 'a'], { files: { a: 'one\n\ntwo\n' } }],
  [['cat', '-b', 'a'], { files: { a: 'one\n\ntwo\n' } }],
  [['cat', '-A', 'a'], { files: { a: 'tab\there\n\x01ctl\n' } }],
  [['cat', 'missing']],
  [['cat'], { stdin: 'from stdin\n' }],
  [['cat', '-', 'a'], { stdin: 'in\n', files: { a: 'file\n' } }],
  [['true']],
  [['false']],
];

describe.skipIf(!haveBusybox)('core applets match busybox', () => {
  for (const [argv, c] of cases) {
    it(argv.join(' '), async () => {
      const want = real(argv, c);
      const got = await berth(argv, c);
      expect({ stdout: got.stdout, code: got.code }).toEqual({ stdout: want.stdout, code: want.code });
    });
  }
});
