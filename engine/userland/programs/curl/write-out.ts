/**
 * curl's -w/--write-out: text with %{variable}s, written after each
 * transfer (to stdout; %{stderr} switches to stderr), and the escapes
 * \n \r \t \\ that curl itself interprets.
 *
 *     curl -s -o /dev/null -w '%{http_code}\n' http://web     →  200
 */

/** What one transfer leaves for -w. Times are seconds since the start. */
export interface Transfer {
  start: number;
  url: string;
  scheme?: string;
  method?: string;
  httpCode: number;
  httpVersion?: string;
  contentType?: string;
  redirectUrl?: string;
  numRedirects: number;
  sizeDownload: number;
  sizeUpload: number;
  sizeHeader: number;
  sizeRequest: number;
  remoteIp?: string;
  remotePort?: number;
  localIp?: string;
  localPort?: number;
  timeNamelookup?: number;
  timeConnect?: number;
  timeStarttransfer?: number;
  timeTotal?: number;
  exitcode: number;
  errormsg?: string;
  headers?: [string, string][];
}

const seconds = (s: number | undefined) => (s ?? 0).toFixed(6);

function variable(name: string, t: Transfer): string | undefined {
  const total = t.timeTotal ?? 0;
  switch (name) {
    case 'http_code':
    case 'response_code':
      return String(t.httpCode).padStart(3, '0');
    case 'http_version':
      return t.httpVersion ?? '0';
    case 'url_effective':
      return t.url;
    case 'url':
      return t.url;
    case 'scheme':
      return t.scheme ?? '';
    case 'method':
      return t.method ?? 'GET';
    case 'content_type':
      return t.contentType ?? '';
    case 'redirect_url':
      return t.redirectUrl ?? '';
    case 'num_redirects':
      return String(t.numRedirects);
    case 'size_download':
      return String(t.sizeDownload);
    case 'size_upload':
      return String(t.sizeUpload);
    case 'size_header':
      return String(t.sizeHeader);
    case 'size_request':
      return String(t.sizeRequest);
    case 'speed_download':
      return String(total > 0 ? Math.floor(t.sizeDownload / total) : t.sizeDownload);
    case 'speed_upload':
      return String(total > 0 ? Math.floor(t.sizeUpload / total) : t.sizeUpload);
    case 'remote_ip':
      return t.remoteIp ?? '';
    case 'remote_port':
      return t.remotePort === undefined ? '0' : String(t.remotePort);
    case 'local_ip':
      return t.localIp ?? '';
    case 'local_port':
      return t.localPort === undefined ? '0' : String(t.localPort);
    case 'time_namelookup':
      return seconds(t.timeNamelookup);
    case 'time_connect':
      return seconds(t.timeConnect);
    case 'time_appconnect':
      return seconds(t.scheme === 'HTTPS' ? t.timeConnect : 0);
    case 'time_pretransfer':
      return seconds(t.timeConnect);
    case 'time_starttransfer':
      return seconds(t.timeStarttransfer);
    case 'time_redirect':
      return seconds(0);
    case 'time_total':
      return seconds(total);
    case 'exitcode':
      return String(t.exitcode);
    case 'errormsg':
      return t.errormsg ?? '';
    case 'num_connects':
      return t.remoteIp ? '1' : '0';
    default:
      return undefined;
  }
}

/** Expands a -w format: what goes to stdout and to stderr. */
export function writeOut(format: string, t: Transfer): { stdout: string; stderr: string } {
  let toErr = false;
  const out = { stdout: '', stderr: '' };
  const put = (s: string) => {
    if (toErr) out.stderr += s;
    else out.stdout += s;
  };
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '%' && format[i + 1] === '%') {
      put('%');
      i++;
    } else if (c === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i);
      if (end < 0) {
        put(format.slice(i));
        break;
      }
      const name = format.slice(i + 2, end);
      i = end;
      if (name === 'stderr') toErr = true;
      else if (name === 'stdout') toErr = false;
      else if (name.startsWith('header{')) put(t.headers?.find(([n]) => n === name.slice(7).toLowerCase())?.[1] ?? '');
      else {
        const v = variable(name, t);
        if (v === undefined) out.stderr += `curl: unknown --write-out variable: '${name}'\n`;
        else put(v);
      }
    } else if (c === '\\' && i + 1 < format.length) {
      const n = format[++i]!;
      put(n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : n === '\\' ? '\\' : `\\${n}`);
    } else put(c);
  }
  return out;
}
