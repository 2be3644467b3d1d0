/**
 * The shell against busybox's: the same snippets run by Debian's real
 * `busybox sh -c` and by Berth's `sh -c`, in scratch directories with the
 * same files; stdout and exit status must match.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { berth, haveBusybox, real, type CommandCase } from './differential.ts';

if (!haveBusybox) console.log('sh differential tests skipped: /usr/bin/busybox missing (apt-get install busybox-static)');

const files: CommandCase = { files: { 'a.txt': 'alpha\nbeta\n', 'b.txt': 'b\n', 'c.log': 'log\n', '.hidden': 'h\n' }, dirs: ['sub/deep'] };

/**
 * Snippets live in fixtures/sh-snippets.sh so that shell text needs no
 * escaping: each starts after a `#====` line; `#==== files` runs it in a
 * directory holding `files`.
 */
const snippets: [string, CommandCase][] = readFileSync(new URL('./fixtures/sh-snippets.sh', import.meta.url), 'utf8')
  .split(/^#====/m)
  .slice(1)
  .map((chunk) => {
    const nl = chunk.indexOf('\n');
    const header = chunk.slice(0, nl).trim();
    return [chunk.slice(nl + 1).replace(/\n$/, ''), header === 'files' ? files : {}];
  });

describe.skipIf(!haveBusybox)('sh -c matches busybox sh', () => {
  for (const s of snippets) {
    const [snippet, c] = s;
    it(snippet.replace(/\n/g, '\\n').slice(0, 90), async () => {
      const want = real(['sh', '-c', snippet], c);
      const got = await berth(['sh', '-c', snippet], c);
      expect({ stdout: got.stdout, stderr: got.stderr, code: got.code }).toEqual({ stdout: want.stdout, stderr: want.stderr, code: want.code });
    });
  }
});

describe.skipIf(!haveBusybox)('sh with a script file matches busybox sh', () => {
  const script = { files: { 's.sh': 'echo "$0 $# $1"\nshift\necho "rest: $*"\nnosuch_cmd\necho "status $?"\n( exit 7 )\n' } };
  for (const argv of [['sh', 's.sh', 'a', 'b'], ['sh', 'missing.sh'], ['sh', '-x', 's.sh'], ['sh', '-e', 's.sh'], ['sh', '-n', 's.sh']]) {
    it(argv.join(' '), async () => {
      const want = real(argv, script);
      const got = await berth(argv, script);
      expect({ stdout: got.stdout, stderr: got.stderr, code: got.code }).toEqual({ stdout: want.stdout, stderr: want.stderr, code: want.code });
    });
  }
});
