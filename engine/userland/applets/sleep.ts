/** sleep [N]...: pause for the sum of N seconds (N may have a fraction and an s/m/h/d suffix). */
import { applet, fail } from '../lib/applet.ts';

export default applet('Usage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays', async (ctx) => {
  if (ctx.args.length === 0) {
    await ctx.usage();
    return 1;
  }
  let ms = 0;
  for (const a of ctx.args) {
    const m = /^(\d*\.?\d*)([smhd]?)$/.exec(a);
    if (!m || m[1] === '' || m[1] === '.') fail(`invalid number '${a}'`);
    const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m![2] as '' | 's' | 'm' | 'h' | 'd'];
    ms += Number(m![1]) * unit * 1000;
  }
  await ctx.sys.sleep(ms);
  return 0;
});
