/**
 * `docker checkpoint`, `docker context` and `docker manifest` as stubs:
 * listed and documented exactly as docker/cli v28.2.2 prints them; Berth does
 * not run them.
 */
import type { CommandSpec } from '../command.ts';

export const checkpoint: CommandSpec = {
  path: ['checkpoint'],
  usage: '',
  short: 'Manage checkpoints',
  args: { max: 0 },
  group: 'management',
  stub: true,
  flags: [],
  annotations: { experimental: true, ostype: 'linux', version: '1.25' },
};

export const checkpointCreate: CommandSpec = {
  path: ['checkpoint', 'create'],
  usage: '[OPTIONS] CONTAINER CHECKPOINT',
  short: 'Create a checkpoint from a running container',
  stub: true,
  flags: [
    { name: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory' },
    { name: 'leave-running', type: 'bool', usage: 'Leave the container running after checkpoint' },
  ],
};

export const checkpointLs: CommandSpec = {
  path: ['checkpoint', 'ls'],
  aliases: [['checkpoint', 'list']],
  usage: '[OPTIONS] CONTAINER',
  short: 'List checkpoints for a container',
  stub: true,
  flags: [
    { name: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory' },
  ],
};

export const checkpointRm: CommandSpec = {
  path: ['checkpoint', 'rm'],
  aliases: [['checkpoint', 'remove']],
  usage: '[OPTIONS] CONTAINER CHECKPOINT',
  short: 'Remove a checkpoint',
  stub: true,
  flags: [
    { name: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory' },
  ],
};

export const context: CommandSpec = {
  path: ['context'],
  usage: '',
  short: 'Manage contexts',
  args: { max: 0 },
  group: 'management',
  stub: true,
  flags: [],
};

export const contextCreate: CommandSpec = {
  path: ['context', 'create'],
  usage: '[OPTIONS] CONTEXT',
  short: 'Create a context',
  long: 'Create a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context\'s Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context create my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"',
  stub: true,
  flags: [
    { name: 'description', type: 'string', usage: 'Description of the context' },
    { name: 'docker', type: 'list', varname: 'stringToString', usage: 'set the docker endpoint', defaultText: '[]' },
    { name: 'from', type: 'string', usage: 'create context from a named context' },
  ],
};

export const contextExport: CommandSpec = {
  path: ['context', 'export'],
  usage: '[OPTIONS] CONTEXT [FILE|-]',
  short: 'Export a context to a tar archive FILE or a tar stream on STDOUT.',
  stub: true,
  flags: [],
};

export const contextImport: CommandSpec = {
  path: ['context', 'import'],
  usage: 'CONTEXT FILE|-',
  short: 'Import a context from a tar or zip file',
  stub: true,
  flags: [],
};

export const contextInspect: CommandSpec = {
  path: ['context', 'inspect'],
  usage: '[OPTIONS] [CONTEXT] [CONTEXT...]',
  short: 'Display detailed information on one or more contexts',
  stub: true,
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
  ],
};

export const contextLs: CommandSpec = {
  path: ['context', 'ls'],
  aliases: [['context', 'list']],
  usage: '[OPTIONS]',
  short: 'List contexts',
  stub: true,
  flags: [
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show context names' },
  ],
};

export const contextRm: CommandSpec = {
  path: ['context', 'rm'],
  aliases: [['context', 'remove']],
  usage: 'CONTEXT [CONTEXT...]',
  short: 'Remove one or more contexts',
  stub: true,
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of a context in use' },
  ],
};

export const contextShow: CommandSpec = {
  path: ['context', 'show'],
  usage: '',
  short: 'Print the name of the current context',
  stub: true,
  flags: [],
};

export const contextUpdate: CommandSpec = {
  path: ['context', 'update'],
  usage: '[OPTIONS] CONTEXT',
  short: 'Update a context',
  long: 'Update a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context\'s Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context update my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"',
  stub: true,
  flags: [
    { name: 'description', type: 'string', usage: 'Description of the context' },
    { name: 'docker', type: 'list', varname: 'stringToString', usage: 'set the docker endpoint', defaultText: '[]' },
  ],
};

export const contextUse: CommandSpec = {
  path: ['context', 'use'],
  usage: 'CONTEXT',
  short: 'Set the current docker context',
  stub: true,
  flags: [],
};

export const manifest: CommandSpec = {
  path: ['manifest'],
  usage: 'COMMAND',
  short: 'Manage Docker image manifests and manifest lists',
  long: 'The **docker manifest** command has subcommands for managing image manifests and\nmanifest lists. A manifest list allows you to use one name to refer to the same image\nbuilt for multiple architectures.\n\nTo see help for a subcommand, use:\n\n    docker manifest CMD --help\n\nFor full details on using docker manifest lists, see the registry v2 specification.',
  args: { max: 0 },
  group: 'management',
  stub: true,
  flags: [],
  annotations: { experimentalCLI: true },
};

export const manifestAnnotate: CommandSpec = {
  path: ['manifest', 'annotate'],
  usage: '[OPTIONS] MANIFEST_LIST MANIFEST',
  short: 'Add additional information to a local image manifest',
  stub: true,
  flags: [
    { name: 'arch', type: 'string', usage: 'Set architecture' },
    { name: 'os', type: 'string', usage: 'Set operating system' },
    { name: 'os-features', type: 'stringSlice', usage: 'Set operating system feature' },
    { name: 'os-version', type: 'string', usage: 'Set operating system version' },
    { name: 'variant', type: 'string', usage: 'Set architecture variant' },
  ],
  annotations: { experimentalCLI: true },
};

export const manifestCreate: CommandSpec = {
  path: ['manifest', 'create'],
  usage: 'MANIFEST_LIST MANIFEST [MANIFEST...]',
  short: 'Create a local manifest list for annotating and pushing to a registry',
  stub: true,
  flags: [
    { name: 'amend', short: 'a', type: 'bool', usage: 'Amend an existing manifest list' },
    { name: 'insecure', type: 'bool', usage: 'Allow communication with an insecure registry' },
  ],
  annotations: { experimentalCLI: true },
};

export const manifestInspect: CommandSpec = {
  path: ['manifest', 'inspect'],
  usage: '[OPTIONS] [MANIFEST_LIST] MANIFEST',
  short: 'Display an image manifest, or manifest list',
  stub: true,
  flags: [
    { name: 'insecure', type: 'bool', usage: 'Allow communication with an insecure registry' },
    { name: 'verbose', short: 'v', type: 'bool', usage: 'Output additional info including layers and platform' },
  ],
  annotations: { experimentalCLI: true },
};

export const manifestPush: CommandSpec = {
  path: ['manifest', 'push'],
  usage: '[OPTIONS] MANIFEST_LIST',
  short: 'Push a manifest list to a repository',
  stub: true,
  flags: [
    { name: 'insecure', type: 'bool', usage: 'Allow push to an insecure registry' },
    { name: 'purge', short: 'p', type: 'bool', usage: 'Remove the local manifest list after push' },
  ],
  annotations: { experimentalCLI: true },
};

export const manifestRm: CommandSpec = {
  path: ['manifest', 'rm'],
  usage: 'MANIFEST_LIST [MANIFEST_LIST...]',
  short: 'Delete one or more manifest lists from local storage',
  stub: true,
  flags: [],
  annotations: { experimentalCLI: true },
};
