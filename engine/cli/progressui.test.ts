/**
 * BuildKit's progress display (util/progress/progressui) against synthetic
 * SolveStatus updates: the plain printer's blocks (textMux.printVtx), the
 * tty's last frame, errdefs.Source.Print, units.Bytes with `%.2f` and
 * buildx's printWarnings. Numbers are formatted as Go's fmt does (exact
 * ties round to even: `%.1f` of 0.25 is "0.2").
 */
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../common/base64.ts';
import { utf8 } from '../common/bytes.ts';
import { rfc3339Nano } from '../common/time.ts';
import { formatWarnings, printSource, ProgressDisplay, unitsBytes, type ProgressMode, type SolveStatus } from './progressui.ts';

const T0 = Date.UTC(2025, 0, 2, 3, 4, 5);
const at = (ms: number) => rfc3339Nano(T0 + ms);
const b64 = (s: string) => encodeBase64(utf8(s));
const DESC = 'building with "default" instance using docker driver';

function display(mode: ProgressMode, clock = { now: T0 }) {
  let out = '';
  const d = new ProgressDisplay(mode, (t) => (out += t), { desc: DESC, consoleDesc: 'docker:default', width: 80, now: () => clock.now });
  return { d, text: () => out, clock };
}

const vtx = (digest: string, name: string, started: number, completed?: number, extra: { cached?: boolean; error?: string } = {}): SolveStatus => ({
  vertexes: [{ digest, name, started: at(started), ...(completed !== undefined ? { completed: at(completed) } : {}), ...extra }],
});
const log = (vertex: string, data: string, ms: number): SolveStatus => ({ logs: [{ vertex, stream: 1, data: b64(data), timestamp: at(ms) }] });

describe('plain progress (textMux)', () => {
  it('prints the description, one block per vertex, statuses with sizes and the DONE time', () => {
    const { d, text } = display('plain');
    d.update(vtx('sha256:a', '[internal] load build definition from Dockerfile', 0));
    d.update({ statuses: [{ id: 'transferring dockerfile:', vertex: 'sha256:a', current: 1234, timestamp: at(10), started: at(0), completed: at(10) }] });
    d.update(vtx('sha256:a', '[internal] load build definition from Dockerfile', 0, 40));
    d.update(vtx('sha256:b', '[internal] load .dockerignore', 50));
    d.update({ statuses: [{ id: 'transferring context:', vertex: 'sha256:b', current: 87, timestamp: at(400), started: at(50), completed: at(400) }] });
    d.update(vtx('sha256:b', '[internal] load .dockerignore', 50, 1300));
    d.done();
    expect(text()).toBe(
      `#0 ${DESC}\n\n` +
        '#1 [internal] load build definition from Dockerfile\n' +
        '#1 transferring dockerfile: 1.23kB done\n' +
        '#1 DONE 0.0s\n' +
        '\n#2 [internal] load .dockerignore\n' +
        '#2 transferring context: 87B 0.3s done\n' +
        // 1.25s: Go's %.1f rounds the exact tie to even.
        '#2 DONE 1.2s\n',
    );
  });

  it('prints CACHED, and an open status with its total', () => {
    const { d, text } = display('plain');
    d.update(vtx('sha256:a', '[1/2] FROM docker.io/library/alpine:latest', 0, 0, { cached: true }));
    d.update(vtx('sha256:b', '[2/2] RUN apk add curl', 10));
    d.update({ statuses: [{ id: 'sha256:0123 downloading', vertex: 'sha256:b', current: 1_500_000, total: 3_000_000, timestamp: at(2010), started: at(10) }] });
    expect(text()).toBe(`#0 ${DESC}\n\n#1 [1/2] FROM docker.io/library/alpine:latest\n#1 CACHED\n\n#2 [2/2] RUN apk add curl\n#2 sha256:0123 downloading 1.50MB / 3.00MB 2.0s\n`);
  });

  it('does not repeat an open status that moved less than 5% within 5 seconds', () => {
    const { d, text } = display('plain');
    const st = (current: number, ms: number, completed?: number) => ({
      statuses: [{ id: 'pulling layer', vertex: 'sha256:a', current, total: 1000, timestamp: at(ms), started: at(0), ...(completed !== undefined ? { completed: at(completed) } : {}) }],
    });
    d.update(vtx('sha256:a', 'pull', 0));
    d.update(st(100, 100));
    d.update(st(120, 200)); // +2%, 0.1s later: skipped
    d.update(st(300, 300)); // +20%: printed
    d.update(st(310, 6000)); // 5.7s later: printed
    d.update(st(1000, 6100, 6100)); // completed: always printed
    expect(text().split('\n').filter((l) => l.includes('pulling layer'))).toEqual([
      '#1 pulling layer 100B / 1.00kB 0.1s',
      '#1 pulling layer 300B / 1.00kB 0.3s',
      '#1 pulling layer 310B / 1.00kB 6.0s',
      '#1 pulling layer 1.00kB / 1.00kB 6.1s done',
    ]);
  });

  it('prints log lines with their time since the start, joining partial lines', () => {
    const { d, text } = display('plain');
    d.update(vtx('sha256:r', '[2/3] RUN echo hi', 1000));
    d.update(log('sha256:r', 'hel', 1012));
    d.update(log('sha256:r', 'lo\nworld\n', 1030));
    d.update(log('sha256:r', 'no newline', 1040));
    d.update(vtx('sha256:r', '[2/3] RUN echo hi', 1000, 1050));
    expect(text()).toBe(`#0 ${DESC}\n\n#1 [2/3] RUN echo hi\n#1 0.012 hello\n#1 0.030 world\n#1 0.040 no newline\n#1 DONE 0.1s\n`);
  });

  it('switches to another vertex with `#N ...` and comes back with the name again', () => {
    const { d, text } = display('plain');
    d.update(vtx('sha256:c', '[build 2/2] RUN make', 0));
    d.update(log('sha256:c', 'line1\n', 100));
    d.update(vtx('sha256:d', '[stage-1 2/3] COPY app /app', 150, 250));
    d.update(log('sha256:c', 'line2\n', 300));
    d.update(vtx('sha256:c', '[build 2/2] RUN make', 0, 400, { error: 'process "/bin/sh -c make" did not complete successfully: exit code: 2' }));
    d.done();
    expect(text()).toBe(
      `#0 ${DESC}\n\n` +
        '#1 [build 2/2] RUN make\n#1 0.100 line1\n#1 ...\n\n' +
        '#2 [stage-1 2/3] COPY app /app\n#2 DONE 0.1s\n\n' +
        '#1 [build 2/2] RUN make\n#1 0.300 line2\n' +
        '#1 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2\n' +
        // done(): the failed vertex's last lines between rules.
        '------\n > [build 2/2] RUN make:\n0.100 line1\n0.300 line2\n------\n',
    );
  });

  it('keeps only the last ten lines of a failed step for the error block', () => {
    const { d, text } = display('plain');
    d.update(vtx('sha256:e', '[2/2] RUN seq 12 && false', 0));
    d.update(log('sha256:e', Array.from({ length: 12 }, (_, i) => `${i + 1}\n`).join(''), 20));
    d.update(vtx('sha256:e', '[2/2] RUN seq 12 && false', 0, 30, { error: 'exit code: 1' }));
    d.done();
    const block = text().slice(text().indexOf('------'));
    expect(block).toBe(`------\n > [2/2] RUN seq 12 && false:\n${Array.from({ length: 10 }, (_, i) => `0.020 ${i + 3}\n`).join('')}------\n`);
  });

  it('prints build-check warnings under their vertex', () => {
    const { d, text } = display('plain');
    d.update(vtx('sha256:a', '[internal] load build definition from Dockerfile', 0));
    d.update({ warnings: [{ vertex: 'sha256:a', short: b64("FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)"), detail: [b64('d')], url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/' }] });
    d.update(vtx('sha256:a', '[internal] load build definition from Dockerfile', 0, 10));
    expect(text()).toBe(`#0 ${DESC}\n\n#1 [internal] load build definition from Dockerfile\n#1 WARN: FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)\n#1 DONE 0.0s\n`);
    expect(d.warnings).toEqual([{ short: "FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)", detail: ['d'], url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/' }]);
  });

  it('prints nothing in quiet mode, and every update as JSON in rawjson mode', () => {
    const q = display('quiet');
    q.d.update(vtx('sha256:a', 'x', 0, 10));
    q.d.done();
    expect(q.text()).toBe('');
    const r = display('rawjson');
    const s = vtx('sha256:a', 'x', 0, 10);
    r.d.update(s);
    r.d.done();
    expect(r.text()).toBe(JSON.stringify(s) + '\n');
  });
});

describe('tty progress', () => {
  it("draws a table whose last frame says FINISHED, with CACHED steps and each status's size", () => {
    const clock = { now: T0 };
    const { d, text } = display('tty', clock);
    d.update(vtx('sha256:a', '[internal] load build definition from Dockerfile', 0));
    clock.now = T0 + 100;
    d.update({ statuses: [{ id: 'transferring dockerfile:', vertex: 'sha256:a', current: 58, timestamp: at(10), started: at(0), completed: at(10) }] });
    d.update(vtx('sha256:a', '[internal] load build definition from Dockerfile', 0, 20));
    d.update(vtx('sha256:b', '[1/3] FROM docker.io/library/alpine:latest', 30, 30, { cached: true }));
    d.update(vtx('sha256:c', '[2/3] RUN echo hi', 40, 40, { cached: true }));
    clock.now = T0 + 200;
    d.update(vtx('sha256:e', '[3/3] RUN make', 50));
    const mid = text();
    expect(mid).toContain('[+] Building 0.2s (3/4) ');
    expect(mid).not.toContain('FINISHED');
    d.update(vtx('sha256:e', '[3/3] RUN make', 50, 1550));
    clock.now = T0 + 1600;
    d.done();
    const last = text().slice(mid.length);
    const frame = last.slice(last.lastIndexOf('[+] Building'));
    const lines = frame.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '').split('\n');
    expect(lines[0]).toBe(`${'[+] Building 1.6s (4/4) FINISHED'.padEnd(64)} docker:default`);
    expect(lines).toContain(`${' => [internal] load build definition from Dockerfile'.padEnd(74)} 0.0s`);
    expect(lines).toContain(`${' => => transferring dockerfile: 58B'.padEnd(74)} 0.0s`);
    expect(lines).toContain(`${' => CACHED [1/3] FROM docker.io/library/alpine:latest'.padEnd(74)} 0.0s`);
    expect(lines).toContain(`${' => CACHED [2/3] RUN echo hi'.padEnd(74)} 0.0s`);
    expect(lines).toContain(`${' => [3/3] RUN make'.padEnd(74)} 1.5s`);
    // Finished steps are blue.
    expect(frame).toContain(`\x1b[34m => CACHED [2/3] RUN echo hi`);
  });

  it('shows WARN lines under their step, uncolored (their job never completes)', () => {
    const { d, text } = display('tty');
    d.update(vtx('sha256:a', '[internal] load build definition from Dockerfile', 0));
    d.update({ warnings: [{ vertex: 'sha256:a', short: b64('FromAsCasing: casing (line 1)'), url: '' }] });
    d.update(vtx('sha256:a', '[internal] load build definition from Dockerfile', 0, 10));
    d.done();
    const frame = text().slice(text().lastIndexOf('[+] Building'));
    expect(frame).toContain(`\x1b[34m => [internal] load build definition from Dockerfile`);
    expect(frame).toContain(`\n${' => WARN: FromAsCasing: casing (line 1)'.padEnd(74)} 0.0s\n`);
  });

  it('prints all the logs of a failed step after the last frame', () => {
    const { d, text } = display('tty');
    d.update(vtx('sha256:e', '[2/2] RUN seq 12 && false', 0));
    d.update(log('sha256:e', Array.from({ length: 12 }, (_, i) => `${i + 1}\n`).join(''), 20));
    d.update(vtx('sha256:e', '[2/2] RUN seq 12 && false', 0, 30, { error: 'exit code: 1' }));
    d.done();
    expect(text()).toContain('ERROR [2/2] RUN seq 12 && false');
    expect(text().slice(text().indexOf('------'))).toBe(`------\n > [2/2] RUN seq 12 && false:\n${Array.from({ length: 12 }, (_, i) => `0.020 ${i + 1}\n`).join('')}------\n`);
  });
});

describe('printSource (errdefs.Source.Print)', () => {
  it('shows four lines of context around a one-line range', () => {
    const data = 'FROM alpine\nRUN false\n';
    expect(printSource({ filename: 'Dockerfile', data, start: 2, end: 2 })).toBe(
      'Dockerfile:2\n--------------------\n   1 |     FROM alpine\n   2 | >>> RUN false\n   3 |     \n--------------------\n',
    );
    const long = Array.from({ length: 12 }, (_, i) => `L${i + 1}`).join('\n');
    expect(printSource({ filename: 'Dockerfile.dev', data: long, start: 6, end: 6 })).toBe(
      'Dockerfile.dev:6\n--------------------\n   4 |     L4\n   5 |     L5\n   6 | >>> L6\n   7 |     L7\n   8 |     L8\n--------------------\n',
    );
  });

  it('shows two lines of context around a multi-line range, clipped at the ends', () => {
    const data = 'FROM alpine\nRUN a \\\n  && b \\\n  && c\nCMD x\nLABEL y=1\nENV z=2\n';
    expect(printSource({ filename: 'Dockerfile', data, start: 2, end: 4 })).toBe(
      'Dockerfile:2\n--------------------\n   1 |     FROM alpine\n   2 | >>> RUN a \\\n   3 | >>>   && b \\\n   4 | >>>   && c\n   5 |     CMD x\n--------------------\n',
    );
    expect(printSource({ filename: 'Dockerfile', data: 'A\nB\nC', start: 3, end: 9 })).toBe('Dockerfile:3\n--------------------\n   1 |     A\n   2 |     B\n   3 | >>> C\n--------------------\n');
    expect(printSource({ filename: 'Dockerfile', data: 'A\n', start: 5, end: 5 })).toBe('');
  });
});

describe('unitsBytes (units.Bytes with %.2f)', () => {
  it('prints whole bytes below 1kB and two decimals above, rounding ties to even', () => {
    expect(unitsBytes(0)).toBe('0B');
    expect(unitsBytes(87)).toBe('87B');
    expect(unitsBytes(999)).toBe('999B');
    expect(unitsBytes(1000)).toBe('1.00kB');
    expect(unitsBytes(1234)).toBe('1.23kB');
    expect(unitsBytes(1125)).toBe('1.12kB');
    expect(unitsBytes(1_500_000)).toBe('1.50MB');
    expect(unitsBytes(3_210_000_000)).toBe('3.21GB');
  });
});

describe("buildx's printWarnings", () => {
  const w = (short: string) => ({ short, detail: ['Detail line'], url: 'https://docs.docker.com/go/dockerfile/rule/x/', source: { filename: 'Dockerfile', data: 'FROM alpine as a\n', start: 1, end: 1 } });
  it('lists the warnings after the progress, in yellow, pointing at --debug', () => {
    expect(formatWarnings([], false)).toBe('');
    expect(formatWarnings([w('A: one (line 1)')], false)).toBe('\n \x1b[33m1 warning found (use docker --debug to expand):\n\x1b[0m - A: one (line 1)\n');
    expect(formatWarnings([w('A: one (line 1)'), w('B: two (line 2)')], false)).toBe('\n \x1b[33m2 warnings found (use docker --debug to expand):\n\x1b[0m - A: one (line 1)\n - B: two (line 2)\n');
  });
  it('expands each warning with --debug', () => {
    expect(formatWarnings([w('A: one (line 1)')], true)).toBe(
      '\n \x1b[33m1 warning found:\n\x1b[0m - A: one (line 1)\nDetail line\nMore info: https://docs.docker.com/go/dockerfile/rule/x/\n' +
        'Dockerfile:1\n--------------------\n   1 | >>> FROM alpine as a\n   2 |     \n--------------------\n\n',
    );
  });
});
