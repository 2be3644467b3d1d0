/**
 * The `docker container` commands and their top-level spellings (`docker run`,
 * `docker ps`…), as docker/cli v28.2.2 declares them in cli/command/container.
 */
import type { CommandSpec } from '../command.ts';
import { containerOptions } from './container-opts.ts';

export const containerRun: CommandSpec = {
  path: ['container', 'run'],
  aliases: [['run']],
  usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  args: { min: 1 },
  interspersed: false,
  group: 'common',
  topOrder: 1,
  flags: [
    ...containerOptions,
    { name: 'detach', short: 'd', type: 'bool', usage: 'Run container in background and print container ID' },
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', defaultText: 'true', default: true, envDefault: 'DOCKER_CONTENT_TRUST' },
    { name: 'help', type: 'bool', usage: 'Print usage' },
    { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., 172.30.100.104)' },
    { name: 'ip6', type: 'string', usage: 'IPv6 address (e.g., 2001:db8::33)' },
    { name: 'name', type: 'string', usage: 'Assign a name to the container' },
    { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable', annotations: { version: '1.32' }, envDefault: 'DOCKER_DEFAULT_PLATFORM' },
    { name: 'pull', type: 'string', usage: 'Pull image before running ("always", "missing", "never")', defaultText: '"missing"', default: 'missing' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the pull output' },
    { name: 'sig-proxy', type: 'bool', usage: 'Proxy received signals to the process', defaultText: 'true', default: true },
    { name: 'use-api-socket', type: 'bool', usage: 'Bind mount Docker API socket and required auth' },
  ],
};

export const containerExec: CommandSpec = {
  path: ['container', 'exec'],
  aliases: [['exec']],
  usage: '[OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  args: { min: 2 },
  interspersed: false,
  group: 'common',
  topOrder: 2,
  flags: [
    { name: 'detach', short: 'd', type: 'bool', usage: 'Detached mode: run command in the background' },
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'env', short: 'e', type: 'list', usage: 'Set environment variables', validator: 'env', annotations: { version: '1.25' } },
    { name: 'env-file', type: 'list', usage: 'Read in a file of environment variables', annotations: { version: '1.25' } },
    { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
    { name: 'privileged', type: 'bool', usage: 'Give extended privileges to the command' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
    { name: 'user', short: 'u', type: 'string', usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
    { name: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container', annotations: { version: '1.35' } },
  ],
};

export const containerLs: CommandSpec = {
  path: ['container', 'ls'],
  aliases: [['container', 'list'], ['container', 'ps'], ['ps']],
  usage: '[OPTIONS]',
  short: 'List containers',
  args: { max: 0 },
  group: 'common',
  topOrder: 3,
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
    { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'last', short: 'n', type: 'int', usage: 'Show n last created containers (includes all states)', defaultText: '-1', default: -1 },
    { name: 'latest', short: 'l', type: 'bool', usage: 'Show the latest created container (includes all states)' },
    { name: 'no-trunc', type: 'bool', usage: 'Don\'t truncate output' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display container IDs' },
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
  ],
};

export const container: CommandSpec = {
  path: ['container'],
  usage: '',
  short: 'Manage containers',
  args: { max: 0 },
  group: 'management',
  flags: [],
};

export const containerAttach: CommandSpec = {
  path: ['container', 'attach'],
  aliases: [['attach']],
  usage: '[OPTIONS] CONTAINER',
  short: 'Attach local standard input, output, and error streams to a running container',
  args: { exact: 1 },
  group: 'commands',
  flags: [
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'no-stdin', type: 'bool', usage: 'Do not attach STDIN' },
    { name: 'sig-proxy', type: 'bool', usage: 'Proxy all received signals to the process', defaultText: 'true', default: true },
  ],
};

export const containerCommit: CommandSpec = {
  path: ['container', 'commit'],
  aliases: [['commit']],
  usage: '[OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  short: 'Create a new image from a container\'s changes',
  args: { range: [1, 2] },
  interspersed: false,
  group: 'commands',
  flags: [
    { name: 'author', short: 'a', type: 'string', usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
    { name: 'change', short: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { name: 'message', short: 'm', type: 'string', usage: 'Commit message' },
    { name: 'pause', short: 'p', type: 'bool', usage: 'Pause container during commit', defaultText: 'true', default: true },
  ],
};

export const containerCp: CommandSpec = {
  path: ['container', 'cp'],
  aliases: [['cp']],
  usage: '[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  short: 'Copy files/folders between a container and the local filesystem',
  long: 'Copy files/folders between a container and the local filesystem\n\nUse \'-\' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse \'-\' as the destination to stream a tar archive of a\ncontainer source to stdout.',
  args: { exact: 2 },
  group: 'commands',
  flags: [
    { name: 'archive', short: 'a', type: 'bool', usage: 'Archive mode (copy all uid/gid information)' },
    { name: 'follow-link', short: 'L', type: 'bool', usage: 'Always follow symbol link in SRC_PATH' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached' },
  ],
};

export const containerCreate: CommandSpec = {
  path: ['container', 'create'],
  aliases: [['create']],
  usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  args: { min: 1 },
  interspersed: false,
  group: 'commands',
  flags: [
    ...containerOptions,
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', defaultText: 'true', default: true, envDefault: 'DOCKER_CONTENT_TRUST' },
    { name: 'help', type: 'bool', usage: 'Print usage' },
    { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., 172.30.100.104)' },
    { name: 'ip6', type: 'string', usage: 'IPv6 address (e.g., 2001:db8::33)' },
    { name: 'name', type: 'string', usage: 'Assign a name to the container' },
    { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable', annotations: { version: '1.32' }, envDefault: 'DOCKER_DEFAULT_PLATFORM' },
    { name: 'pull', type: 'string', usage: 'Pull image before creating ("always", "|missing", "never")', defaultText: '"missing"', default: 'missing' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the pull output' },
    { name: 'use-api-socket', type: 'bool', usage: 'Bind mount Docker API socket and required auth' },
  ],
};

export const containerDiff: CommandSpec = {
  path: ['container', 'diff'],
  aliases: [['diff']],
  usage: 'CONTAINER',
  short: 'Inspect changes to files or directories on a container\'s filesystem',
  args: { exact: 1 },
  group: 'commands',
  flags: [],
};

export const containerExport: CommandSpec = {
  path: ['container', 'export'],
  aliases: [['export']],
  usage: '[OPTIONS] CONTAINER',
  short: 'Export a container\'s filesystem as a tar archive',
  args: { exact: 1 },
  group: 'commands',
  flags: [
    { name: 'output', short: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' },
  ],
};

export const containerInspect: CommandSpec = {
  path: ['container', 'inspect'],
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: { min: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
  ],
};

export const containerKill: CommandSpec = {
  path: ['container', 'kill'],
  aliases: [['kill']],
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  args: { min: 1 },
  group: 'commands',
  flags: [
    { name: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' },
  ],
};

export const containerLogs: CommandSpec = {
  path: ['container', 'logs'],
  aliases: [['logs']],
  usage: '[OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  args: { exact: 1 },
  group: 'commands',
  flags: [
    { name: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
    { name: 'follow', short: 'f', type: 'bool', usage: 'Follow log output' },
    { name: 'since', type: 'string', usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { name: 'tail', short: 'n', type: 'string', usage: 'Number of lines to show from the end of the logs', defaultText: '"all"', default: 'all' },
    { name: 'timestamps', short: 't', type: 'bool', usage: 'Show timestamps' },
    { name: 'until', type: 'string', usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)', annotations: { version: '1.35' } },
  ],
};

export const containerPause: CommandSpec = {
  path: ['container', 'pause'],
  aliases: [['pause']],
  usage: 'CONTAINER [CONTAINER...]',
  short: 'Pause all processes within one or more containers',
  args: { min: 1 },
  group: 'commands',
  flags: [],
};

export const containerPort: CommandSpec = {
  path: ['container', 'port'],
  aliases: [['port']],
  usage: 'CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  args: { range: [1, 2] },
  group: 'commands',
  flags: [],
};

export const containerPrune: CommandSpec = {
  path: ['container', 'prune'],
  usage: '[OPTIONS]',
  short: 'Remove all stopped containers',
  args: { max: 0 },
  flags: [
    { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
};

export const containerRename: CommandSpec = {
  path: ['container', 'rename'],
  aliases: [['rename']],
  usage: 'CONTAINER NEW_NAME',
  short: 'Rename a container',
  args: { exact: 2 },
  group: 'commands',
  flags: [],
};

export const containerRestart: CommandSpec = {
  path: ['container', 'restart'],
  aliases: [['restart']],
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  args: { min: 1 },
  group: 'commands',
  flags: [
    { name: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' },
    { name: 'timeout', short: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
    { name: 'time', type: 'int', usage: 'Seconds to wait before killing the container (deprecated: use --timeout)', hidden: true, deprecation: 'use --timeout instead', target: 'timeout' },
  ],
};

export const containerRm: CommandSpec = {
  path: ['container', 'rm'],
  aliases: [['container', 'remove'], ['rm']],
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  args: { min: 1 },
  group: 'commands',
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of a running container (uses SIGKILL)' },
    { name: 'link', short: 'l', type: 'bool', usage: 'Remove the specified link', validator: 'link' },
    { name: 'volumes', short: 'v', type: 'bool', usage: 'Remove anonymous volumes associated with the container' },
  ],
};

export const containerStart: CommandSpec = {
  path: ['container', 'start'],
  aliases: [['start']],
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  args: { min: 1 },
  group: 'commands',
  flags: [
    { name: 'attach', short: 'a', type: 'bool', usage: 'Attach STDOUT/STDERR and forward signals', validator: 'attach' },
    { name: 'checkpoint', type: 'string', usage: 'Restore from this checkpoint', annotations: { experimental: true, ostype: 'linux' } },
    { name: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory', annotations: { experimental: true, ostype: 'linux' } },
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'interactive', short: 'i', type: 'bool', usage: 'Attach container\'s STDIN' },
  ],
};

export const containerStats: CommandSpec = {
  path: ['container', 'stats'],
  aliases: [['stats']],
  usage: '[OPTIONS] [CONTAINER...]',
  short: 'Display a live stream of container(s) resource usage statistics',
  args: { min: 0 },
  group: 'commands',
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'no-stream', type: 'bool', usage: 'Disable streaming stats and only pull the first result' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
  ],
};

export const containerStop: CommandSpec = {
  path: ['container', 'stop'],
  aliases: [['stop']],
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  args: { min: 1 },
  group: 'commands',
  flags: [
    { name: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' },
    { name: 'timeout', short: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
    { name: 'time', type: 'int', usage: 'Seconds to wait before killing the container (deprecated: use --timeout)', hidden: true, deprecation: 'use --timeout instead', target: 'timeout' },
  ],
};

export const containerTop: CommandSpec = {
  path: ['container', 'top'],
  aliases: [['top']],
  usage: 'CONTAINER [ps OPTIONS]',
  short: 'Display the running processes of a container',
  args: { min: 1 },
  interspersed: false,
  group: 'commands',
  flags: [],
};

export const containerUnpause: CommandSpec = {
  path: ['container', 'unpause'],
  aliases: [['unpause']],
  usage: 'CONTAINER [CONTAINER...]',
  short: 'Unpause all processes within one or more containers',
  args: { min: 1 },
  group: 'commands',
  flags: [],
};

export const containerUpdate: CommandSpec = {
  path: ['container', 'update'],
  aliases: [['update']],
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Update configuration of one or more containers',
  args: { min: 1 },
  group: 'commands',
  flags: [
    { name: 'blkio-weight', type: 'uint16', usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)' },
    { name: 'cpu-period', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) period' },
    { name: 'cpu-quota', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) quota' },
    { name: 'cpu-rt-period', type: 'int', usage: 'Limit the CPU real-time period in microseconds', annotations: { version: '1.25' } },
    { name: 'cpu-rt-runtime', type: 'int', usage: 'Limit the CPU real-time runtime in microseconds', annotations: { version: '1.25' } },
    { name: 'cpu-shares', short: 'c', type: 'int', usage: 'CPU shares (relative weight)' },
    { name: 'cpus', type: 'decimal', usage: 'Number of CPUs', annotations: { version: '1.29' } },
    { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
    { name: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
    { name: 'memory', short: 'm', type: 'bytes', usage: 'Memory limit' },
    { name: 'memory-reservation', type: 'bytes', usage: 'Memory soft limit' },
    { name: 'memory-swap', type: 'bytes', usage: 'Swap limit equal to memory plus swap: -1 to enable unlimited swap', validator: 'memswap' },
    { name: 'pids-limit', type: 'int', usage: 'Tune container pids limit (set -1 for unlimited)', annotations: { version: '1.40' } },
    { name: 'restart', type: 'string', usage: 'Restart policy to apply when a container exits' },
    { name: 'kernel-memory', type: 'bytes', usage: 'Kernel memory limit (deprecated)', hidden: true },
  ],
};

export const containerWait: CommandSpec = {
  path: ['container', 'wait'],
  aliases: [['wait']],
  usage: 'CONTAINER [CONTAINER...]',
  short: 'Block until one or more containers stop, then print their exit codes',
  args: { min: 1 },
  group: 'commands',
  flags: [],
};
