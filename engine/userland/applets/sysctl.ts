/**
 * sysctl [-enq] { -a | -p [FILE]... | [-w] [KEY[=VALUE]]... }: read and
 * write kernel settings, the files under /proc/sys: `sysctl kernel.hostname`
 * reads /proc/sys/kernel/hostname, `sysctl -w kernel.hostname=box` writes it
 * (root only), -a shows them all, -p loads a file (/etc/sysctl.conf).
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { FsError, strerror } from '../../fs/errno.ts';
import { S_IFDIR, S_IFMT } from '../../fs/types.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { applet, fail, type AppletContext } from '../lib/applet.ts';
import { readAll } from '../lib/io.ts';
import { parseOptions } from '../lib/system-getopt.ts';

interface Flags {
  showKeys: boolean;
  showKeyErrors: boolean;
  write: boolean;
  quiet: boolean;
}

const exists = (sys: Sys, path: string) => {
  try {
    sys.access(path, 0);
    return true;
  } catch (e) {
    if (isProcessControl(e)) throw e;
    return false;
  }
};

/** kernel.hostname → kernel/hostname, changing only the dots needed to reach an existing file. */
function dotsToSlashes(sys: Sys, name: string): string {
  const eq = name.indexOf('=');
  const end = eq < 0 ? name.length : eq;
  const slash = name.indexOf('/');
  const dot = name.indexOf('.');
  if (slash >= 0 && slash < end && dot >= 0 && dot < slash) {
    // both dots and slashes, dots first: procps swaps them
    const swapped = [...name.slice(0, end)].map((c) => (c === '.' ? '/' : c === '/' ? '.' : c)).join('');
    return swapped + name.slice(end);
  }
  const chars = [...name.slice(0, end), '.'];
  let lastGood = -1;
  again: for (;;) {
    for (let i = chars.length - 1; i > lastGood; i--) {
      if (chars[i] !== '.') continue;
      if (exists(sys, chars.slice(0, i).join(''))) {
        chars[i] = '/';
        lastGood = i;
        continue again;
      }
    }
    break;
  }
  return chars.slice(0, -1).join('') + name.slice(end);
}

async function actOnSetting(ctx: AppletContext, setting: string, f: Flags): Promise<number> {
  const { sys, out, err } = ctx;
  const outname = [...setting].map((c) => (c === '/' ? '.' : c === '.' ? '/' : c)).join('');
  const eq = setting.indexOf('=');
  const writing = f.write || eq >= 0;
  const say = (msg: string) => err.write(`${ctx.name}: ${msg}\n`);
  if (writing) {
    if (eq < 0) {
      await say(`error: '${outname}' must be of the form name=value`);
      return 1;
    }
    if (eq === 0) {
      await say(`error: malformed setting '${outname}'`);
      return 1;
    }
  }
  const key = writing ? setting.slice(0, eq) : setting;
  const keyName = writing ? outname.slice(0, eq) : outname;
  const value = writing ? setting.slice(eq + 1) : '';
  let fd: number;
  try {
    fd = writing ? sys.open(key, { read: false, write: true, create: true, truncate: true }, 0o666) : sys.open(key, 'r');
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    if (e.code === 'ENOENT') {
      if (f.showKeyErrors) await say(`error: '${keyName}' is an unknown key`);
    } else if (e.code === 'EACCES' && !writing) {
      return 1;
    } else await say(`error ${writing ? 'sett' : 'read'}ing key '${keyName}': ${strerror(e.code)}`);
    return 1;
  }
  try {
    if (writing) {
      await sys.write(fd, value);
      if (!f.quiet) await out.write((f.showKeys ? `${keyName} = ` : '') + value + '\n');
      return 0;
    }
    let text: string;
    try {
      text = fromUtf8(await readAll(sys, fd));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      await say(`error reading key '${keyName}': ${strerror(e.code)}`);
      return 1;
    }
    // every line of a multi-line value gets the key
    for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) await out.write((f.showKeys ? `${keyName} = ` : '') + line);
    return 0;
  } catch (e) {
    if (e instanceof FsError) return fail(`write error: ${strerror(e.code)}`);
    throw e;
  } finally {
    sys.close(fd);
  }
}

async function actRecursive(ctx: AppletContext, path: string, f: Flags): Promise<number> {
  const { sys } = ctx;
  let isDir = false;
  if (!f.write && !path.includes('=')) {
    try {
      isDir = (sys.stat(path).mode & S_IFMT) === S_IFDIR;
    } catch (e) {
      if (isProcessControl(e)) throw e;
    }
  }
  if (!isDir) return actOnSetting(ctx, path, f);
  let status = 0;
  let names: string[];
  try {
    names = sys.readdir(path);
  } catch (e) {
    if (isProcessControl(e)) throw e;
    return 1;
  }
  for (const name of names) {
    const next = `${path}/${name}`;
    status |= await actRecursive(ctx, next.startsWith('./') ? next.slice(2) : next, f);
  }
  return status;
}

export default applet(
  "Usage: sysctl [-enq] { -a | -p [FILE]... | [-w] [KEY[=VALUE]]... }\n\nShow/set kernel parameters\n\n\t-e\tDon't warn about unknown keys\n\t-n\tDon't show key names\n\t-q      Quiet\n\t-a\tShow all values\n\t-p\tSet values from FILEs (default /etc/sysctl.conf)\n\t-w\tSet values",
  async (ctx) => {
    const { sys } = ctx;
    const o = await parseOptions(ctx, '+neAapwq');
    const f: Flags = { showKeys: !o.has('n'), showKeyErrors: !o.has('e'), write: o.has('w'), quiet: o.has('q') };
    const chdir = (dir: string) => {
      try {
        sys.chdir(dir);
      } catch (e) {
        if (e instanceof FsError) fail(`can't change directory to '${dir}': ${strerror(e.code)}`);
        throw e;
      }
    };
    if (o.has('p')) {
      f.write = true;
      const cwd = sys.getcwd();
      for (const file of o.operands.length > 0 ? o.operands : ['/etc/sysctl.conf']) {
        let text: string;
        try {
          const fd = sys.open(file, 'r');
          try {
            text = fromUtf8(await readAll(sys, fd));
          } finally {
            sys.close(fd);
          }
        } catch (e) {
          if (e instanceof FsError) return fail(`can't open '${file}': ${strerror(e.code)}`);
          throw e;
        }
        chdir('/proc/sys');
        for (const raw of text.split('\n')) {
          const line = raw.trim();
          if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
          const eq = line.indexOf('=');
          if (eq < 0) continue;
          const key = dotsToSlashes(sys, line.slice(0, eq).trim());
          await actOnSetting(ctx, `${key}=${line.slice(eq + 1).trim()}`, f);
        }
        chdir(cwd);
      }
      return 0;
    }
    chdir('/proc/sys');
    if (o.has('A') || o.has('a')) return actRecursive(ctx, '.', f);
    let status = 0;
    for (const arg of o.operands) status |= await actRecursive(ctx, dotsToSlashes(sys, arg), f);
    return status;
  },
);
