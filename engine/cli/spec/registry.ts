/**
 * `docker login`, `docker logout`, `docker search`, from docker/cli v28.2.2
 * cli/command/registry.
 */
import type { CommandSpec } from '../command.ts';

export const login: CommandSpec = {
  path: ['login'],
  usage: '[OPTIONS] [SERVER]',
  short: 'Authenticate to a registry',
  long: 'Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.',
  args: { max: 1 },
  group: 'common',
  topOrder: 8,
  flags: [
    { name: 'password', short: 'p', type: 'string', usage: 'Password or Personal Access Token (PAT)' },
    { name: 'password-stdin', type: 'bool', usage: 'Take the Password or Personal Access Token (PAT) from stdin' },
    { name: 'username', short: 'u', type: 'string', usage: 'Username' },
  ],
};

export const logout: CommandSpec = {
  path: ['logout'],
  usage: '[SERVER]',
  short: 'Log out from a registry',
  long: 'Log out from a registry.\nIf no server is specified, the default is defined by the daemon.',
  args: { max: 1 },
  group: 'common',
  topOrder: 9,
  flags: [],
};

export const search: CommandSpec = {
  path: ['search'],
  usage: '[OPTIONS] TERM',
  short: 'Search Docker Hub for images',
  args: { exact: 1 },
  group: 'common',
  topOrder: 10,
  flags: [
    { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: 'Pretty-print search using a Go template' },
    { name: 'limit', type: 'int', usage: 'Max number of search results' },
    { name: 'no-trunc', type: 'bool', usage: 'Don\'t truncate output' },
  ],
};
