/**
 * Swarm's management commands (`swarm`, `node`, `config`, `secret`)
 * as stubs: listed and documented exactly as docker/cli v28.2.2 prints them;
 * Berth runs no swarm.
 */
import type { CommandSpec } from '../command.ts';

export const config: CommandSpec = {
  path: ['config'],
  usage: '',
  short: 'Manage Swarm configs',
  args: { max: 0 },
  group: 'swarm',
  stub: true,
  flags: [],
  annotations: { version: '1.30', swarm: 'manager' },
};

export const configCreate: CommandSpec = {
  path: ['config', 'create'],
  usage: '[OPTIONS] CONFIG file|-',
  short: 'Create a config from a file or STDIN',
  stub: true,
  flags: [
    { name: 'label', short: 'l', type: 'list', usage: 'Config labels' },
    { name: 'template-driver', type: 'string', usage: 'Template driver' },
  ],
};

export const configInspect: CommandSpec = {
  path: ['config', 'inspect'],
  usage: '[OPTIONS] CONFIG [CONFIG...]',
  short: 'Display detailed information on one or more configs',
  stub: true,
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' },
  ],
};

export const configLs: CommandSpec = {
  path: ['config', 'ls'],
  aliases: [['config', 'list']],
  usage: '[OPTIONS]',
  short: 'List configs',
  stub: true,
  flags: [
    { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display IDs' },
  ],
};

export const configRm: CommandSpec = {
  path: ['config', 'rm'],
  aliases: [['config', 'remove']],
  usage: 'CONFIG [CONFIG...]',
  short: 'Remove one or more configs',
  stub: true,
  flags: [],
};

export const node: CommandSpec = {
  path: ['node'],
  usage: '',
  short: 'Manage Swarm nodes',
  args: { max: 0 },
  group: 'swarm',
  stub: true,
  flags: [],
  annotations: { version: '1.24', swarm: 'manager' },
};

export const nodeDemote: CommandSpec = {
  path: ['node', 'demote'],
  usage: 'NODE [NODE...]',
  short: 'Demote one or more nodes from manager in the swarm',
  stub: true,
  flags: [],
};

export const nodeInspect: CommandSpec = {
  path: ['node', 'inspect'],
  usage: '[OPTIONS] self|NODE [NODE...]',
  short: 'Display detailed information on one or more nodes',
  stub: true,
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' },
  ],
};

export const nodeLs: CommandSpec = {
  path: ['node', 'ls'],
  aliases: [['node', 'list']],
  usage: '[OPTIONS]',
  short: 'List nodes in the swarm',
  stub: true,
  flags: [
    { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display IDs' },
  ],
};

export const nodePromote: CommandSpec = {
  path: ['node', 'promote'],
  usage: 'NODE [NODE...]',
  short: 'Promote one or more nodes to manager in the swarm',
  stub: true,
  flags: [],
};

export const nodePs: CommandSpec = {
  path: ['node', 'ps'],
  usage: '[OPTIONS] [NODE...]',
  short: 'List tasks running on one or more nodes, defaults to current node',
  stub: true,
  flags: [
    { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: 'Pretty-print tasks using a Go template' },
    { name: 'no-resolve', type: 'bool', usage: 'Do not map IDs to Names' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display task IDs' },
  ],
};

export const nodeRm: CommandSpec = {
  path: ['node', 'rm'],
  aliases: [['node', 'remove']],
  usage: '[OPTIONS] NODE [NODE...]',
  short: 'Remove one or more nodes from the swarm',
  stub: true,
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force remove a node from the swarm' },
  ],
};

export const nodeUpdate: CommandSpec = {
  path: ['node', 'update'],
  usage: '[OPTIONS] NODE',
  short: 'Update a node',
  stub: true,
  flags: [
    { name: 'availability', type: 'string', usage: 'Availability of the node ("active", "pause", "drain")' },
    { name: 'label-add', type: 'list', usage: 'Add or update a node label ("key=value")' },
    { name: 'label-rm', type: 'list', usage: 'Remove a node label if exists' },
    { name: 'role', type: 'string', usage: 'Role of the node ("worker", "manager")' },
  ],
};

export const secret: CommandSpec = {
  path: ['secret'],
  usage: '',
  short: 'Manage Swarm secrets',
  args: { max: 0 },
  group: 'swarm',
  stub: true,
  flags: [],
  annotations: { version: '1.25', swarm: 'manager' },
};

export const secretCreate: CommandSpec = {
  path: ['secret', 'create'],
  usage: '[OPTIONS] SECRET [file|-]',
  short: 'Create a secret from a file or STDIN as content',
  stub: true,
  flags: [
    { name: 'driver', short: 'd', type: 'string', usage: 'Secret driver' },
    { name: 'label', short: 'l', type: 'list', usage: 'Secret labels' },
    { name: 'template-driver', type: 'string', usage: 'Template driver' },
  ],
};

export const secretInspect: CommandSpec = {
  path: ['secret', 'inspect'],
  usage: '[OPTIONS] SECRET [SECRET...]',
  short: 'Display detailed information on one or more secrets',
  stub: true,
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' },
  ],
};

export const secretLs: CommandSpec = {
  path: ['secret', 'ls'],
  aliases: [['secret', 'list']],
  usage: '[OPTIONS]',
  short: 'List secrets',
  stub: true,
  flags: [
    { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display IDs' },
  ],
};

export const secretRm: CommandSpec = {
  path: ['secret', 'rm'],
  aliases: [['secret', 'remove']],
  usage: 'SECRET [SECRET...]',
  short: 'Remove one or more secrets',
  stub: true,
  flags: [],
};

export const swarm: CommandSpec = {
  path: ['swarm'],
  usage: '',
  short: 'Manage Swarm',
  args: { max: 0 },
  group: 'swarm',
  stub: true,
  flags: [],
  annotations: { version: '1.24', swarm: '' },
};

export const swarmCa: CommandSpec = {
  path: ['swarm', 'ca'],
  usage: '[OPTIONS]',
  short: 'Display and rotate the root CA',
  stub: true,
  flags: [
    { name: 'ca-cert', type: 'list', varname: 'pem-file', usage: 'Path to the PEM-formatted root CA certificate to use for the new cluster' },
    { name: 'ca-key', type: 'list', varname: 'pem-file', usage: 'Path to the PEM-formatted root CA key to use for the new cluster' },
    { name: 'cert-expiry', type: 'duration', usage: 'Validity period for node certificates (ns|us|ms|s|m|h)', defaultText: '2160h0m0s' },
    { name: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the root rotation to converge' },
    { name: 'external-ca', type: 'list', varname: 'external-ca', usage: 'Specifications of one or more certificate signing endpoints' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
    { name: 'rotate', type: 'bool', usage: 'Rotate the swarm CA - if no certificate or key are provided, new ones will be generated' },
  ],
};

export const swarmInit: CommandSpec = {
  path: ['swarm', 'init'],
  usage: '[OPTIONS]',
  short: 'Initialize a swarm',
  stub: true,
  flags: [
    { name: 'advertise-addr', type: 'string', usage: 'Advertised address (format: "<ip|interface>[:port]")' },
    { name: 'autolock', type: 'bool', usage: 'Enable manager autolocking (requiring an unlock key to start a stopped manager)' },
    { name: 'availability', type: 'string', usage: 'Availability of the node ("active", "pause", "drain")', defaultText: '"active"', default: 'active' },
    { name: 'cert-expiry', type: 'duration', usage: 'Validity period for node certificates (ns|us|ms|s|m|h)', defaultText: '2160h0m0s' },
    { name: 'data-path-addr', type: 'string', usage: 'Address or interface to use for data path traffic (format: "<ip|interface>")' },
    { name: 'data-path-port', type: 'uint32', usage: 'Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.' },
    { name: 'default-addr-pool', type: 'list', varname: 'ipNetSlice', usage: 'default address pool in CIDR format', defaultText: '[]' },
    { name: 'default-addr-pool-mask-length', type: 'uint32', usage: 'default address pool subnet mask length', defaultText: '24', default: 24 },
    { name: 'dispatcher-heartbeat', type: 'duration', usage: 'Dispatcher heartbeat period (ns|us|ms|s|m|h)', defaultText: '5s' },
    { name: 'external-ca', type: 'list', varname: 'external-ca', usage: 'Specifications of one or more certificate signing endpoints' },
    { name: 'force-new-cluster', type: 'bool', usage: 'Force create a new cluster from current state' },
    { name: 'listen-addr', type: 'list', varname: 'node-addr', usage: 'Listen address (format: "<ip|interface>[:port]")', defaultText: '0.0.0.0:2377' },
    { name: 'max-snapshots', type: 'uint', usage: 'Number of additional Raft snapshots to retain' },
    { name: 'snapshot-interval', type: 'uint', usage: 'Number of log entries between Raft snapshots', defaultText: '10000', default: 10000 },
    { name: 'task-history-limit', type: 'int', usage: 'Task history retention limit', defaultText: '5', default: 5 },
  ],
};

export const swarmJoin: CommandSpec = {
  path: ['swarm', 'join'],
  usage: '[OPTIONS] HOST:PORT',
  short: 'Join a swarm as a node and/or manager',
  stub: true,
  flags: [
    { name: 'advertise-addr', type: 'string', usage: 'Advertised address (format: "<ip|interface>[:port]")' },
    { name: 'availability', type: 'string', usage: 'Availability of the node ("active", "pause", "drain")', defaultText: '"active"', default: 'active' },
    { name: 'data-path-addr', type: 'string', usage: 'Address or interface to use for data path traffic (format: "<ip|interface>")' },
    { name: 'listen-addr', type: 'list', varname: 'node-addr', usage: 'Listen address (format: "<ip|interface>[:port]")', defaultText: '0.0.0.0:2377' },
    { name: 'token', type: 'string', usage: 'Token for entry into the swarm' },
  ],
};

export const swarmJoinToken: CommandSpec = {
  path: ['swarm', 'join-token'],
  usage: '[OPTIONS] (worker|manager)',
  short: 'Manage join tokens',
  stub: true,
  flags: [
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display token' },
    { name: 'rotate', type: 'bool', usage: 'Rotate join token' },
  ],
};

export const swarmLeave: CommandSpec = {
  path: ['swarm', 'leave'],
  usage: '[OPTIONS]',
  short: 'Leave the swarm',
  stub: true,
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force this node to leave the swarm, ignoring warnings' },
  ],
};

export const swarmUnlock: CommandSpec = {
  path: ['swarm', 'unlock'],
  usage: '',
  short: 'Unlock swarm',
  stub: true,
  flags: [],
};

export const swarmUnlockKey: CommandSpec = {
  path: ['swarm', 'unlock-key'],
  usage: '[OPTIONS]',
  short: 'Manage the unlock key',
  stub: true,
  flags: [
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display token' },
    { name: 'rotate', type: 'bool', usage: 'Rotate unlock key' },
  ],
};

export const swarmUpdate: CommandSpec = {
  path: ['swarm', 'update'],
  usage: '[OPTIONS]',
  short: 'Update the swarm',
  stub: true,
  flags: [
    { name: 'autolock', type: 'bool', usage: 'Change manager autolocking setting (true|false)' },
    { name: 'cert-expiry', type: 'duration', usage: 'Validity period for node certificates (ns|us|ms|s|m|h)', defaultText: '2160h0m0s' },
    { name: 'dispatcher-heartbeat', type: 'duration', usage: 'Dispatcher heartbeat period (ns|us|ms|s|m|h)', defaultText: '5s' },
    { name: 'external-ca', type: 'list', varname: 'external-ca', usage: 'Specifications of one or more certificate signing endpoints' },
    { name: 'max-snapshots', type: 'uint', usage: 'Number of additional Raft snapshots to retain' },
    { name: 'snapshot-interval', type: 'uint', usage: 'Number of log entries between Raft snapshots', defaultText: '10000', default: 10000 },
    { name: 'task-history-limit', type: 'int', usage: 'Task history retention limit', defaultText: '5', default: 5 },
  ],
};
