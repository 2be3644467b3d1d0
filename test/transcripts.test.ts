/**
 * Transcripts: shell scripts of docker commands run through `berth sh FILE`
 * (a fresh emulated host each), compared with the expected output after
 * normalising what differs from run to run — container and network ids
 * (image ids and digests are stable), and times like "3 seconds ago".
 *
 * To re-record after a deliberate change: `BERTH_RECORD=1 npx vitest run
 * --config test/vitest.config.ts test/transcripts` and read the diff.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'test/transcripts');
const berth = join(root, 'native-bridge/berth.mjs');

export function normalize(text: string): string {
  return text
    .replace(/(?<!sha256:)\b[0-9a-f]{64}\b/g, '<ID>')
    // Containers, and images built at a given time, get new short ids on every run.
    .replace(/(?<![:@])\b[0-9a-f]{12}\b/g, '<ID12>')
    .replace(/(Less than a second|About a minute|\d+ seconds?|\d+ minutes) ago/g, '<AGO>')
    .replace(/Up (Less than a second|About a minute|\d+ seconds?|\d+ minutes)/g, 'Up <UPTIME>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<TIME>')
    // BuildKit's progress: log lines' offsets, step and status durations, the image a build wrote.
    .replace(/^(#\d+ )?\d+\.\d{1,3} /gm, '$1<T> ')
    .replace(/^(#\d+ DONE) \d+\.\ds$/gm, '$1 <S>')
    .replace(/( \d+\.\ds)? done$/gm, ' done')
    .replace(/writing image sha256:[0-9a-f]{64}/g, 'writing image sha256:<ID>')
    .split('\n')
    // Times change column widths; the table writer has its own tests against docker's output.
    .map((l) => (/ {3,}/.test(l) ? l.replace(/ {3,}/g, '   ') : l))
    .join('\n');
}

describe('docker transcripts', () => {
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.sh')).sort()) {
    it(name, () => {
      let out: string;
      try {
        out = execFileSync(process.execPath, [berth, 'sh', join(dir, name)], { encoding: 'utf8', timeout: 60_000 });
      } catch (err) {
        out = (err as { stdout: string }).stdout;
      }
      const expectedFile = join(dir, name.replace(/\.sh$/, '.out'));
      if (process.env.BERTH_RECORD) fs.writeFileSync(expectedFile, normalize(out));
      expect(normalize(out)).toBe(fs.readFileSync(expectedFile, 'utf8'));
    }, 90_000);
  }
});
