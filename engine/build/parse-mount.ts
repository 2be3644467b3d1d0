/**
 * RUN's `--mount`, `--network`, `--security` and `--device` flags, parsed as
 * BuildKit's instructions/commands_run*.go parse them.
 *
 *     RUN --mount=type=cache,target=/root/.cache,sharing=locked pip install .
 *
 * A mount is a CSV list of `key=value` (and a few bare words: `ro`, `rw`,
 * `required`). The default type is `bind`, read-only unless it is a cache or
 * tmpfs. BuildKit reads the options twice: when parsing it only checks the CSV
 * and that `from` holds no variable; when the step runs it expands variables
 * and checks everything. `parseMount(spec)` is the first reading,
 * `parseMount(spec, expander)` the second.
 */
import { csvFields, goQuote, parseGoBool, parseGoUint32, ramInBytes, withSuggestion } from './parse-go.ts';

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
export type ShareMode = 'shared' | 'private' | 'locked';

export interface Mount {
  type: MountType;
  /** A stage, image or named context to mount from ('' = the build context). */
  from: string;
  source: string;
  target: string;
  readOnly: boolean;
  /** tmpfs size in bytes, 0 when unlimited. */
  sizeLimit: number;
  /** cache `id` (or secret id). */
  cacheId: string;
  cacheSharing: ShareMode | '';
  required: boolean;
  /** secret: expose as this environment variable. */
  env: string | undefined;
  mode: number | undefined;
  uid: number | undefined;
  gid: number | undefined;
}

export interface Device {
  name: string;
  required: boolean;
}

const MOUNT_TYPES: MountType[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARE_MODES: ShareMode[] = ['shared', 'private', 'locked'];
const MOUNT_KEYS = ['type', 'from', 'source', 'target', 'readonly', 'id', 'sharing', 'required', 'size', 'mode', 'uid', 'gid', 'src', 'dst', 'destination', 'ro', 'rw', 'readwrite', 'env'];

/** Parses one `--mount` value; without an expander only the parse-time checks run. */
export function parseMount(spec: string, expander?: (word: string) => string): Mount {
  let fields: string[];
  try {
    fields = csvFields(spec);
  } catch (err) {
    throw new Error(`failed to parse csv mounts: ${(err as Error).message}`);
  }
  const m: Mount = {
    type: 'bind', from: '', source: '', target: '', readOnly: false, sizeLimit: 0, cacheId: '',
    cacheSharing: '', required: false, env: undefined, mode: undefined, uid: undefined, gid: undefined,
  };
  let roAuto = true;
  const bool = (key: string, value: string): boolean => {
    const b = parseGoBool(value);
    if (b === undefined) throw new Error(`invalid value for ${key}: ${value}`);
    return b;
  };
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    let value = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (!expander) continue; // checked when the step runs
      if (key === 'readonly' || key === 'ro') {
        m.readOnly = true;
        roAuto = false;
        continue;
      }
      if (key === 'readwrite' || key === 'rw') {
        m.readOnly = false;
        roAuto = false;
        continue;
      }
      if (key === 'required') {
        if (m.type === 'secret' || m.type === 'ssh') {
          m.required = true;
          continue;
        }
        throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
      }
      throw new Error(`invalid field '${field}' must be a key=value pair`);
    }
    if (expander) value = expander(value);
    else if (key === 'from') {
      const dollar = value.indexOf('$');
      if (dollar !== -1 && dollar !== value.length - 1) throw new Error(`'${key}' doesn't support variable expansion, define alias stage instead`);
    } else continue;

    switch (key) {
      case 'type': {
        const t = value.toLowerCase() as MountType;
        if (!MOUNT_TYPES.includes(t)) throw new Error(withSuggestion(`unsupported mount type ${goQuote(value)}`, value, MOUNT_TYPES, true));
        m.type = t;
        break;
      }
      case 'from':
        m.from = value;
        break;
      case 'source':
      case 'src':
        m.source = value;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = value;
        break;
      case 'readonly':
      case 'ro':
        m.readOnly = bool(key, value);
        roAuto = false;
        break;
      case 'readwrite':
      case 'rw':
        m.readOnly = !bool(key, value);
        roAuto = false;
        break;
      case 'required':
        if (m.type !== 'secret' && m.type !== 'ssh') throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
        m.required = bool(key, value);
        break;
      case 'size': {
        if (m.type !== 'tmpfs') throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
        const size = ramInBytes(value);
        if (size === undefined) throw new Error(`invalid value for ${key}: ${value}`);
        m.sizeLimit = size;
        break;
      }
      case 'id':
        m.cacheId = value;
        break;
      case 'sharing': {
        const s = value.toLowerCase() as ShareMode;
        if (!SHARE_MODES.includes(s)) throw new Error(withSuggestion(`unsupported sharing value ${goQuote(value)}`, value, SHARE_MODES, true));
        m.cacheSharing = s;
        break;
      }
      case 'mode':
        m.mode = parseGoUint32(value, 8);
        if (m.mode === undefined) throw new Error(`invalid value ${value} for mode`);
        break;
      case 'uid':
        m.uid = parseGoUint32(value, 10);
        if (m.uid === undefined) throw new Error(`invalid value ${value} for uid`);
        break;
      case 'gid':
        m.gid = parseGoUint32(value, 10);
        if (m.gid === undefined) throw new Error(`invalid value ${value} for gid`);
        break;
      case 'env':
        m.env = value;
        break;
      default:
        throw new Error(withSuggestion(`unexpected key '${key}' in '${field}'`, key, MOUNT_KEYS, true));
    }
  }
  if (m.type !== 'secret' && m.type !== 'ssh' && m.type !== 'cache') {
    for (const k of ['mode', 'uid', 'gid'] as const) {
      if (m[k] !== undefined) throw new Error(`${k} not allowed for ${goQuote(m.type)} type mounts`);
    }
  }
  if (roAuto) m.readOnly = !(m.type === 'cache' || m.type === 'tmpfs');
  if (m.type === 'secret') {
    if (m.from !== '') throw new Error('secret mount should not have a from');
    if (m.cacheSharing !== '') throw new Error('secret mount should not define sharing');
    if (m.source === '' && m.target === '' && m.cacheId === '') throw new Error('invalid secret mount. one of source, target required');
    if (m.source !== '' && m.cacheId !== '') throw new Error("both source and id can't be set");
  }
  if (m.cacheSharing !== '' && m.type !== 'cache') throw new Error(`invalid cache sharing set for ${m.type} mount`);
  return m;
}

/** `--device=name[,required]` (BuildKit's ParseDevice). */
export function parseDevice(spec: string): Device {
  let fields: string[];
  try {
    fields = csvFields(spec);
  } catch (err) {
    throw new Error(`failed to parse csv devices: ${(err as Error).message}`);
  }
  const d: Device = { name: '', required: false };
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (key === 'required') d.required = true;
      else if (d.name === '') d.name = field;
      else throw new Error(`invalid field '${field}' must be a key=value pair`);
      continue;
    }
    if (key === 'name') {
      if (d.name !== '') throw new Error(`device name already set to ${d.name}`);
      d.name = value;
    } else if (key === 'required') {
      const b = parseGoBool(value);
      if (b === undefined) throw new Error(`invalid value for ${key}: ${value}`);
      d.required = b;
    } else if (d.name === '') d.name = field;
    else throw new Error(withSuggestion(`unexpected key '${key}' in '${field}'`, key, ['name', 'required'], true));
  }
  return d;
}
