/**
 * The `docker image` commands and their top-level spellings (`docker images`,
 * `docker rmi`, `docker build`…), from docker/cli v28.2.2 cli/command/image.
 */
import type { CommandSpec } from '../command.ts';

export const imageBuild: CommandSpec = {
  path: ['image', 'build'],
  aliases: [['build'], ['builder', 'build']],
  usage: '[OPTIONS] PATH | URL | -',
  short: 'Build an image from a Dockerfile',
  args: { exact: 1 },
  group: 'common',
  topOrder: 4,
  flags: [
    { name: 'add-host', type: 'list', usage: 'Add a custom host-to-IP mapping ("host:ip")', validator: 'extraHost' },
    { name: 'build-arg', type: 'list', usage: 'Set build-time variables', validator: 'env' },
    { name: 'cache-from', type: 'stringSlice', usage: 'Images to consider as cache sources' },
    { name: 'cgroup-parent', type: 'string', usage: 'Set the parent cgroup for the "RUN" instructions during build' },
    { name: 'compress', type: 'bool', usage: 'Compress the build context using gzip' },
    { name: 'cpu-period', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) period' },
    { name: 'cpu-quota', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) quota' },
    { name: 'cpu-shares', short: 'c', type: 'int', usage: 'CPU shares (relative weight)' },
    { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
    { name: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', defaultText: 'true', default: true, envDefault: 'DOCKER_CONTENT_TRUST' },
    { name: 'file', short: 'f', type: 'string', usage: 'Name of the Dockerfile (Default is "PATH/Dockerfile")' },
    { name: 'force-rm', type: 'bool', usage: 'Always remove intermediate containers' },
    { name: 'iidfile', type: 'string', usage: 'Write the image ID to the file' },
    { name: 'isolation', type: 'string', usage: 'Container isolation technology' },
    { name: 'label', type: 'list', usage: 'Set metadata for an image', validator: 'label' },
    { name: 'memory', short: 'm', type: 'bytes', usage: 'Memory limit' },
    { name: 'memory-swap', type: 'bytes', usage: 'Swap limit equal to memory plus swap: -1 to enable unlimited swap', validator: 'memswap' },
    { name: 'network', type: 'string', usage: 'Set the networking mode for the RUN instructions during build', defaultText: '"default"', default: 'default', annotations: { version: '1.25' } },
    { name: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
    { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable', annotations: { version: '1.38' }, envDefault: 'DOCKER_DEFAULT_PLATFORM' },
    { name: 'pull', type: 'bool', usage: 'Always attempt to pull a newer version of the image' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the build output and print image ID on success' },
    { name: 'rm', type: 'bool', usage: 'Remove intermediate containers after a successful build', defaultText: 'true', default: true },
    { name: 'security-opt', type: 'stringSlice', usage: 'Security options' },
    { name: 'shm-size', type: 'bytes', usage: 'Size of "/dev/shm"' },
    { name: 'squash', type: 'bool', usage: 'Squash newly built layers into a single new layer', annotations: { experimental: true, version: '1.25' } },
    { name: 'tag', short: 't', type: 'list', usage: 'Name and optionally a tag in the "name:tag" format', validator: 'tag' },
    { name: 'target', type: 'string', usage: 'Set the target build stage to build.' },
    { name: 'ulimit', type: 'ulimit', usage: 'Ulimit options', defaultText: '[]' },
  ],
};

export const imagePull: CommandSpec = {
  path: ['image', 'pull'],
  aliases: [['pull']],
  usage: '[OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  args: { exact: 1 },
  group: 'common',
  topOrder: 5,
  flags: [
    { name: 'all-tags', short: 'a', type: 'bool', usage: 'Download all tagged images in the repository' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', defaultText: 'true', default: true, envDefault: 'DOCKER_CONTENT_TRUST' },
    { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable', annotations: { version: '1.32' }, envDefault: 'DOCKER_DEFAULT_PLATFORM' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
};

export const imagePush: CommandSpec = {
  path: ['image', 'push'],
  aliases: [['push']],
  usage: '[OPTIONS] NAME[:TAG]',
  short: 'Upload an image to a registry',
  args: { exact: 1 },
  group: 'common',
  topOrder: 6,
  flags: [
    { name: 'all-tags', short: 'a', type: 'bool', usage: 'Push all tags of an image to the repository' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image signing', defaultText: 'true', default: true, envDefault: 'DOCKER_CONTENT_TRUST' },
    { name: 'platform', type: 'string', usage: 'Push a platform-specific manifest as a single-platform image to the registry.\nImage index won\'t be pushed, meaning that other manifests, including attestations won\'t be preserved.\n\'os[/arch[/variant]]\': Explicit platform (eg. linux/amd64)', annotations: { version: '1.46' } },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
};

export const imageLs: CommandSpec = {
  path: ['image', 'ls'],
  aliases: [['image', 'list'], ['images']],
  usage: '[OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  args: { max: 1 },
  group: 'common',
  topOrder: 7,
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all images (default hides intermediate images)' },
    { name: 'digests', type: 'bool', usage: 'Show digests' },
    { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'no-trunc', type: 'bool', usage: 'Don\'t truncate output' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
    { name: 'tree', type: 'bool', usage: 'List multi-platform images as a tree (EXPERIMENTAL)', annotations: { version: '1.47' } },
  ],
};

export const image: CommandSpec = {
  path: ['image'],
  usage: '',
  short: 'Manage images',
  args: { max: 0 },
  group: 'management',
  flags: [],
};

export const imageHistory: CommandSpec = {
  path: ['image', 'history'],
  aliases: [['history']],
  usage: '[OPTIONS] IMAGE',
  short: 'Show the history of an image',
  args: { exact: 1 },
  group: 'commands',
  flags: [
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'human', short: 'H', type: 'bool', usage: 'Print sizes and dates in human readable format', defaultText: 'true', default: true },
    { name: 'no-trunc', type: 'bool', usage: 'Don\'t truncate output' },
    { name: 'platform', type: 'string', usage: 'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', annotations: { version: '1.48' } },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
  ],
};

export const imageImport: CommandSpec = {
  path: ['image', 'import'],
  aliases: [['import']],
  usage: '[OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
  short: 'Import the contents from a tarball to create a filesystem image',
  args: { min: 1 },
  group: 'commands',
  flags: [
    { name: 'change', short: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { name: 'message', short: 'm', type: 'string', usage: 'Set commit message for imported image' },
    { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable', annotations: { version: '1.32' }, envDefault: 'DOCKER_DEFAULT_PLATFORM' },
  ],
};

export const imageInspect: CommandSpec = {
  path: ['image', 'inspect'],
  usage: '[OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  args: { min: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { name: 'platform', type: 'string', usage: 'Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n\'os[/arch[/variant]]\': Explicit platform (eg. linux/amd64)', annotations: { version: '1.49' } },
  ],
};

export const imageLoad: CommandSpec = {
  path: ['image', 'load'],
  aliases: [['load']],
  usage: '[OPTIONS]',
  short: 'Load an image from a tar archive or STDIN',
  args: { max: 0 },
  group: 'commands',
  flags: [
    { name: 'input', short: 'i', type: 'string', usage: 'Read from tar archive file, instead of STDIN' },
    { name: 'platform', type: 'string', usage: 'Load only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', annotations: { version: '1.48' } },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the load output' },
  ],
};

export const imagePrune: CommandSpec = {
  path: ['image', 'prune'],
  usage: '[OPTIONS]',
  short: 'Remove unused images',
  args: { max: 0 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images, not just dangling ones' },
    { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
};

export const imageRm: CommandSpec = {
  path: ['image', 'rm'],
  aliases: [['image', 'remove'], ['rmi']],
  usage: '[OPTIONS] IMAGE [IMAGE...]',
  short: 'Remove one or more images',
  args: { min: 1 },
  group: 'commands',
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force removal of the image' },
    { name: 'no-prune', type: 'bool', usage: 'Do not delete untagged parents' },
    { name: 'platform', type: 'stringSlice', usage: 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', annotations: { version: '1.50' } },
  ],
};

export const imageSave: CommandSpec = {
  path: ['image', 'save'],
  aliases: [['save']],
  usage: '[OPTIONS] IMAGE [IMAGE...]',
  short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  args: { min: 1 },
  group: 'commands',
  flags: [
    { name: 'output', short: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' },
    { name: 'platform', type: 'string', usage: 'Save only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', annotations: { version: '1.48' } },
  ],
};

export const imageTag: CommandSpec = {
  path: ['image', 'tag'],
  aliases: [['tag']],
  usage: 'SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  args: { exact: 2 },
  interspersed: false,
  group: 'commands',
  flags: [],
};
