/**
 * echo [-neE] [ARG]...: busybox's echo. Options are recognized only as the
 * leading arguments and only if every letter is n, e or E; -e interprets
 * backslash escapes (\n \t \\ \0NNN \c …), -n drops the final newline.
 */
import { applet } from '../lib/applet.ts';

export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    switch (n) {
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'c': return { text: out, stop: true };
      case 'e': out += '\x1b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '0': {
        let v = 0;
        let k = 0;
        while (k < 3 && /[0-7]/.test(s[i + 1] ?? '')) v = v * 8 + Number(s[++i]), k++;
        out += String.fromCharCode(v & 0xff);
        break;
      }
      case 'x': {
        let v = 0;
        let k = 0;
        while (k < 2 && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) v = v * 16 + parseInt(s[++i]!, 16), k++;
        if (k === 0) out += '\\x';
        else out += String.fromCharCode(v);
        break;
      }
      default:
        out += '\\' + n;
    }
  }
  return { text: out, stop: false };
}

export default applet('Usage: echo [-neE] [ARG]...', async ({ args, out }) => {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = '';
  for (let j = i; j < args.length; j++) {
    const a = args[j]!;
    if (escapes) {
      const r = echoEscapes(a);
      text += (j > i ? ' ' : '') + r.text;
      if (r.stop) {
        await out.write(text);
        return 0;
      }
      continue;
    }
    text += (j > i ? ' ' : '') + a;
  }
  await out.write(newline ? text + '\n' : text);
  return 0;
});
