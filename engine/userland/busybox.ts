/**
 * /bin/busybox: one program, many applets. The applet is the last part of
 * argv[0] (so /bin/ls → busybox runs ls), or the first argument when called
 * as busybox itself: `busybox ls -l`.
 */
import type { Program } from '../kernel/sys.ts';
import { applets } from './applets/index.ts';
import { BUSYBOX_BANNER } from './lib/applet.ts';

const HELP = `${BUSYBOX_BANNER}
BusyBox is copyrighted by many authors between 1998-2015.
Licensed under GPLv2. See source distribution for detailed
copyright notices.

Usage: busybox [function [arguments]...]
   or: busybox --list[-full]
   or: busybox --show SCRIPT
   or: busybox --install [-s] [DIR]
   or: function [arguments]...

\tBusyBox is a multi-call binary that combines many common Unix
\tutilities into a single executable.  Most people will create a
\tlink to busybox for each function they wish to use and BusyBox
\twill act like whatever it was invoked as.

Currently defined functions:
`;

function wrapList(names: string[]): string {
  const lines: string[] = [];
  let line = '\t';
  for (const n of names) {
    const piece = n + ', ';
    if (line.length + piece.length > 78) {
      lines.push(line.trimEnd());
      line = '\t';
    }
    line += piece;
  }
  lines.push(line.replace(/, $/, ''));
  return lines.join('\n');
}

export const busybox: Program = async (sys) => {
  // A login shell is started as "-sh": the dash is not part of the name.
  let name = (sys.argv[0] ?? '').split('/').pop()?.replace(/^-/, '') ?? '';
  let argv = [...sys.argv];
  if (name === 'busybox') {
    const first = argv[1];
    if (first === undefined || first === '--help') {
      await sys.write(1, HELP + wrapList(Object.keys(applets).sort()) + '\n');
      return 0;
    }
    if (first === '--list') {
      await sys.write(1, Object.keys(applets).sort().join('\n') + '\n');
      return 0;
    }
    argv = argv.slice(1);
    name = first.split('/').pop() ?? '';
  }
  const loader = applets[name];
  if (!loader) {
    await sys.write(2, `${name}: applet not found\n`);
    return 127;
  }
  const program = await loader();
  // The applet sees its own argv: the same system calls, with argv shifted.
  return program(Object.create(sys, { argv: { value: argv } }) as typeof sys);
};
