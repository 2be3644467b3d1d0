/**
 * nano [OPTIONS] [[+LINE[,COLUMN]] FILE]: GNU nano as distributions install
 * it. Settings come from /etc/nanorc and ~/.nanorc (Debian's turns on
 * "stateflags", which puts a "*" after a modified file's name), then from
 * the command line. The version shown is the one the package installed.
 */
import { isProcessControl, type Program, type Sys } from '../../../kernel/sys.ts';
import { decodeText } from '../../tui/text.ts';
import { RAW_NANO, withTerminal } from '../../tui/terminal.ts';
import { Nano, type NanoSettings } from './editor.ts';

const USAGE = `Usage: nano [OPTIONS] [[+LINE[,COLUMN]] FILE]...

To place the cursor on a specific line of a file, put the line number with
a '+' before the filename.  The column number can be added after a comma.
When a filename is '-', nano reads data from standard input.

 Option         Long option             Meaning
 -E             --tabstospaces          Convert typed tabs to spaces
 -T <number>    --tabsize=<number>      Make a tab this number of columns wide
 -c             --constantshow          Constantly show cursor position
 -h             --help                  Show this help text and exit
 -i             --autoindent            Automatically indent new lines
 -l             --linenumbers           Show line numbers in front of the text
 -v             --view                  View mode (read-only)
 -V             --version               Print version information and exit
 -x             --nohelp                Don't show the two help lines
`;

export const nano: Program = async (sys) => {
  const settings: NanoSettings = {
    version: await installedVersion(sys),
    stateflags: false,
    linenumbers: false,
    constantshow: false,
    autoindent: false,
    tabstospaces: false,
    nohelp: false,
    tabsize: 8,
    view: false,
  };
  const home = sys.env.findLast((e) => e.startsWith('HOME='))?.slice(5);
  await readRc(sys, '/etc/nanorc', settings);
  if (home) await readRc(sys, `${home.replace(/\/$/, '')}/.nanorc`, settings);

  const files: string[] = [];
  let line = 0;
  let column = 0;
  const args = sys.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const long: Record<string, string> = { '--tabstospaces': 'E', '--tabsize': 'T', '--constantshow': 'c', '--help': 'h', '--autoindent': 'i', '--linenumbers': 'l', '--view': 'v', '--version': 'V', '--nohelp': 'x' };
    let opts: string[] = [];
    if (a.startsWith('--')) {
      const [name, value] = a.split('=', 2) as [string, string | undefined];
      const o = long[name];
      if (!o) {
        await sys.write(2, `nano: unrecognized option '${a}'\nType 'nano -h' for a list of available options.\n`);
        return 1;
      }
      if (o === 'T') {
        const v = value ?? args[++i];
        settings.tabsize = Math.max(1, parseInt(v ?? '8', 10) || 8);
        continue;
      }
      opts = [o];
    } else if (a.startsWith('+') && a.length > 1) {
      const [l, c] = a.slice(1).split(',');
      line = parseInt(l ?? '', 10) || 0;
      column = parseInt(c ?? '', 10) || 0;
      continue;
    } else if (a.startsWith('-') && a.length > 1) opts = [...a.slice(1)];
    else {
      files.push(a);
      continue;
    }
    for (let j = 0; j < opts.length; j++) {
      const o = opts[j]!;
      if (o === 'E') settings.tabstospaces = true;
      else if (o === 'c') settings.constantshow = true;
      else if (o === 'i') settings.autoindent = true;
      else if (o === 'l') settings.linenumbers = true;
      else if (o === 'v') settings.view = true;
      else if (o === 'x') settings.nohelp = true;
      else if (o === 'T') {
        const rest = opts.slice(j + 1).join('') || args[++i] || '8';
        settings.tabsize = Math.max(1, parseInt(rest, 10) || 8);
        break;
      } else if (o === 'h') {
        await sys.write(1, USAGE);
        return 0;
      } else if (o === 'V') {
        await sys.write(1, ` GNU nano, version ${settings.version}\n (C) 2023 the Free Software Foundation and various contributors\n Compiled options: --enable-utf8\n`);
        return 0;
      } else {
        await sys.write(2, `nano: invalid option -- '${o}'\nType 'nano -h' for a list of available options.\n`);
        return 1;
      }
    }
  }
  if (!sys.isatty(0) && !files.includes('-')) {
    await sys.write(2, 'Too many errors from stdin\n');
    return 1;
  }

  return withTerminal(
    sys,
    { raw: RAW_NANO, altKeys: true },
    async (term) => {
      term.write('\x1b[?1049h');
      const editor = new Nano(sys, term, settings);
      await editor.open(files[0] ?? null);
      if (line !== 0 || column !== 0) editor.goto(line, column);
      let code: number;
      try {
        code = await editor.run();
      } finally {
        term.write(`\x1b[m\x1b[${editor.screen.rows};1H\x1b[K\x1b[?1049l`);
        await term.flush();
      }
      return code;
    },
    async (term) => {
      term.write('\x1b[m\x1b[?1049l');
      return undefined;
    },
  );
};

/** The version= line of the program file that runs us (/proc/self/exe), or 7.2. */
async function installedVersion(sys: Sys): Promise<string> {
  try {
    const fd = sys.open('/proc/self/exe', 'r');
    try {
      const head = decodeText(await sys.read(fd, 512));
      const m = /^version=([^\n]+)$/m.exec(head);
      if (m) return m[1]!.replace(/-r\d+$/, '').replace(/^\d+:/, '').replace(/-\d+(\+.*)?$/, '');
    } finally {
      sys.close(fd);
    }
  } catch (err) {
    if (isProcessControl(err)) throw err;
  }
  return '7.2';
}

/** The "set" and "unset" lines nano understands here. */
async function readRc(sys: Sys, path: string, settings: NanoSettings): Promise<void> {
  let text = '';
  try {
    const fd = sys.open(path, 'r');
    try {
      for (;;) {
        const d = await sys.read(fd, 65536);
        if (d.length === 0) break;
        text += decodeText(d);
      }
    } finally {
      sys.close(fd);
    }
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return;
  }
  for (const raw of text.split('\n')) {
    const m = /^\s*(set|unset)\s+(\S+)(?:\s+(\S+))?/.exec(raw);
    if (!m) continue;
    const on = m[1] === 'set';
    switch (m[2]) {
      case 'stateflags': settings.stateflags = on; break;
      case 'linenumbers': settings.linenumbers = on; break;
      case 'constantshow': settings.constantshow = on; break;
      case 'autoindent': settings.autoindent = on; break;
      case 'tabstospaces': settings.tabstospaces = on; break;
      case 'nohelp': settings.nohelp = on; break;
      case 'view': settings.view = on; break;
      case 'tabsize':
        if (on && m[3]) settings.tabsize = Math.max(1, parseInt(m[3], 10) || settings.tabsize);
        break;
    }
  }
}
