/**
 * `docker builder` without the buildx plugin: the classic builder's `build`
 * (in image.ts) and `prune`, from docker/cli v28.2.2 cli/command/builder.
 */
import type { CommandSpec } from '../command.ts';

export const builder: CommandSpec = {
  path: ['builder'],
  usage: '',
  short: 'Manage builds',
  args: { max: 0 },
  group: 'management',
  flags: [],
  annotations: { version: '1.31' },
};

export const builderPrune: CommandSpec = {
  path: ['builder', 'prune'],
  usage: '',
  short: 'Remove build cache',
  args: { max: 0 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused build cache, not just dangling ones' },
    { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=24h")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    { name: 'keep-storage', type: 'bytes', usage: 'Amount of disk space to keep for cache' },
  ],
};
