/**
 * `docker plugin` and `docker trust` as stubs: listed and documented exactly as
 * docker/cli v28.2.2 prints them; Berth does not run them.
 */
import type { CommandSpec } from '../command.ts';

export const plugin: CommandSpec = {
  path: ['plugin'],
  usage: '',
  short: 'Manage plugins',
  args: { max: 0 },
  group: 'management',
  stub: true,
  flags: [],
  annotations: { version: '1.25' },
};

export const pluginCreate: CommandSpec = {
  path: ['plugin', 'create'],
  usage: '[OPTIONS] PLUGIN PLUGIN-DATA-DIR',
  short: 'Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.',
  stub: true,
  flags: [
    { name: 'compress', type: 'bool', usage: 'Compress the context using gzip' },
  ],
};

export const pluginDisable: CommandSpec = {
  path: ['plugin', 'disable'],
  usage: '[OPTIONS] PLUGIN',
  short: 'Disable a plugin',
  stub: true,
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force the disable of an active plugin' },
  ],
};

export const pluginEnable: CommandSpec = {
  path: ['plugin', 'enable'],
  usage: '[OPTIONS] PLUGIN',
  short: 'Enable a plugin',
  stub: true,
  flags: [
    { name: 'timeout', type: 'int', usage: 'HTTP client timeout (in seconds)', defaultText: '30', default: 30 },
  ],
};

export const pluginInspect: CommandSpec = {
  path: ['plugin', 'inspect'],
  usage: '[OPTIONS] PLUGIN [PLUGIN...]',
  short: 'Display detailed information on one or more plugins',
  stub: true,
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
  ],
};

export const pluginInstall: CommandSpec = {
  path: ['plugin', 'install'],
  usage: '[OPTIONS] PLUGIN [KEY=VALUE...]',
  short: 'Install a plugin',
  stub: true,
  flags: [
    { name: 'alias', type: 'string', usage: 'Local name for plugin' },
    { name: 'disable', type: 'bool', usage: 'Do not enable the plugin on install' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', defaultText: 'true', default: true },
    { name: 'grant-all-permissions', type: 'bool', usage: 'Grant all permissions necessary to run the plugin' },
  ],
};

export const pluginLs: CommandSpec = {
  path: ['plugin', 'ls'],
  aliases: [['plugin', 'list']],
  usage: '[OPTIONS]',
  short: 'List plugins',
  stub: true,
  flags: [
    { name: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. "enabled=true")' },
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'no-trunc', type: 'bool', usage: 'Don\'t truncate output' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display plugin IDs' },
  ],
};

export const pluginPush: CommandSpec = {
  path: ['plugin', 'push'],
  usage: '[OPTIONS] PLUGIN[:TAG]',
  short: 'Push a plugin to a registry',
  stub: true,
  flags: [
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image signing', defaultText: 'true', default: true },
  ],
};

export const pluginRm: CommandSpec = {
  path: ['plugin', 'rm'],
  aliases: [['plugin', 'remove']],
  usage: '[OPTIONS] PLUGIN [PLUGIN...]',
  short: 'Remove one or more plugins',
  stub: true,
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of an active plugin' },
  ],
};

export const pluginSet: CommandSpec = {
  path: ['plugin', 'set'],
  usage: 'PLUGIN KEY=VALUE [KEY=VALUE...]',
  short: 'Change settings for a plugin',
  stub: true,
  flags: [],
};

export const pluginUpgrade: CommandSpec = {
  path: ['plugin', 'upgrade'],
  usage: '[OPTIONS] PLUGIN [REMOTE]',
  short: 'Upgrade an existing plugin',
  stub: true,
  flags: [
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', defaultText: 'true', default: true },
    { name: 'grant-all-permissions', type: 'bool', usage: 'Grant all permissions necessary to run the plugin' },
    { name: 'skip-remote-check', type: 'bool', usage: 'Do not check if specified remote plugin matches existing plugin image' },
  ],
};

export const trust: CommandSpec = {
  path: ['trust'],
  usage: '',
  short: 'Manage trust on Docker images',
  args: { max: 0 },
  group: 'management',
  stub: true,
  flags: [],
};

export const trustInspect: CommandSpec = {
  path: ['trust', 'inspect'],
  usage: 'IMAGE[:TAG] [IMAGE[:TAG]...]',
  short: 'Return low-level information about keys and signatures',
  stub: true,
  flags: [
    { name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' },
  ],
};

export const trustRevoke: CommandSpec = {
  path: ['trust', 'revoke'],
  usage: '[OPTIONS] IMAGE[:TAG]',
  short: 'Remove trust for an image',
  stub: true,
  flags: [
    { name: 'yes', short: 'y', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
};

export const trustSign: CommandSpec = {
  path: ['trust', 'sign'],
  usage: 'IMAGE:TAG',
  short: 'Sign an image',
  stub: true,
  flags: [
    { name: 'local', type: 'bool', usage: 'Sign a locally tagged image' },
  ],
};

export const trustKey: CommandSpec = {
  path: ['trust', 'key'],
  usage: '',
  short: 'Manage keys for signing Docker images',
  args: { max: 0 },
  stub: true,
  flags: [],
};

export const trustKeyGenerate: CommandSpec = {
  path: ['trust', 'key', 'generate'],
  usage: 'NAME',
  short: 'Generate and load a signing key-pair',
  stub: true,
  flags: [
    { name: 'dir', type: 'string', usage: 'Directory to generate key in, defaults to current directory' },
  ],
};

export const trustKeyLoad: CommandSpec = {
  path: ['trust', 'key', 'load'],
  usage: '[OPTIONS] KEYFILE',
  short: 'Load a private key file for signing',
  stub: true,
  flags: [
    { name: 'name', type: 'string', usage: 'Name for the loaded key', defaultText: '"signer"', default: 'signer' },
  ],
};

export const trustSigner: CommandSpec = {
  path: ['trust', 'signer'],
  usage: '',
  short: 'Manage entities who can sign Docker images',
  args: { max: 0 },
  stub: true,
  flags: [],
};

export const trustSignerAdd: CommandSpec = {
  path: ['trust', 'signer', 'add'],
  usage: 'OPTIONS NAME REPOSITORY [REPOSITORY...] ',
  short: 'Add a signer',
  stub: true,
  flags: [
    { name: 'key', type: 'list', usage: 'Path to the signer\'s public key file' },
  ],
};

export const trustSignerRemove: CommandSpec = {
  path: ['trust', 'signer', 'remove'],
  usage: '[OPTIONS] NAME REPOSITORY [REPOSITORY...]',
  short: 'Remove a signer',
  stub: true,
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation before removing the most recent signer' },
  ],
};
