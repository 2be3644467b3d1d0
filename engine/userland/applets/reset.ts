/**
 * reset: when standard output is a terminal, send it the reset sequences
 * (ESC c, character set, attributes, erase, cursor on) and put the terminal
 * settings back to sane ones, as `stty sane` does.
 */
import { applet } from '../lib/applet.ts';
import { runStty } from './stty.ts';

export default applet('Usage: reset\n\nReset terminal (ESC codes) and termios (signals, buffering, echo)', async (ctx) => {
  if (!ctx.sys.isatty(1)) return 0;
  await ctx.out.write('\x1bc\x1b(B\x1b[m\x1b[J\x1b[?25h');
  return runStty(ctx, ['sane']);
});
