/**
 * autoindex on: the directory listing of ngx_http_autoindex_module, in its
 * HTML format — directories first, then files, by name; names padded to 50
 * columns, then the time (UTC) and the exact size.
 */
import { S_IFDIR, S_IFMT } from '../../../fs/types.ts';
import { isProcessControl } from '../../../kernel/sys.ts';
import type { HttpContext } from './http.ts';
import { contentTypeFor, special } from './http.ts';
import type { Scope } from './model.ts';
import type { Request, Response } from './request.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NAME_LEN = 50;
const pad2 = (n: number) => String(n).padStart(2, '0');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function autoindex(ctx: HttpContext, req: Request, scope: Scope, dir: string): Promise<Response> {
  let names: string[];
  try {
    names = ctx.sys.readdir(dir);
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return special(403, scope);
  }
  const entries: { name: string; dir: boolean; size: number; mtime: number }[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    try {
      const st = ctx.sys.stat(`${dir}${name}`);
      entries.push({ name, dir: (st.mode & S_IFMT) === S_IFDIR, size: st.size, mtime: st.mtimeMs });
    } catch (err) {
      if (isProcessControl(err)) throw err;
    }
  }
  entries.sort((a, b) => (a.dir !== b.dir ? (a.dir ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const title = escapeHtml(req.uri);
  let html = `<html>\r\n<head><title>Index of ${title}</title></head>\r\n<body>\r\n<h1>Index of ${title}</h1><hr><pre><a href="../">../</a>\r\n`;
  for (const e of entries) {
    let shown = e.name;
    let len = [...e.name].length;
    let line = `<a href="${encodeURIComponent(e.name)}${e.dir ? '/' : ''}">`;
    if (len > NAME_LEN) line += escapeHtml([...shown].slice(0, NAME_LEN - 3).join('')) + '..&gt;</a>';
    else {
      if (e.dir && NAME_LEN - len > 0) {
        shown += '/';
        len++;
      }
      line += escapeHtml(shown) + '</a>' + ' '.repeat(Math.max(0, NAME_LEN - len));
    }
    const d = new Date(e.mtime);
    line += ` ${pad2(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} `;
    line += e.dir ? '                  -' : String(e.size).padStart(19);
    html += line + '\r\n';
  }
  html += '</pre><hr></body>\r\n</html>\r\n';
  const body = new TextEncoder().encode(html);
  // nginx sends listings without a length (chunked).
  return { status: 200, contentType: contentTypeFor(scope, 'text/html'), headers: [], body };
}
