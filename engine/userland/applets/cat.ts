/** cat [-nbvteA] [FILE]...: concatenate files (or standard input) to standard output. */
import { applet } from '../lib/applet.ts';
import { complain, errorText } from '../lib/errors.ts';
import { openInput } from '../lib/io.ts';

export default applet('Usage: cat [-nbvteA] [FILE]...\n\nPrint FILEs to stdout\n\n\t-n\tNumber output lines\n\t-b\tNumber nonempty lines\n\t-v\tShow nonprinting characters as ^x or M-x\n\t-t\t...and tabs as ^I\n\t-e\t...and end lines with $\n\t-A\tSame as -vte', async (ctx) => {
  const { sys, out, err } = ctx;
  const o = await ctx.options('nbvteAu');
  const files = o.operands.length > 0 ? o.operands : ['-'];
  const number = o.has('n') || o.has('b');
  const plain = !number && !o.has('v') && !o.has('t') && !o.has('e') && !o.has('A');
  let status = 0;
  let line = 1;
  let atStart = true;
  for (const f of files) {
    let fd: number;
    try {
      fd = openInput(sys, f);
    } catch (e) {
      await complain(err, ctx.name, `can't open '${f}': ${errorText(e)}`);
      status = 1;
      continue;
    }
    try {
      for (;;) {
        const d = await sys.read(fd);
        if (d.length === 0) break;
        if (plain) {
          await out.flush();
          await sys.write(1, d);
          continue;
        }
        let s = '';
        for (const b of d) {
          if (atStart && number && !(o.has('b') && b === 10)) s += String(line++).padStart(6) + '\t';
          atStart = b === 10;
          if (b === 10) s += (o.has('e') || o.has('A') ? '$' : '') + '\n';
          else if (b === 9 && (o.has('t') || o.has('A'))) s += '^I';
          else if ((o.has('v') || o.has('t') || o.has('e') || o.has('A')) && (b < 32 || b >= 127) && b !== 9) {
            const m = b >= 128 ? 'M-' : '';
            const c = b & 0x7f;
            s += m + (c < 32 ? '^' + String.fromCharCode(c + 64) : c === 127 ? '^?' : String.fromCharCode(c));
          } else s += String.fromCharCode(b);
        }
        await out.write(Uint8Array.from(s, (ch) => ch.charCodeAt(0)));
      }
    } catch (e) {
      await complain(err, ctx.name, `read error: ${errorText(e)}`);
      status = 1;
    } finally {
      if (fd !== 0) sys.close(fd);
    }
  }
  return status;
});
