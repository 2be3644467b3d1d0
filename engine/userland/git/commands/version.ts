/** `git version` / `git --version`. */
import type { Command } from './command.ts';

export const version: Command = {
  setup: 'none',
  async run(g) {
    await g.out.write('git version 2.45.2\n');
    return 0;
  },
};
