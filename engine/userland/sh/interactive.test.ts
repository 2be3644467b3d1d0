/**
 * The interactive shell on a terminal, as a learner types at it: job control
 * must give the terminal back to the shell after every command, also when
 * the command's standard input was a here-document.
 */
import { describe, expect, it } from 'vitest';
import { bootLearnerHost } from '../../index.ts';
import { nodePlatform } from '../../platform/node/index.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function session(inputs: string[]): Promise<string> {
  const host = bootLearnerHost(nodePlatform());
  const tty = host.machine.kernel.createPty();
  tty.resize({ rows: 24, cols: 80 });
  let out = '';
  tty.onOutput((b: Uint8Array) => (out += new TextDecoder().decode(b)));
  host.attach(['-sh'], tty, { path: '/bin/sh' });
  await wait(200);
  for (const i of inputs) {
    tty.input(i);
    await wait(300);
  }
  return out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
}

describe('the interactive shell', () => {
  it('reads the next command after a here-document fed a command', async () => {
    const out = await session(["cat > f <<'EOF'\rx\rEOF\r", 'cat f; echo after-heredoc\r']);
    expect(out).toMatch(/\r\nx\r\nafter-heredoc\r\n/);
  });

  it('reads the next command after a here-document and an output redirection together', async () => {
    const out = await session(['cat <<EOF >g 2>&1\rhello\rEOF\r', 'echo next\r']);
    expect(out).toContain('\r\nnext\r\n');
  });
});

describe('the terminal line discipline', () => {
  it('hands a half-typed canonical line to readers when canonical mode is switched off', () => {
    const host = bootLearnerHost(nodePlatform());
    const tty = host.machine.kernel.createPty();
    tty.input('F');
    expect(tty.hasInputData()).toBe(false);
    tty.setTermios({ ...tty.termios, icanon: false });
    expect(new TextDecoder().decode(tty.take(10))).toBe('F');
  });
});
