/** vi [-c CMD] [-R] [-H] [FILE]...: busybox's small vi (the editor itself is in ../vi/). */
import { applet } from '../lib/applet.ts';
import { runVi } from '../vi/main.ts';

const FEATURES =
  'These features are available:\n\tPattern searches with / and ?\n\tLast command repeat with .\n\tLine marking with \'x\n\tNamed buffers with "x\n\tSome colon mode commands with :\n\tSettable options with ":set"\n\tSignal catching- ^C\n\tJob suspend and resume with ^Z\n\tAdapt to window re-sizes\n';

export default applet(
  'Usage: vi [-c CMD] [-R] [-H] [FILE]...\n\nEdit FILE\n\n\t-c CMD\tInitial command to run ($EXINIT and ~/.exrc also available)\n\t-R\tRead-only\n\t-H\tList available features',
  async (ctx) => {
    const o = await ctx.options('c:HhR');
    if (o.has('H')) await ctx.out.write(FEATURES);
    if (o.has('H') || o.has('h')) {
      await ctx.out.flush();
      await ctx.usage();
      return 1;
    }
    await ctx.out.flush();
    return runVi(ctx.sys, { vim: false, files: o.operands, readonly: o.has('R'), commands: o.values('c'), name: ctx.name });
  },
);
