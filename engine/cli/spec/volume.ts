/**
 * `docker volume`, from docker/cli v28.2.2 cli/command/volume.
 */
import type { CommandSpec } from '../command.ts';

export const volume: CommandSpec = {
  path: ['volume'],
  usage: 'COMMAND',
  short: 'Manage volumes',
  args: { max: 0 },
  group: 'management',
  flags: [],
  annotations: { version: '1.21' },
};

export const volumeCreate: CommandSpec = {
  path: ['volume', 'create'],
  usage: '[OPTIONS] [VOLUME]',
  short: 'Create a volume',
  args: { max: 1 },
  flags: [
    { name: 'availability', type: 'string', usage: 'Cluster Volume availability ("active", "pause", "drain")', defaultText: '"active"', default: 'active', annotations: { version: '1.42', swarm: 'manager' } },
    { name: 'driver', short: 'd', type: 'string', usage: 'Specify volume driver name', defaultText: '"local"', default: 'local' },
    { name: 'group', type: 'string', usage: 'Cluster Volume group (cluster volumes)', annotations: { version: '1.42', swarm: 'manager' } },
    { name: 'label', type: 'list', usage: 'Set metadata for a volume', validator: 'label' },
    { name: 'limit-bytes', type: 'bytes', usage: 'Minimum size of the Cluster Volume in bytes', annotations: { version: '1.42', swarm: 'manager' } },
    { name: 'opt', short: 'o', type: 'map', usage: 'Set driver specific options', defaultText: 'map[]' },
    { name: 'required-bytes', type: 'bytes', usage: 'Maximum size of the Cluster Volume in bytes', annotations: { version: '1.42', swarm: 'manager' } },
    { name: 'scope', type: 'string', usage: 'Cluster Volume access scope ("single", "multi")', defaultText: '"single"', default: 'single', annotations: { version: '1.42', swarm: 'manager' } },
    { name: 'secret', type: 'map', usage: 'Cluster Volume secrets', defaultText: 'map[]', annotations: { version: '1.42', swarm: 'manager' } },
    { name: 'sharing', type: 'string', usage: 'Cluster Volume access sharing ("none", "readonly", "onewriter", "all")', defaultText: '"none"', default: 'none', annotations: { version: '1.42', swarm: 'manager' } },
    { name: 'topology-preferred', type: 'list', usage: 'A topology that the Cluster Volume would be preferred in', annotations: { version: '1.42', swarm: 'manager' } },
    { name: 'topology-required', type: 'list', usage: 'A topology that the Cluster Volume must be accessible from', annotations: { version: '1.42', swarm: 'manager' } },
    { name: 'type', type: 'string', usage: 'Cluster Volume access type ("mount", "block")', defaultText: '"block"', default: 'block', annotations: { version: '1.42', swarm: 'manager' } },
    { name: 'name', type: 'string', usage: 'Specify volume name', hidden: true },
  ],
};

export const volumeInspect: CommandSpec = {
  path: ['volume', 'inspect'],
  usage: '[OPTIONS] VOLUME [VOLUME...]',
  short: 'Display detailed information on one or more volumes',
  args: { min: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
  ],
};

export const volumeLs: CommandSpec = {
  path: ['volume', 'ls'],
  aliases: [['volume', 'list']],
  usage: '[OPTIONS]',
  short: 'List volumes',
  args: { max: 0 },
  flags: [
    { name: 'cluster', type: 'bool', usage: 'Display only cluster volumes, and use cluster volume list formatting', annotations: { version: '1.42', swarm: 'manager' } },
    { name: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. "dangling=true")' },
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display volume names' },
  ],
};

export const volumePrune: CommandSpec = {
  path: ['volume', 'prune'],
  usage: '[OPTIONS]',
  short: 'Remove unused local volumes',
  args: { max: 0 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused volumes, not just anonymous ones', annotations: { version: '1.42' } },
    { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "label=<label>")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
};

export const volumeRm: CommandSpec = {
  path: ['volume', 'rm'],
  aliases: [['volume', 'remove']],
  usage: '[OPTIONS] VOLUME [VOLUME...]',
  short: 'Remove one or more volumes',
  long: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
  args: { min: 1 },
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of one or more volumes', annotations: { version: '1.25' } },
  ],
};

export const volumeUpdate: CommandSpec = {
  path: ['volume', 'update'],
  usage: '[OPTIONS] [VOLUME]',
  short: 'Update a volume (cluster volumes only)',
  args: { exact: 1 },
  flags: [
    { name: 'availability', type: 'string', usage: 'Cluster Volume availability ("active", "pause", "drain")', defaultText: '"active"', default: 'active', annotations: { version: '1.42', swarm: 'manager' } },
  ],
  annotations: { version: '1.42', swarm: 'manager' },
};
