/**
 * docker/cli's flag values (its `opts` package and pflag's own types): how
 * each kind of flag turns a string into a value, and the checks that make
 * `docker run -e =x` fail before anything reaches the daemon. Each function
 * throws an Error with the text docker/cli's `Set` returns; flags.ts wraps it
 * as `invalid argument "=x" for "-e, --env" flag: <text>`.
 */
import type { FlagSpec, FlagValidator, FlagValue } from '../command.ts';
import { csvRecord, parseBool, parseCPUs, parseDuration, parseFloat, parseInt, parseUint, ramInBytes, goQuote } from './gostrconv.ts';

/** The client's environment, for `-e NAME` (copied from it when set). */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * pflag's `Value.Set`: the flag's new value after `raw` is given once more.
 * Repeatable kinds append to `current`.
 */
export function setFlagValue(flag: FlagSpec, raw: string, current: FlagValue, env: Env): FlagValue {
  const list = Array.isArray(current) ? current : [];
  switch (flag.type) {
    case 'bool': return parseBool(raw);
    case 'string': return raw;
    case 'int': return parseInt(raw, 64);
    case 'uint': return parseUint(raw, 64);
    case 'uint16': return parseUint(raw, 16);
    case 'uint32': return parseUint(raw, 32);
    case 'float': return parseFloat(raw);
    case 'duration': return parseDuration(raw);
    case 'decimal': return parseCPUs(raw);
    case 'bytes':
      if (flag.validator === 'memswap' && raw === '-1') return -1;
      return ramInBytes(raw);
    case 'filter': {
      if (raw === '') return list;
      if (!raw.includes('=')) throw new Error('bad format of filter (expected name=value)');
      const eq = raw.indexOf('=');
      return [...list, raw.slice(0, eq).trim().toLowerCase() + '=' + raw.slice(eq + 1).trim()];
    }
    case 'stringSlice': return [...list, ...(raw === '' ? [] : csvRecord(raw))];
    case 'mount': parseMount(raw); return [...list, raw];
    case 'network': parseNetwork(raw); return [...list, raw];
    case 'gpu-request': parseGpus(raw); return [...list, raw];
    case 'ulimit': parseUlimit(raw); return [...list, raw];
    case 'map': case 'list': case 'stringArray':
      return [...list, flag.validator ? VALIDATORS[flag.validator](raw, env) : raw];
  }
}

/** The value of a flag nobody gave. */
export function defaultValue(flag: FlagSpec): FlagValue {
  if (flag.default !== undefined) return flag.default;
  switch (flag.type) {
    case 'bool': return false;
    case 'string': return '';
    case 'int': case 'uint': case 'uint16': case 'uint32': case 'float': case 'duration': case 'decimal': case 'bytes': return 0;
    default: return [];
  }
}

const whiteSpaces = ' \t';

const VALIDATORS: Record<FlagValidator, (v: string, env: Env) => string> = {
  env(val, env) {
    const eq = val.indexOf('=');
    const k = eq === -1 ? val : val.slice(0, eq);
    if (k === '') throw new Error('invalid environment variable: ' + val);
    if (eq !== -1) return val;
    const v = env[k];
    return v === undefined ? val : k + '=' + v;
  },
  label(val) {
    let key = val.split('=')[0]!;
    while (key !== '' && whiteSpaces.includes(key[0]!)) key = key.slice(1);
    if (key === '') throw new Error(`invalid label '${val}': empty name`);
    if ([...whiteSpaces].some((c) => key.includes(c))) throw new Error(`label '${key}' contains whitespaces`);
    return val;
  },
  extraHost(val) {
    let cut = val.indexOf('=');
    if (cut === -1) cut = val.indexOf(':');
    const k = cut === -1 ? val : val.slice(0, cut);
    let v = cut === -1 ? '' : val.slice(cut + 1);
    if (cut === -1 || k === '' || k.includes(':')) throw new Error(`bad format for add-host: ${goQuote(val)}`);
    if (v !== 'host-gateway') {
      if (v.length > 2 && v[0] === '[' && v.endsWith(']')) v = v.slice(1, -1);
      if (parseIP(v.trim()) === undefined) throw new Error(`invalid IP address in add-host: ${goQuote(v)}`);
    }
    return k + ':' + v;
  },
  ip(val) {
    const ip = parseIP(val.trim());
    if (ip === undefined) throw new Error(`IP address is not correctly formatted: ${val}`);
    return ip;
  },
  dnsSearch(val) {
    val = val.replace(/^ +| +$/g, '');
    if (val === '.') return val;
    const m = /^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])))*)\.?\s*$/.exec(val);
    if (!/[a-zA-Z]/.test(val) || !m || m[1]!.length >= 255) throw new Error(`${val} is not a valid domain`);
    return m[1]!;
  },
  link(val) {
    if (val === '') throw new Error('empty string specified for links');
    if (val.split(':').length > 2) throw new Error('bad format for links: ' + val);
    return val;
  },
  attach(val) {
    const s = val.toLowerCase();
    if (s === 'stdin' || s === 'stdout' || s === 'stderr') return s;
    throw new Error('valid streams are STDIN, STDOUT and STDERR');
  },
  deviceCgroupRule(val) {
    if (/^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$/.test(val)) return val;
    throw new Error(`invalid device cgroup format '${val}'`);
  },
  sysctl(val) {
    const eq = val.indexOf('=');
    const k = eq === -1 ? '' : val.slice(0, eq);
    const allowed = ['kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.sem', 'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced'];
    if (k !== '' && (allowed.includes(k) || k.startsWith('net.') || k.startsWith('fs.mqueue.'))) return val;
    throw new Error(`sysctl '${val}' is not allowed`);
  },
  throttleBps(val) {
    const [k, v] = deviceRate(val);
    let rate = -1;
    try { rate = ramInBytes(v); } catch { /* reported below */ }
    if (rate < 0) throw new Error(`invalid rate for device: ${val}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`);
    return `${k}:${v}`;
  },
  throttleIOps(val) {
    const [k, v] = deviceRate(val);
    if (!/^\d+$/.test(v) || BigInt(v) >= 1n << 64n) throw new Error(`invalid rate for device: ${val}. The correct format is <device-path>:<number>. Number must be a positive integer`);
    return `${k}:${v}`;
  },
  weightDevice(val) {
    const [k, v] = deviceRate(val);
    const w = /^\d+$/.test(v) ? Number(v) : -1;
    if (w < 0 || w > 65535 || (w > 0 && (w < 10 || w > 1000))) throw new Error(`invalid weight for device: ${val}`);
    return `${k}:${v}`;
  },
  memswap(val) {
    return val;
  },
  tag(val) {
    validateReference(val);
    return val;
  },
};

function deviceRate(val: string): [string, string] {
  const i = val.indexOf(':');
  if (i <= 0) throw new Error(`bad format: ${val}`);
  const k = val.slice(0, i);
  if (!k.startsWith('/dev/')) throw new Error(`bad format for device path: ${val}`);
  return [k, val.slice(i + 1)];
}

/** net.ParseIP, returning the canonical text form (IPv6 only lightly normalized). */
export function parseIP(s: string): string | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const parts = v4.slice(1).map((p) => p);
    if (parts.some((p) => Number(p) > 255 || (p.length > 1 && p[0] === '0'))) return undefined;
    return parts.map(Number).join('.');
  }
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+$/.test(s)) return undefined;
  const dbl = s.split('::');
  if (dbl.length > 2) return undefined;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(dbl[0]!);
  const tail = dbl.length === 2 ? groups(dbl[1]!) : [];
  const all = [...head, ...tail];
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (parseIP(last) === undefined) return undefined;
    count += 1;
  }
  if (all.some((g, i) => !(g.includes('.') && i === all.length - 1) && !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  if (dbl.length === 2 ? count > 7 : count !== 8) return undefined;
  return s.toLowerCase();
}

/** A `--mount` value, as docker/cli's MountOpt builds it (Engine API mount shape). */
export interface MountSpec {
  Type: string;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: { Propagation?: string; NonRecursive?: boolean; ReadOnlyNonRecursive?: boolean; ReadOnlyForceRecursive?: boolean };
  VolumeOptions?: { NoCopy?: boolean; Labels: Record<string, string>; Subpath?: string; DriverConfig: { Name?: string; Options?: Record<string, string> } };
  ImageOptions?: { Subpath?: string };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

/**
 * docker/cli MountOpt.Set: `type=bind,source=/a,target=/b,readonly`.
 * A relative source starting with `.` is made absolute against `cwd` when given.
 */
export function parseMount(value: string, cwd?: string): MountSpec {
  const m: MountSpec = { Type: 'volume', Target: '' };
  const vol = () => (m.VolumeOptions ??= { Labels: {}, DriverConfig: {} });
  const bind = () => (m.BindOptions ??= {});
  const tmpfs = () => (m.TmpfsOptions ??= {});
  const setMap = (target: Record<string, string>, v: string) => {
    const eq = v.indexOf('=');
    const k = eq === -1 ? v : v.slice(0, eq);
    if (k !== '') target[k] = eq === -1 ? '' : v.slice(eq + 1);
  };
  const bool = (key: string, val: string, msg = `invalid value for ${key}: ${val}`) => {
    try { return parseBool(val); } catch { throw new Error(msg); }
  };
  for (const field of csvRecord(value)) {
    const eq = field.indexOf('=');
    const key = (eq === -1 ? field : field.slice(0, eq)).toLowerCase();
    const val = eq === -1 ? '' : field.slice(eq + 1);
    if (eq === -1) {
      if (key === 'readonly' || key === 'ro') { m.ReadOnly = true; continue; }
      if (key === 'volume-nocopy') { vol().NoCopy = true; continue; }
      if (key === 'bind-nonrecursive') { bind().NonRecursive = true; continue; }
      throw new Error(`invalid field '${field}' must be a key=value pair`);
    }
    switch (key) {
      case 'type': m.Type = val.toLowerCase(); break;
      case 'source': case 'src':
        m.Source = val;
        if (cwd !== undefined && !val.startsWith('/') && val.startsWith('.')) m.Source = joinPath(cwd, val);
        break;
      case 'target': case 'dst': case 'destination': m.Target = val; break;
      case 'readonly': case 'ro': m.ReadOnly = bool(key, val); break;
      case 'consistency': m.Consistency = val.toLowerCase(); break;
      case 'bind-propagation': bind().Propagation = val.toLowerCase(); break;
      case 'bind-nonrecursive': bind().NonRecursive = bool(key, val); break;
      case 'bind-recursive':
        if (val === 'disabled') bind().NonRecursive = true;
        else if (val === 'writable') bind().ReadOnlyNonRecursive = true;
        else if (val === 'readonly') bind().ReadOnlyForceRecursive = true;
        else if (val !== 'enabled') throw new Error(`invalid value for ${key}: ${val} (must be "enabled", "disabled", "writable", or "readonly")`);
        break;
      case 'volume-subpath': vol().Subpath = val; break;
      case 'volume-nocopy': vol().NoCopy = bool(key, val, `invalid value for volume-nocopy: ${val}`); break;
      case 'volume-label': setMap(vol().Labels, val); break;
      case 'volume-driver': vol().DriverConfig.Name = val; break;
      case 'volume-opt': setMap((vol().DriverConfig.Options ??= {}), val); break;
      case 'image-subpath': (m.ImageOptions ??= {}).Subpath = val; break;
      case 'tmpfs-size':
        try { tmpfs().SizeBytes = ramInBytes(val); } catch { throw new Error(`invalid value for ${key}: ${val}`); }
        break;
      case 'tmpfs-mode':
        if (!/^[0-7]+$/.test(val) || Number.parseInt(val, 8) >= 2 ** 32) throw new Error(`invalid value for ${key}: ${val}`);
        tmpfs().Mode = Number.parseInt(val, 8);
        break;
      default: throw new Error(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (m.Type === '') throw new Error('type is required');
  if (m.Target === '') throw new Error('target is required');
  for (const [opt, type, prefix] of [[m.VolumeOptions, 'volume', 'volume'], [m.ImageOptions, 'image', 'image'], [m.BindOptions, 'bind', 'bind'], [m.TmpfsOptions, 'tmpfs', 'tmpfs']] as const) {
    if (opt && m.Type !== type) throw new Error(`cannot mix '${prefix}-*' options with mount type '${m.Type}'`);
  }
  if (m.BindOptions?.ReadOnlyNonRecursive && !m.ReadOnly) throw new Error("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction");
  if (m.BindOptions?.ReadOnlyForceRecursive) {
    if (!m.ReadOnly) throw new Error("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction");
    if (m.BindOptions.Propagation !== 'rprivate') throw new Error("option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction");
  }
  return m;
}

function joinPath(cwd: string, rel: string): string {
  const parts: string[] = [];
  for (const p of `${cwd}/${rel}`.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return '/' + parts.join('/');
}

/** A `--network` value: a bare name, or `name=net,alias=a,ip=…` (docker/cli NetworkOpt). */
export interface NetworkAttachment {
  Target: string;
  Aliases?: string[];
  IPv4Address?: string;
  IPv6Address?: string;
  MacAddress?: string;
  LinkLocalIPs?: string[];
  DriverOpts?: Record<string, string>;
  GwPriority?: number;
}

export function parseNetwork(value: string): NetworkAttachment {
  if (!/\w+=\w+(,\w+=\w+)*/.test(value)) return { Target: value };
  const n: NetworkAttachment = { Target: '', Aliases: [] };
  for (const field of csvRecord(value)) {
    const lower = field.toLowerCase();
    const eq = lower.indexOf('=');
    if (eq <= 0) throw new Error(`invalid field ${field}`);
    const key = lower.slice(0, eq).trim();
    const val = lower.slice(eq + 1).trim();
    switch (key) {
      case 'name': n.Target = val; break;
      case 'alias': n.Aliases!.push(val); break;
      case 'ip': n.IPv4Address = val; break;
      case 'ip6': n.IPv6Address = val; break;
      case 'mac-address': n.MacAddress = val; break;
      case 'link-local-ip': (n.LinkLocalIPs ??= []).push(val); break;
      case 'driver-opt': {
        const deq = val.indexOf('=');
        if (deq <= 0) throw new Error('invalid key value pair format in driver options');
        (n.DriverOpts ??= {})[val.slice(0, deq).trim()] = val.slice(deq + 1).trim();
        break;
      }
      case 'gw-priority':
        if (!/^[+-]?\d+$/.test(val)) throw new Error(`invalid gw-priority (${val}): invalid syntax`);
        n.GwPriority = Number(val);
        break;
      default: throw new Error('invalid field key ' + key);
    }
  }
  if (n.Target === '') throw new Error('network name/id is not specified');
  return n;
}

/** `--gpus all`, `--gpus count=2,capabilities=…`: checked as docker/cli's GpuOpts does. */
export function parseGpus(value: string): void {
  const count = (s: string) => {
    if (s !== 'all' && !/^[+-]?\d+$/.test(s)) throw new Error(`invalid count (${s}): value must be either "all" or an integer: invalid syntax`);
  };
  const seen = new Set<string>();
  for (const field of csvRecord(value)) {
    const eq = field.indexOf('=');
    const key = eq === -1 ? field : field.slice(0, eq);
    if (seen.has(key)) throw new Error(`gpu request key '${key}' can be specified only once`);
    seen.add(key);
    if (eq === -1) { seen.add('count'); count(key); continue; }
    const val = field.slice(eq + 1);
    if (key === 'count') count(val);
    else if (!['driver', 'device', 'capabilities', 'options'].includes(key)) throw new Error(`unexpected key '${key}' in '${field}'`);
  }
}

const ULIMITS = ['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack'];

/** go-units ParseUlimit: `nofile=1024:2048`. */
export function parseUlimit(val: string): { Name: string; Soft: number; Hard: number } {
  const eq = val.indexOf('=');
  if (eq === -1) throw new Error(`invalid ulimit argument: ${val}`);
  const name = val.slice(0, eq);
  if (!ULIMITS.includes(name)) throw new Error(`invalid ulimit type: ${name}`);
  const limits = val.slice(eq + 1).split(':');
  if (limits.length > 2) throw new Error(`too many limit value arguments - ${val.slice(eq + 1)}, can only have up to two, \`soft[:hard]\``);
  const dec = (s: string) => {
    if (!/^[+-]?\d+$/.test(s)) throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`);
    return parseInt(s, 64);
  };
  const hard0 = limits.length === 2 ? dec(limits[1]!) : undefined;
  const soft = dec(limits[0]!);
  const hard = hard0 ?? soft;
  if (hard !== -1) {
    if (soft === -1) throw new Error(`ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: ${hard}`);
    if (soft > hard) throw new Error(`ulimit soft limit must be less than or equal to hard limit: ${soft} > ${hard}`);
  }
  return { Name: name, Soft: soft, Hard: hard };
}

const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const REFERENCE = new RegExp(`^((?:${domain}/)?${pathComponent}(?:/${pathComponent})*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}))?$`);

/** distribution/reference ParseNormalizedNamed's checks, for `docker build -t`. */
export function validateReference(s: string): void {
  if (/^[a-f0-9]{64}$/.test(s)) throw new Error(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  const i = s.indexOf('/');
  const first = i === -1 ? '' : s.slice(0, i);
  let domain = 'docker.io';
  let remainder = s;
  if (i !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first)) {
    domain = first;
    remainder = s.slice(i + 1);
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = 'library/' + remainder;
  const remote = remainder.split(':')[0]!;
  if (remote.toLowerCase() !== remote) throw new Error(`invalid reference format: repository name (${remote}) must be lowercase`);
  const m = REFERENCE.exec(domain + '/' + remainder);
  if (!m) throw new Error('invalid reference format');
  if (m[1]!.length > 255) throw new Error('repository name must not be more than 255 characters');
}
