/**
 * bb_ask_y_confirmation: after a prompt on stderr, read one line of standard
 * input; the answer is yes when its first non-blank character is y or Y.
 */
import type { Sys } from '../../kernel/sys.ts';
import type { Output } from './io.ts';

export async function askYes(sys: Sys, out: Output, err: Output, prompt: string): Promise<boolean> {
  await out.flush();
  await err.write(prompt);
  let first = 0;
  for (;;) {
    // One byte at a time: the rest of the input stays for the next question.
    const b = await sys.read(0, 1);
    const c = b[0];
    if (c === undefined || c === 10) break;
    if (first === 0 && c !== 32 && c !== 9) first = c | 0x20;
  }
  return first === 0x79;
}
