/**
 * awk [OPTIONS] [AWK_PROGRAM] [FILE]...: pattern scanning and processing,
 * as busybox's awk (see engine/userland/awk/ for the language itself).
 */
import { FsError, strerror } from '../../fs/errno.ts';
import { isProcessControl } from '../../kernel/sys.ts';
import { AppletError, applet } from '../lib/applet.ts';
import { readAll, readFile } from '../lib/io.ts';
import { fromBytes, fromText } from '../awk/bytes.ts';
import { Interpreter } from '../awk/interpreter.ts';
import { AwkError } from '../awk/lexer.ts';

const USAGE = 'Usage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n\n\t-v VAR=VAL\tSet variable\n\t-F SEP\t\tUse SEP as field separator\n\t-f FILE\t\tRead program from FILE\n\t-e AWK_PROGRAM';

export default applet(USAGE, async (ctx) => {
  const { sys, err } = ctx;
  const o = await ctx.options('+F:v:f:e:W:');
  if (o.has('W')) await err.write('awk: warning: option -W is ignored\n');
  const awk = new Interpreter(sys);
  const operands = [...o.operands];
  try {
    const fs = o.value('F');
    if (fs !== undefined) awk.setFieldSeparator(fs);
    for (const v of o.values('v')) {
      if (!awk.assignment(fromText(v))) {
        await ctx.usage();
        return 1;
      }
    }
    for (const file of o.values('f')) {
      let text: Uint8Array;
      try {
        text = file === '-' ? await readAll(sys, 0) : await readFile(sys, file);
      } catch (e) {
        if (isProcessControl(e) || !(e instanceof FsError)) throw e;
        throw new AppletError(`can't open '${file}': ${strerror(e.code)}`);
      }
      awk.parse(fromBytes(text), file);
    }
    for (const program of o.values('e')) awk.parse(fromText(program), 'cmd. line');
    if (!o.has('f') && !o.has('e')) {
      const program = operands.shift();
      if (program === undefined) {
        await ctx.usage();
        return 1;
      }
      awk.parse(fromText(program), 'cmd. line');
    }
  } catch (e) {
    if (e instanceof AwkError) throw new AppletError(e.where ? `${e.where}: ${e.message}` : e.message);
    throw e;
  }
  return awk.run(operands);
});
