/**
 * The `docker` command itself: its global options (cli/flags/options.go in
 * docker/cli v28.2.2), the `help` command cobra adds, the hidden `bake` stub,
 * and the `--help` flag every command inherits.
 */
import type { CommandSpec, FlagSpec } from '../command.ts';

export const CLI_VERSION = '28.2.2';
export const CLI_GIT_COMMIT = 'e6534b4';

/** The line `docker -v` prints. */
export const VERSION_LINE = `Docker version ${CLI_VERSION}, build ${CLI_GIT_COMMIT}\n`;

/** Printed under the root help (the root command's `additionalHelp` annotation). */
export const ADDITIONAL_HELP = 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/';

/**
 * The global options. Their defaults name the client's configuration
 * directory: $DOCKER_CONFIG, else $HOME/.docker.
 */
export function globalFlags(configDir: string): FlagSpec[] {
  const path = (file: string) => JSON.stringify(`${configDir}/${file}`);
  return [
    { name: 'config', type: 'string', usage: 'Location of client config files', defaultText: JSON.stringify(configDir), default: configDir },
    { name: 'context', short: 'c', type: 'string', usage: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")' },
    { name: 'debug', short: 'D', type: 'bool', usage: 'Enable debug mode' },
    { name: 'host', short: 'H', type: 'list', usage: 'Daemon socket to connect to' },
    { name: 'log-level', short: 'l', type: 'string', usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")', defaultText: '"info"', default: 'info' },
    { name: 'tls', type: 'bool', usage: 'Use TLS; implied by --tlsverify' },
    { name: 'tlscacert', type: 'string', usage: 'Trust certs signed only by this CA', defaultText: path('ca.pem'), default: `${configDir}/ca.pem` },
    { name: 'tlscert', type: 'string', usage: 'Path to TLS certificate file', defaultText: path('cert.pem'), default: `${configDir}/cert.pem` },
    { name: 'tlskey', type: 'string', usage: 'Path to TLS key file', defaultText: path('key.pem'), default: `${configDir}/key.pem` },
    { name: 'tlsverify', type: 'bool', usage: 'Use TLS and verify the remote' },
    { name: 'version', short: 'v', type: 'bool', usage: 'Print version information and quit' },
  ];
}

/** Where the client keeps its configuration, as docker/cli's config.Dir() finds it. */
export function configDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.DOCKER_CONFIG) return env.DOCKER_CONFIG;
  return `${env.HOME ?? '/root'}/.docker`;
}

/** `docker` with no command. Its flags are `globalFlags(configDir)`. */
export const root: CommandSpec = {
  path: [],
  usage: '[OPTIONS] COMMAND [ARG...]',
  short: 'A self-sufficient runtime for containers',
  flags: [],
};

/**
 * The `--help` flag the root declares persistent, so every command has it:
 * hidden, and `-h` still works but prints a deprecation notice.
 */
export const HELP_FLAG: FlagSpec = { name: 'help', short: 'h', type: 'bool', usage: 'Print usage', hidden: true };
export const HELP_SHORTHAND_DEPRECATION = 'use --help';

/** cobra's help command, as docker/cli replaces it: `docker help run`. */
export const help: CommandSpec = {
  path: ['help'],
  usage: '[command]',
  short: 'Help about the command',
  hidden: true,
  flags: [],
};

/**
 * `docker bake` is a stub for `docker buildx bake`; without buildx it is
 * hidden and every use fails with BAKE_MISSING.
 */
export const bake: CommandSpec = {
  path: ['bake'],
  usage: '[OPTIONS] [TARGET...]',
  short: 'Build from a file',
  hidden: true,
  stub: true,
  flags: [],
};

/** What docker/cli prints (cmd/docker/builder.go) when buildx is missing. */
export const BUILDX_MISSING_WARNING = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            Install the buildx component to build images with BuildKit:
            https://docs.docker.com/go/buildx/`;
export const BUILDKIT_DISABLED_WARNING = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.`;
export const BUILDX_MISSING_ERROR = `ERROR: BuildKit is enabled but the buildx component is missing or broken.
       Install the buildx component to build images with BuildKit:
       https://docs.docker.com/go/buildx/`;
export const BAKE_MISSING = `ERROR: docker bake requires the buildx component but it is missing or broken.
       Install the buildx component to use bake:
       https://docs.docker.com/go/buildx/`;
