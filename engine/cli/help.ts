/**
 * `docker … --help`, rendered as docker/cli 28.2.2 prints it: its cobra usage
 * template (cli/cobra.go) and pflag's FlagUsagesWrapped, which aligns the
 * flag column and wraps descriptions to the terminal's width less one.
 */
import type { Annotations, CommandSpec, FlagSpec } from './command.ts';
import { ADDITIONAL_HELP, configDir, globalFlags } from './spec/root.ts';
import { childrenOf, hasSubCommands, nodeAt, type CommandNode } from './spec/index.ts';
import type { Env } from './spec/opts.ts';

/**
 * What the daemon said when pinged (`/_ping` headers and the negotiated API
 * version). docker/cli hides flags and commands it does not support; with no
 * daemon reachable it hides nothing, as on a machine where none runs.
 */
export interface ServerInfo {
  osType?: string;
  experimental?: boolean;
  apiVersion?: string;
  swarm?: { nodeState: string; controlAvailable: boolean };
}

export interface HelpOptions {
  /** Terminal columns; help is wrapped to one less. Default 80 (not a terminal). */
  width?: number;
  /** The client's environment (config directory, DOCKER_DEFAULT_PLATFORM…). */
  env?: Env;
  /** The daemon, when one answered. */
  server?: ServerInfo;
  /**
   * Whether the buildx plugin is installed (Berth's own CLI: yes). Then
   * `docker build` is `docker buildx build` unless DOCKER_BUILDKIT=0; the
   * docker 28.2.2 client on this machine has no buildx.
   */
  buildx?: boolean;
}

const CLIENT_API_VERSION = '1.50';

/** Help for the command at `path` (`[]` for `docker`, `['ps']`, `['container', 'ls']`). */
export function renderHelp(path: readonly string[], opts: HelpOptions = {}): string {
  const node = nodeAt(path);
  if (!node) throw new Error(`no such command: docker ${path.join(' ')}`);
  return renderNodeHelp(node, opts);
}

/** The usage line: `docker run [OPTIONS] IMAGE [COMMAND] [ARG...]`. */
export function useLine(spec: CommandSpec, path: readonly string[]): string {
  const name = ['docker', ...path].join(' ');
  return spec.usage ? `${name} ${spec.usage}` : name;
}

/** The flags a command shows and parses, environment defaults applied. */
export function commandFlags(node: CommandNode, env: Env = {}): FlagSpec[] {
  if (node.path.length === 0) return globalFlags(configDir(env));
  return node.spec.flags.map((f) => withEnvDefault(f, env));
}

function withEnvDefault(f: FlagSpec, env: Env): FlagSpec {
  if (f.envDefault === 'DOCKER_DEFAULT_PLATFORM') {
    const p = env.DOCKER_DEFAULT_PLATFORM;
    return p ? { ...f, default: p, defaultText: JSON.stringify(p) } : f;
  }
  if (f.envDefault === 'DOCKER_CONTENT_TRUST') {
    const e = env.DOCKER_CONTENT_TRUST;
    const trusted = !!e && !['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(e);
    return trusted ? { ...f, default: false, defaultText: undefined } : f;
  }
  return f;
}

function versionLess(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

/** docker's hideUnsupportedFeatures: whether an annotated flag or command is hidden. */
export function unsupported(a: Annotations | undefined, server: ServerInfo | undefined): boolean {
  if (!a) return false;
  const experimental = server ? !!server.experimental : true;
  if (a.experimental && !experimental) return true;
  if (a.ostype && server?.osType && a.ostype !== server.osType) return true;
  if (a.swarm !== undefined && server?.swarm) {
    if (a.swarm === 'manager' && !server.swarm.controlAvailable) return true;
    if (a.swarm === 'active' && server.swarm.nodeState === 'inactive') return true;
  }
  if (a.version && versionLess(server?.apiVersion ?? CLIENT_API_VERSION, a.version)) return true;
  return false;
}

function visibleChildren(node: CommandNode, server: ServerInfo | undefined): CommandNode[] {
  return childrenOf(node.path).filter((c) => !c.spec.hidden && !unsupported(c.spec.annotations, server));
}

/** cobra's NamePadding: the longest sibling name (hidden ones too), at least 11. */
function namePadding(parent: CommandNode): number {
  return Math.max(11, ...childrenOf(parent.path).map((c) => c.path[c.path.length - 1]!.length));
}

/** Whether the command or one of its parents is marked experimental in the client. */
function isExperimental(path: readonly string[]): boolean {
  for (let n = path.length; n >= 1; n--) if (nodeAt(path.slice(0, n))?.spec.annotations?.experimentalCLI) return true;
  return false;
}

const rpad = (s: string, n: number) => s.padEnd(n);

export function renderNodeHelp(node: CommandNode, opts: HelpOptions = {}): string {
  const { spec, path } = node;
  const env = opts.env ?? {};
  const isRoot = path.length === 0;
  const flags = commandFlags(node, env).filter((f) => !f.hidden && !f.deprecation && (isRoot || !unsupported(f.annotations, opts.server)));
  const hasFlags = flags.length > 0;
  const subs = hasSubCommands(node);
  const name = ['docker', ...path].join(' ');
  let out = 'Usage:';
  out += subs ? `  ${name}${hasFlags ? ' [OPTIONS]' : ''} COMMAND` : `  ${useLine(spec, path)}`;
  out += '\n\n' + (spec.long ?? spec.short).trim();
  if (isExperimental(path)) {
    out += `\n\nEXPERIMENTAL:\n  ${name} is an experimental feature.\n` +
      '  Experimental features provide early access to product functionality. These\n' +
      '  features may change between releases without warning, or can be removed from a\n' +
      '  future release. Learn more about experimental features in our documentation:\n' +
      '  https://docs.docker.com/go/experimental/';
  }
  if (spec.aliases?.length) {
    out += '\n\nAliases:\n  ' + [spec.path, ...spec.aliases].map((p) => ['docker', ...p].join(' ')).join(', ');
  }
  if (spec.example) out += '\n\nExamples:\n' + spec.example;
  const cols = (opts.width ?? 80) - 1;
  if (!isRoot && hasFlags) out += '\n\nOptions:\n' + flagUsages(flags, cols).trimEnd();
  const children = visibleChildren(node, opts.server);
  const pad = namePadding(node);
  const list = (title: string, nodes: CommandNode[]) => {
    if (nodes.length === 0) return;
    out += `\n\n${title}:`;
    for (const c of nodes) out += `\n  ${rpad(c.path[c.path.length - 1]!, pad)} ${c.spec.short}`;
  };
  const isMgmt = (c: CommandNode) => hasSubCommands(c);
  if (isRoot) {
    const top = children.filter((c) => c.spec.topOrder !== undefined && !isMgmt(c));
    list('Common Commands', top.sort((a, b) => a.spec.topOrder! - b.spec.topOrder!));
  }
  list('Management Commands', children.filter((c) => isMgmt(c) && c.spec.group !== 'swarm'));
  list('Swarm Commands', children.filter((c) => isMgmt(c) && c.spec.group === 'swarm'));
  list('Commands', children.filter((c) => !isMgmt(c) && !(isRoot && c.spec.topOrder !== undefined)));
  if (isRoot && hasFlags) out += '\n\nGlobal Options:\n' + flagUsages(flags, cols).trimEnd();
  if (subs) out += `\n\nRun '${name} COMMAND --help' for more information on a command.`;
  // docker/cli means to make this bold on a terminal, but its check never sees one.
  if (isRoot) out += '\n\n' + ADDITIONAL_HELP;
  return out + '\n';
}

/** The word pflag shows after a flag: its value type, or nothing for a bool. */
export function typeWord(f: FlagSpec): string {
  if (f.varname) return f.varname;
  switch (f.type) {
    case 'bool': return '';
    case 'stringSlice': return 'strings';
    case 'float': return 'float';
    default: return f.type;
  }
}

/**
 * pflag's FlagUsagesWrapped: one line per visible flag, sorted by name,
 * descriptions aligned in one column and wrapped to `cols` (0: no wrapping).
 */
export function flagUsages(flags: readonly FlagSpec[], cols: number): string {
  const lines: string[] = [];
  let maxlen = 0;
  const sorted = [...flags].filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of sorted) {
    let line = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const word = typeWord(f);
    if (word) line += ' ' + word;
    if (f.noOptDefault !== undefined && f.type !== 'bool') line += f.type === 'string' ? `[="${f.noOptDefault}"]` : `[=${f.noOptDefault}]`;
    line += '\x00';
    maxlen = Math.max(maxlen, line.length);
    line += f.usage;
    if (f.defaultText !== undefined) line += ` (default ${f.defaultText})`;
    if (f.deprecation) line += ` (DEPRECATED: ${f.deprecation})`;
    lines.push(line);
  }
  let out = '';
  for (const line of lines) {
    const sidx = line.indexOf('\x00');
    out += line.slice(0, sidx) + ' ' + ' '.repeat(maxlen - sidx) + ' ' + wrap(maxlen + 2, cols, line.slice(sidx + 1)) + '\n';
  }
  return out;
}

/** pflag's wrap: the first line is already indented by the caller. */
function wrap(indent: number, width: number, s: string): string {
  let i = indent;
  if (width === 0) return s.replaceAll('\n', '\n' + ' '.repeat(i));
  let w = width - i;
  let r = '';
  if (w < 24) {
    i = 16;
    w = width - i;
    r += '\n' + ' '.repeat(i);
  }
  if (w < 24) return s.replaceAll('\n', r);
  const slop = 5;
  w -= slop;
  let [l, rest] = wrapN(w, slop, s);
  r += l.replaceAll('\n', '\n' + ' '.repeat(i));
  while (rest !== '') {
    [l, rest] = wrapN(w, slop, rest);
    r += '\n' + ' '.repeat(i) + l.replaceAll('\n', '\n' + ' '.repeat(i));
  }
  return r;
}

function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}
