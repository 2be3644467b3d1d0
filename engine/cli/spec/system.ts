/**
 * `docker system`, `docker info`, `docker events`, `docker version` and the
 * top-level `docker inspect`, from docker/cli v28.2.2 cli/command/system.
 */
import type { CommandSpec } from '../command.ts';

export const version: CommandSpec = {
  path: ['version'],
  usage: '[OPTIONS]',
  short: 'Show the Docker version information',
  args: { max: 0 },
  group: 'common',
  topOrder: 11,
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
  ],
};

export const systemInfo: CommandSpec = {
  path: ['system', 'info'],
  aliases: [['info']],
  usage: '[OPTIONS]',
  short: 'Display system-wide information',
  args: { max: 0 },
  group: 'common',
  topOrder: 12,
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
  ],
};

export const system: CommandSpec = {
  path: ['system'],
  usage: '',
  short: 'Manage Docker',
  args: { max: 0 },
  group: 'management',
  flags: [],
};

export const systemDf: CommandSpec = {
  path: ['system', 'df'],
  usage: '[OPTIONS]',
  short: 'Show docker disk usage',
  args: { max: 0 },
  flags: [
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'verbose', short: 'v', type: 'bool', usage: 'Show detailed information on space usage' },
  ],
};

export const systemEvents: CommandSpec = {
  path: ['system', 'events'],
  aliases: [['events']],
  usage: '[OPTIONS]',
  short: 'Get real time events from the server',
  args: { max: 0 },
  group: 'commands',
  flags: [
    { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'since', type: 'string', usage: 'Show all events created since timestamp' },
    { name: 'until', type: 'string', usage: 'Stream events until this timestamp' },
  ],
};

export const systemPrune: CommandSpec = {
  path: ['system', 'prune'],
  usage: '[OPTIONS]',
  short: 'Remove unused data',
  args: { max: 0 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images not just dangling ones' },
    { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "label=<key>=<value>")', annotations: { version: '1.28' } },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    { name: 'volumes', type: 'bool', usage: 'Prune anonymous volumes' },
  ],
};

export const inspect: CommandSpec = {
  path: ['inspect'],
  usage: '[OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  args: { min: 1 },
  group: 'commands',
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes if the type is container' },
    { name: 'type', type: 'string', usage: 'Only inspect objects of the given type' },
  ],
};
