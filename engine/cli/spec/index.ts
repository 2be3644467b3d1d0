/**
 * The command table and the tree cobra would build from it.
 *
 * A spec has one canonical path (`container ls`) and aliases. An alias under
 * the same parent (`container list`, `container ps`) is a cobra alias: the
 * same command under another name, and help still says `docker container ls`.
 * An alias elsewhere (`ps`, `rmi`, `builder build`) is docker/cli's separate
 * copy of the command: it is listed under its own parent and names itself
 * `docker ps` in usage lines.
 */
import type { CommandSpec } from '../command.ts';
import * as builder from './builder.ts';
import * as buildxSpecs from './buildx.ts';
import * as container from './container.ts';
import * as extras from './extras.ts';
import * as image from './image.ts';
import * as network from './network.ts';
import * as plugin from './plugin.ts';
import * as registry from './registry.ts';
import { bake, help, root } from './root.ts';
import * as service from './service.ts';
import * as swarm from './swarm.ts';
import * as system from './system.ts';
import * as volume from './volume.ts';

const isSpec = (v: unknown): v is CommandSpec => typeof v === 'object' && v !== null && Array.isArray((v as CommandSpec).path);

/** Every command, in no particular order (root excluded). */
export const COMMANDS: readonly CommandSpec[] = [container, image, network, volume, system, registry, builder, buildxSpecs, swarm, service, plugin, extras]
  .flatMap((m) => Object.values(m).filter(isSpec))
  .concat([help, bake]);

/** A command as cobra holds it: a spec at one place in the tree. */
export interface CommandNode {
  spec: CommandSpec;
  /** The path cobra names it by (`['ps']`, `['container', 'ls']`). */
  path: string[];
  /** Other names it answers to under the same parent (`list`, `ps`). */
  names: string[];
}

const key = (path: readonly string[]) => path.join(' ');

function buildTree() {
  const nodes = new Map<string, CommandNode>();
  const byName = new Map<string, CommandNode>(); // every reachable path, cobra aliases included
  const rootNode: CommandNode = { spec: root, path: [], names: [] };
  nodes.set('', rootNode);
  byName.set('', rootNode);
  for (const spec of COMMANDS) {
    const canonical: CommandNode = { spec, path: spec.path, names: [] };
    nodes.set(key(spec.path), canonical);
    byName.set(key(spec.path), canonical);
    for (const alias of spec.aliases ?? []) {
      const sameParent = alias.length === spec.path.length && key(alias.slice(0, -1)) === key(spec.path.slice(0, -1));
      if (sameParent) {
        canonical.names.push(alias[alias.length - 1]!);
        byName.set(key(alias), canonical);
      } else {
        const copy: CommandNode = { spec, path: alias, names: [] };
        nodes.set(key(alias), copy);
        byName.set(key(alias), copy);
      }
    }
  }
  const children = new Map<string, CommandNode[]>();
  for (const node of nodes.values()) {
    if (node.path.length === 0) continue;
    const parent = key(node.path.slice(0, -1));
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(node);
  }
  // cobra sorts a command's children by name.
  for (const list of children.values()) list.sort((a, b) => (a.path[a.path.length - 1]! < b.path[b.path.length - 1]! ? -1 : 1));
  return { byName, children };
}

const tree = buildTree();

/** The root of the tree: `docker`. */
export const ROOT: CommandNode = tree.byName.get('')!;

/** The commands under `path`, sorted by name, hidden ones included. */
export function childrenOf(path: readonly string[]): CommandNode[] {
  return tree.children.get(key(path)) ?? [];
}

/** The command `name` directly under `parent`, by name or cobra alias. */
export function childNamed(parent: readonly string[], name: string): CommandNode | undefined {
  return tree.byName.get(key([...parent, name]));
}

/** The node at exactly this path (cobra aliases resolved), or undefined. */
export function nodeAt(path: readonly string[]): CommandNode | undefined {
  return tree.byName.get(key(path));
}

/** Whether a node has subcommands of its own (a management command). */
export function hasSubCommands(node: CommandNode): boolean {
  return childrenOf(node.path).length > 0;
}

/**
 * Resolve the leading words of argv to a command: `['ps', '-a']`,
 * `['container', 'ls', '-a']`, `['container', 'list']` all give the same
 * spec, with `rest: ['-a']` where given. Stops at the first word that names
 * no subcommand; undefined when the first word names no command.
 */
export function findCommand(argv: readonly string[]): { spec: CommandSpec; path: string[]; rest: string[] } | undefined {
  let node: CommandNode | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const next = childNamed(node?.path ?? [], argv[i]!);
    if (!next) break;
    node = next;
  }
  if (!node) return undefined;
  return { spec: node.spec, path: node.path, rest: argv.slice(i) };
}
