/** yes [STRING]...: print the STRINGs (default "y") on a line, forever; ends on SIGPIPE or a write error. */
import { applet } from '../lib/applet.ts';
import { bytesOf, toBytes } from '../lib/text-io.ts';

export default applet('Usage: yes [STRING]\n\nRepeatedly output a line with STRING, or \'y\'', async (ctx) => {
  const { sys, out } = ctx;
  const line = (ctx.args.length > 0 ? ctx.args.map(bytesOf).join(' ') : 'y') + '\n';
  // Write in blocks, as stdio does; each write blocks on a full pipe and lets the scheduler run.
  const block = toBytes(line.repeat(Math.max(1, Math.floor(4096 / line.length))));
  await out.flush();
  for (;;) {
    await sys.write(1, block);
    await sys.checkpoint();
  }
});
