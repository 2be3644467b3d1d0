/**
 * `docker network`, from docker/cli v28.2.2 cli/command/network.
 */
import type { CommandSpec } from '../command.ts';

export const network: CommandSpec = {
  path: ['network'],
  usage: '',
  short: 'Manage networks',
  args: { max: 0 },
  group: 'management',
  flags: [],
  annotations: { version: '1.21' },
};

export const networkConnect: CommandSpec = {
  path: ['network', 'connect'],
  usage: '[OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  args: { exact: 2 },
  flags: [
    { name: 'alias', type: 'stringSlice', usage: 'Add network-scoped alias for the container' },
    { name: 'driver-opt', type: 'stringSlice', usage: 'driver options for the network' },
    { name: 'gw-priority', type: 'int', usage: 'Highest gw-priority provides the default gateway. Accepts positive and negative values.' },
    { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., "172.30.100.104")' },
    { name: 'ip6', type: 'string', usage: 'IPv6 address (e.g., "2001:db8::33")' },
    { name: 'link', type: 'list', usage: 'Add link to another container', validator: 'link' },
    { name: 'link-local-ip', type: 'stringSlice', usage: 'Add a link-local address for the container' },
  ],
};

export const networkCreate: CommandSpec = {
  path: ['network', 'create'],
  usage: '[OPTIONS] NETWORK',
  short: 'Create a network',
  args: { exact: 1 },
  flags: [
    { name: 'attachable', type: 'bool', usage: 'Enable manual container attachment', annotations: { version: '1.25' } },
    { name: 'aux-address', type: 'map', usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver', defaultText: 'map[]' },
    { name: 'config-from', type: 'string', usage: 'The network from which to copy the configuration', annotations: { version: '1.30' } },
    { name: 'config-only', type: 'bool', usage: 'Create a configuration only network', annotations: { version: '1.30' } },
    { name: 'driver', short: 'd', type: 'string', usage: 'Driver to manage the Network', defaultText: '"bridge"', default: 'bridge' },
    { name: 'gateway', type: 'stringSlice', usage: 'IPv4 or IPv6 Gateway for the master subnet' },
    { name: 'ingress', type: 'bool', usage: 'Create swarm routing-mesh network', annotations: { version: '1.29' } },
    { name: 'internal', type: 'bool', usage: 'Restrict external access to the network' },
    { name: 'ip-range', type: 'stringSlice', usage: 'Allocate container ip from a sub-range' },
    { name: 'ipam-driver', type: 'string', usage: 'IP Address Management Driver', defaultText: '"default"', default: 'default' },
    { name: 'ipam-opt', type: 'map', usage: 'Set IPAM driver specific options', defaultText: 'map[]' },
    { name: 'ipv4', type: 'bool', usage: 'Enable or disable IPv4 address assignment', defaultText: 'true', default: true },
    { name: 'ipv6', type: 'bool', usage: 'Enable or disable IPv6 address assignment' },
    { name: 'label', type: 'list', usage: 'Set metadata on a network', validator: 'label' },
    { name: 'opt', short: 'o', type: 'map', usage: 'Set driver specific options', defaultText: 'map[]' },
    { name: 'scope', type: 'string', usage: 'Control the network\'s scope', annotations: { version: '1.30' } },
    { name: 'subnet', type: 'stringSlice', usage: 'Subnet in CIDR format that represents a network segment' },
  ],
};

export const networkDisconnect: CommandSpec = {
  path: ['network', 'disconnect'],
  usage: '[OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  args: { exact: 2 },
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force the container to disconnect from a network' },
  ],
};

export const networkInspect: CommandSpec = {
  path: ['network', 'inspect'],
  usage: '[OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  args: { min: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'verbose', short: 'v', type: 'bool', usage: 'Verbose output for diagnostics' },
  ],
};

export const networkLs: CommandSpec = {
  path: ['network', 'ls'],
  aliases: [['network', 'list']],
  usage: '[OPTIONS]',
  short: 'List networks',
  args: { max: 0 },
  flags: [
    { name: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. "driver=bridge")' },
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate the output' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display network IDs' },
  ],
};

export const networkPrune: CommandSpec = {
  path: ['network', 'prune'],
  usage: '[OPTIONS]',
  short: 'Remove all unused networks',
  args: { max: 0 },
  flags: [
    { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  annotations: { version: '1.25' },
};

export const networkRm: CommandSpec = {
  path: ['network', 'rm'],
  aliases: [['network', 'remove']],
  usage: 'NETWORK [NETWORK...]',
  short: 'Remove one or more networks',
  args: { min: 1 },
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not error if the network does not exist' },
  ],
};
