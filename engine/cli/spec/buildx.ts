/**
 * `docker buildx build`, from docker/buildx v0.24.0 (the plugin docker 28.2
 * ships with): what `docker build` runs when BuildKit is on, which is the
 * default when the plugin is installed. docker/cli rewrites `docker build`,
 * `docker image build` and `docker builder build` to it (cmd/docker/builder.go).
 *
 * The `buildx` command itself is hidden from `docker --help` here: Berth
 * implements its `build` and `prune` (what `docker builder prune` runs).
 */
import type { CommandSpec } from '../command.ts';

export const buildx: CommandSpec = {
  path: ['buildx'],
  usage: '',
  short: 'Docker Buildx',
  args: { max: 0 },
  group: 'management',
  hidden: true,
  flags: [
    { name: 'builder', type: 'string', usage: 'Override the configured builder instance', defaultText: '"default"', default: 'default' },
    { name: 'debug', short: 'D', type: 'bool', usage: 'Enable debug logging' },
  ],
};

export const buildxBuild: CommandSpec = {
  path: ['buildx', 'build'],
  aliases: [['buildx', 'b']],
  usage: '[OPTIONS] PATH | URL | -',
  short: 'Start a build',
  args: { exact: 1 },
  flags: [
    { name: 'add-host', type: 'stringSlice', usage: 'Add a custom host-to-IP mapping (format: "host:ip")' },
    { name: 'allow', type: 'stringArray', usage: 'Allow extra privileged entitlement (e.g., "network.host", "security.insecure")' },
    { name: 'annotation', type: 'stringArray', usage: 'Add annotation to the image' },
    { name: 'attest', type: 'stringArray', usage: 'Attestation parameters (format: "type=sbom,generator=image")' },
    { name: 'build-arg', type: 'stringArray', usage: 'Set build-time variables' },
    { name: 'build-context', type: 'stringArray', usage: 'Additional build contexts (e.g., name=path)' },
    { name: 'builder', type: 'string', usage: 'Override the configured builder instance', defaultText: '"default"', default: 'default' },
    { name: 'cache-from', type: 'stringArray', usage: 'External cache sources (e.g., "user/app:cache", "type=local,src=path/to/dir")' },
    { name: 'cache-to', type: 'stringArray', usage: 'Cache export destinations (e.g., "user/app:cache", "type=local,dest=path/to/dir")' },
    { name: 'call', type: 'string', usage: 'Set method for evaluating build ("check", "outline", "targets")', defaultText: '"build"', default: 'build' },
    { name: 'cgroup-parent', type: 'string', usage: 'Set the parent cgroup for the "RUN" instructions during build' },
    { name: 'check', type: 'bool', usage: 'Shorthand for "--call=check"', defaultText: '' },
    { name: 'debug', short: 'D', type: 'bool', usage: 'Enable debug logging' },
    { name: 'file', short: 'f', type: 'string', usage: 'Name of the Dockerfile (default: "PATH/Dockerfile")' },
    { name: 'iidfile', type: 'string', usage: 'Write the image ID to a file' },
    { name: 'label', type: 'stringArray', usage: 'Set metadata for an image' },
    { name: 'load', type: 'bool', usage: 'Shorthand for "--output=type=docker"' },
    { name: 'metadata-file', type: 'string', usage: 'Write build result metadata to a file' },
    { name: 'network', type: 'string', usage: 'Set the networking mode for the "RUN" instructions during build', defaultText: '"default"', default: 'default' },
    { name: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
    { name: 'no-cache-filter', type: 'stringArray', usage: 'Do not cache specified stages' },
    { name: 'output', short: 'o', type: 'stringArray', usage: 'Output destination (format: "type=local,dest=path")' },
    { name: 'platform', type: 'stringArray', usage: 'Set target platform for build' },
    { name: 'progress', type: 'string', usage: 'Set type of progress output ("auto", "quiet", "plain", "tty", "rawjson"). Use plain to show container output', defaultText: '"auto"', default: 'auto' },
    { name: 'provenance', type: 'string', usage: 'Shorthand for "--attest=type=provenance"' },
    { name: 'pull', type: 'bool', usage: 'Always attempt to pull all referenced images' },
    { name: 'push', type: 'bool', usage: 'Shorthand for "--output=type=registry"' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the build output and print image ID on success' },
    { name: 'sbom', type: 'string', usage: 'Shorthand for "--attest=type=sbom"' },
    { name: 'secret', type: 'stringArray', usage: 'Secret to expose to the build (format: "id=mysecret[,src=/local/secret]")' },
    { name: 'shm-size', type: 'bytes', usage: 'Shared memory size for build containers' },
    { name: 'ssh', type: 'stringArray', usage: 'SSH agent socket or keys to expose to the build (format: "default|<id>[=<socket>|<key>[,<key>]]")' },
    { name: 'tag', short: 't', type: 'stringArray', usage: 'Name and optionally a tag (format: "name:tag")' },
    { name: 'target', type: 'string', usage: 'Set the target build stage to build' },
    { name: 'ulimit', type: 'ulimit', usage: 'Ulimit options', defaultText: '[]' },
    // Accepted for the legacy builder's command lines, and ignored (buildx marks them hidden).
    { name: 'compress', type: 'bool', usage: 'Compress the build context using gzip', hidden: true },
    { name: 'isolation', type: 'string', usage: 'Container isolation technology', hidden: true },
    { name: 'security-opt', type: 'stringSlice', usage: 'Security options', hidden: true },
    { name: 'squash', type: 'bool', usage: 'Squash newly built layers into a single new layer', hidden: true },
    { name: 'memory', short: 'm', type: 'string', usage: 'Memory limit', hidden: true },
    { name: 'memory-swap', type: 'string', usage: 'Swap limit equal to memory plus swap: "-1" to enable unlimited swap', hidden: true },
    { name: 'cpu-shares', short: 'c', type: 'int', usage: 'CPU shares (relative weight)', hidden: true },
    { name: 'cpu-period', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) period', hidden: true },
    { name: 'cpu-quota', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) quota', hidden: true },
    { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution ("0-3", "0,1")', hidden: true },
    { name: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution ("0-3", "0,1")', hidden: true },
    { name: 'rm', type: 'bool', usage: 'Remove intermediate containers after a successful build', defaultText: 'true', default: true, hidden: true },
    { name: 'force-rm', type: 'bool', usage: 'Always remove intermediate containers', hidden: true },
  ],
};

export const buildxPrune: CommandSpec = {
  path: ['buildx', 'prune'],
  usage: '',
  short: 'Remove build cache',
  args: { max: 0 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Include internal/frontend images' },
    { name: 'builder', type: 'string', usage: 'Override the configured builder instance', defaultText: '"default"', default: 'default' },
    { name: 'debug', short: 'D', type: 'bool', usage: 'Enable debug logging' },
    { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g., "until=24h")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    { name: 'max-used-space', type: 'bytes', usage: 'Maximum amount of disk space allowed to keep for cache' },
    { name: 'min-free-space', type: 'bytes', usage: 'Target amount of free disk space after pruning' },
    { name: 'reserved-space', type: 'bytes', usage: 'Amount of disk space always allowed to keep for cache' },
    { name: 'verbose', type: 'bool', usage: 'Provide a more verbose output' },
    { name: 'keep-storage', type: 'bytes', usage: 'Amount of disk space to keep for cache', target: 'reserved-space', deprecation: 'keep-storage flag has been changed to max-storage' },
  ],
};
