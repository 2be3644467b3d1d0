/**
 * vim [OPTIONS] [FILE]...: the vim that `apt-get install vim` and
 * `apk add vim` bring. It runs Berth's vi engine (../vi/) with vim's ways
 * where a learner sees them: `"notes.txt" 3L, 20B written`, "E37: No write
 * since last change (add ! to override)", "-- INSERT --", the ruler, regular
 * expressions in searches and :s.
 */
import { isProcessControl, type Program, type Sys } from '../../kernel/sys.ts';
import { decodeText } from '../tui/text.ts';
import { runVi } from '../vi/main.ts';

export const vim: Program = async (sys) => {
  const files: string[] = [];
  const commands: string[] = [];
  let readonly = (sys.argv[0] ?? '').split('/').pop() === 'view';
  const args = sys.argv.slice(1);
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (onlyFiles || a === '-' || (!a.startsWith('-') && !a.startsWith('+'))) {
      files.push(a);
      continue;
    }
    if (a === '--') onlyFiles = true;
    else if (a === '--version') {
      const version = await installedVersion(sys);
      await sys.write(1, `VIM - Vi IMproved ${version} (Berth)\nIncluded patches: 1-0\nCompiled by Berth\nHuge version without GUI.\n`);
      return 0;
    } else if (a === '-h' || a === '--help') {
      await sys.write(1, 'Usage: vim [arguments] [file ..]       edit specified file(s)\n\nArguments:\n   --\t\t\tOnly file names after this\n   -R\t\t\tReadonly mode (like "view")\n   -c <command>\t\tExecute <command> after loading the first file\n   +\t\t\tStart at end of file\n   +<lnum>\t\tStart at line <lnum>\n   +/<pattern>\t\tStart at first occurrence of <pattern>\n   -h  or  --help\tPrint Help (this message) and exit\n   --version\t\tPrint version information and exit\n');
      return 0;
    } else if (a === '-R') readonly = true;
    else if (a === '-c') {
      const cmd = args[++i];
      if (cmd === undefined) {
        await sys.write(2, 'VIM - Vi IMproved\n\nArgument missing after: "-c"\nMore info with: "vim -h"\n');
        return 1;
      }
      commands.push(cmd);
    } else if (a === '-u' || a === '-U' || a === '-i' || a === '-T') i++;
    else if (a.startsWith('+')) {
      const rest = a.slice(1);
      if (rest === '') commands.push('$');
      else if (rest.startsWith('/')) commands.push(rest + '/');
      else commands.push(rest);
    } else if (['-n', '-N', '-X', '--clean', '--noplugin', '-e', '-s', '-E', '-Z', '-b'].includes(a)) continue;
    else {
      await sys.write(2, `VIM - Vi IMproved\n\nUnknown option argument: "${a}"\nMore info with: "vim -h"\n`);
      return 1;
    }
  }
  if (!sys.isatty(1)) await sys.write(2, 'Vim: Warning: Output is not to a terminal\n');
  if (!sys.isatty(0)) await sys.write(2, 'Vim: Warning: Input is not from a terminal\n');
  return runVi(sys, { vim: true, files, readonly, commands, name: 'vim' });
};

/** The version= line of the program file (/proc/self/exe), as "9.1". */
async function installedVersion(sys: Sys): Promise<string> {
  try {
    const fd = sys.open('/proc/self/exe', 'r');
    try {
      const head = decodeText(await sys.read(fd, 512));
      const m = /^version=(?:\d+:)?(\d+\.\d+)/m.exec(head);
      if (m) return m[1]!;
    } finally {
      sys.close(fd);
    }
  } catch (err) {
    if (isProcessControl(err)) throw err;
  }
  return '9.1';
}
