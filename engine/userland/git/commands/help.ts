/**
 * `git help` and `git --help`. Real git opens the manual page for a command;
 * Berth has no manual pages, so it prints the command's usage instead.
 */
import { GIT_USAGE, USAGE } from '../usage.ts';
import type { Command } from './command.ts';

export const help: Command = {
  setup: 'none',
  async run(g, args) {
    const name = args.find((a) => !a.startsWith('-'));
    if (name === undefined) {
      await g.out.write(GIT_USAGE);
      return 0;
    }
    const usage = (USAGE as Record<string, string | undefined>)[name];
    if (usage === undefined) return g.die(`no manual entry for git-${name} in Berth`, 1);
    await g.out.write(usage);
    return 0;
  },
};
