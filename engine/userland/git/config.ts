/**
 * Git's configuration: the file format, the files git reads and in which
 * order, and the edits `git config` makes.
 *
 * The format, as git defines it:
 *
 *     # a comment             ; also a comment
 *     [core]                  a section
 *         bare = false        a variable: name = value
 *     [remote "origin"]       a subsection (case-sensitive, quoted)
 *         url = "a b ; c"     quotes keep spaces and comment characters
 *     [user]
 *         flag                a variable without "=" is boolean true
 *
 * A variable's full name is "section.subsection.name"; section and name are
 * case-insensitive (kept lowercase here), the subsection is not. When a name
 * has several values the last one wins, and the files are read from the most
 * general to the most specific: system, global, the repository, then "-c".
 */
import { fromUtf8, utf8 } from '../../common/bytes.ts';
import { FsError } from '../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { readFile } from '../lib/io.ts';

export type Scope = 'system' | 'global' | 'local' | 'command';

export interface ConfigEntry {
  /** Canonical name: section and variable lowercase. */
  key: string;
  /** null for a bare "name" (boolean true). */
  value: string | null;
  scope: Scope;
  /** The file it came from ("" for the command line). */
  origin: string;
}

/** A variable's position in a file, for editing. */
interface Located {
  key: string;
  value: string | null;
  /** Offsets of its whole line(s) in the text. */
  start: number;
  end: number;
}

interface Section {
  /** "section" or "section.subsection", canonical. */
  name: string;
  /** Offset just past the section's last line. */
  end: number;
}

export class ConfigSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly path: string,
  ) {
    super(`bad config line ${line} in file ${path}`);
  }
}

/** Splits a full name into section, subsection and variable: "remote.origin.url". */
export function splitKey(key: string): { section: string; sub: string | null; name: string } | null {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first < 0) return null;
  return { section: key.slice(0, first), sub: first === last ? null : key.slice(first + 1, last), name: key.slice(last + 1) };
}

/**
 * Canonical form of a name given by the user, or an error message as
 * `git config` prints it.
 */
export function canonicalKey(key: string): { key: string } | { error: string } {
  const parts = splitKey(key);
  if (!parts) return { error: `key does not contain a section: ${key}` };
  if (parts.name === '') return { error: `key does not contain variable name: ${key}` };
  if (!/^[a-zA-Z][a-zA-Z0-9-]*$/.test(parts.name) || !/^[a-zA-Z0-9-.]+$/.test(parts.section)) return { error: `invalid key: ${key}` };
  return { key: parts.sub === null ? `${parts.section.toLowerCase()}.${parts.name.toLowerCase()}` : `${parts.section.toLowerCase()}.${parts.sub}.${parts.name.toLowerCase()}` };
}

/** Parses a file's text; calls `onEntry` for each variable and `onSection` for each header. */
function parse(text: string, path: string, onEntry: (e: Located) => void, onSection?: (name: string, start: number) => void): void {
  let i = 0;
  let line = 1;
  let section: string | null = null;
  const n = text.length;
  const fail = (): never => {
    throw new ConfigSyntaxError(line, path);
  };
  while (i < n) {
    const lineStart = i;
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++;
    if (i >= n) break;
    const c = text[i]!;
    if (c === '\n') {
      i++;
      line++;
      continue;
    }
    if (c === '#' || c === ';') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '[') {
      i++;
      let name = '';
      while (i < n && /[a-zA-Z0-9.-]/.test(text[i]!)) name += text[i++];
      let sub: string | null = null;
      if (text[i] === ' ' || text[i] === '\t') {
        while (text[i] === ' ' || text[i] === '\t') i++;
        if (text[i] !== '"') fail();
        i++;
        sub = '';
        while (i < n && text[i] !== '"') {
          if (text[i] === '\n') fail();
          if (text[i] === '\\') i++;
          sub += text[i++];
        }
        if (text[i] !== '"') fail();
        i++;
      }
      if (text[i] !== ']' || name === '') fail();
      i++;
      if (sub === null) {
        // [section.sub] is the old, case-insensitive way of writing a subsection.
        const dot = name.indexOf('.');
        section = dot < 0 ? name.toLowerCase() : `${name.slice(0, dot).toLowerCase()}.${name.slice(dot + 1).toLowerCase()}`;
      } else section = `${name.toLowerCase()}.${sub}`;
      onSection?.(section, lineStart);
      continue;
    }
    if (!/[a-zA-Z]/.test(c)) fail();
    if (section === null) fail();
    let name = '';
    while (i < n && /[a-zA-Z0-9-]/.test(text[i]!)) name += text[i++];
    while (text[i] === ' ' || text[i] === '\t') i++;
    let value: string | null = null;
    if (text[i] === '=') {
      i++;
      value = '';
      let quoted = false;
      let pendingSpace = '';
      while (i < n) {
        const ch = text[i]!;
        if (ch === '\n') {
          if (quoted) fail();
          break;
        }
        if (!quoted && (ch === '#' || ch === ';')) {
          while (i < n && text[i] !== '\n') i++;
          break;
        }
        if (!quoted && (ch === ' ' || ch === '\t')) {
          if (value !== '') pendingSpace += ch;
          i++;
          continue;
        }
        value += pendingSpace;
        pendingSpace = '';
        if (ch === '"') {
          quoted = !quoted;
          i++;
          continue;
        }
        if (ch === '\\') {
          const next = text[i + 1];
          if (next === '\n') {
            i += 2;
            line++;
            continue;
          }
          const map: Record<string, string> = { n: '\n', t: '\t', b: '\b', '\\': '\\', '"': '"' };
          if (next === undefined || map[next] === undefined) fail();
          value += map[next!];
          i += 2;
          continue;
        }
        value += ch;
        i++;
      }
    } else if (i < n && text[i] !== '\n' && text[i] !== '#' && text[i] !== ';' && text[i] !== '\r') fail();
    while (i < n && text[i] !== '\n') i++;
    if (i < n) {
      i++;
      line++;
    }
    onEntry({ key: `${section}.${name.toLowerCase()}`, value, start: lineStart, end: i });
  }
}

/** A value written back into a file, quoted and escaped as git writes it. */
function quoteValue(value: string): string {
  const needsQuotes = value !== value.trim() || value.includes('#') || value.includes(';');
  let out = '';
  for (const ch of value) {
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else out += ch;
  }
  return needsQuotes ? `"${out}"` : out;
}

/** The header line for a section name such as "remote.origin". */
function sectionHeader(section: string): string {
  const dot = section.indexOf('.');
  if (dot < 0) return `[${section}]\n`;
  return `[${section.slice(0, dot)} "${section.slice(dot + 1).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"]\n`;
}

export async function readConfigText(sys: Sys, path: string): Promise<string | null> {
  try {
    return fromUtf8(await readFile(sys, path));
  } catch (err) {
    if (err instanceof FsError && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return null;
    throw err;
  }
}

/** The variables of one file's text, in order. */
export function parseConfig(text: string, path: string, scope: Scope): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  parse(text, path, (e) => out.push({ key: e.key, value: e.value, scope, origin: path }));
  return out;
}

export interface Edit {
  /** The canonical name (to find existing values). */
  key: string;
  /** The name as the user typed it: git writes new lines and sections with that spelling. */
  spelled?: string;
  /** The new value; null removes. */
  value: string | null;
  /** Append another value instead of replacing (--add). */
  add?: boolean;
  /** Replace or remove every value (--replace-all, --unset-all). */
  all?: boolean;
}

/** Result of editing a file's text: the new text, or why git refuses. */
export type EditResult = { text: string } | { error: 'multiple' | 'missing' };

/** Applies one `git config` edit to a file's text, as git lays files out. */
export function editConfig(text: string, path: string, edit: Edit): EditResult {
  const matches: Located[] = [];
  const sections: Section[] = [];
  const parts = splitKey(edit.key)!;
  const typed = splitKey(edit.spelled ?? edit.key)!;
  const sectionName = parts.sub === null ? parts.section : `${parts.section}.${parts.sub}`;
  parse(
    text,
    path,
    (e) => {
      if (e.key === edit.key) matches.push(e);
      const last = sections[sections.length - 1];
      if (last) last.end = e.end;
    },
    (name, start) => {
      // The section's end so far is its header line's end.
      let end = text.indexOf('\n', start);
      end = end < 0 ? text.length : end + 1;
      sections.push({ name, end });
    },
  );
  const line = edit.value === null ? '' : `\t${typed.name} = ${quoteValue(edit.value)}\n`;
  if (edit.value === null) {
    if (matches.length === 0) return { error: 'missing' };
    if (matches.length > 1 && !edit.all) return { error: 'multiple' };
    let out = text;
    for (const m of [...matches].reverse()) out = out.slice(0, m.start) + out.slice(m.end);
    return { text: out };
  }
  if (!edit.add && matches.length > 0) {
    if (matches.length > 1 && !edit.all) return { error: 'multiple' };
    let out = text;
    const [first, ...rest] = matches;
    for (const m of rest.reverse()) out = out.slice(0, m.start) + out.slice(m.end);
    return { text: out.slice(0, first!.start) + line + out.slice(first!.end) };
  }
  const target = [...sections].reverse().find((s) => s.name === sectionName);
  if (target) return { text: text.slice(0, target.end) + (text[target.end - 1] === '\n' || target.end === 0 ? '' : '\n') + line + text.slice(target.end) };
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  return { text: text + sep + sectionHeader(typed.sub === null ? typed.section : `${typed.section}.${typed.sub}`) + line };
}

/** Writes a config file the way git does: a ".lock" beside it, renamed over it. */
export async function writeConfigFile(sys: Sys, path: string, text: string): Promise<void> {
  const lock = `${path}.lock`;
  const fd = sys.open(lock, { read: false, write: true, create: true, exclusive: true }, 0o666);
  try {
    await sys.write(fd, utf8(text));
  } finally {
    sys.close(fd);
  }
  sys.rename(lock, path);
}


/** Every variable git sees, from every file, in reading order. */
export class ConfigSet {
  constructor(readonly entries: ConfigEntry[]) {}

  /** The last value of a canonical name; undefined when unset, "" for a bare boolean. */
  get(key: string): string | undefined {
    const k = canonicalOrSame(key);
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.key === k) return e.value ?? '';
    }
    return undefined;
  }

  /** Like `get`, but a bare name reads as null (as git's callbacks see it). */
  raw(key: string): string | null | undefined {
    const k = canonicalOrSame(key);
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.key === k) return e.value;
    }
    return undefined;
  }

  all(key: string): (string | null)[] {
    const k = canonicalOrSame(key);
    return this.entries.filter((e) => e.key === k).map((e) => e.value);
  }

  bool(key: string): boolean | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    return parseBool(v) ?? true;
  }
}

function canonicalOrSame(key: string): string {
  const c = canonicalKey(key);
  return 'key' in c ? c.key : key;
}

/** git_parse_maybe_bool: true/yes/on/1 and a bare name are true; false/no/off/0/"" false. */
export function parseBool(value: string | null): boolean | undefined {
  if (value === null) return true;
  const v = value.toLowerCase();
  if (v === 'true' || v === 'yes' || v === 'on') return true;
  if (v === 'false' || v === 'no' || v === 'off' || v === '') return false;
  if (/^-?\d+$/.test(v)) return Number(v) !== 0;
  return undefined;
}

/** Where the files are, for the environment given. */
export interface ConfigPaths {
  system: string | null;
  /** The global files in reading order (XDG first, then ~/.gitconfig). */
  global: string[];
  /** Where `git config --global` writes. */
  globalWrite: string | null;
}

export function configPaths(getenv: (name: string) => string | undefined, exists: (path: string) => boolean): ConfigPaths {
  const noSystem = getenv('GIT_CONFIG_NOSYSTEM');
  const system = noSystem !== undefined && parseBool(noSystem) === true ? null : (getenv('GIT_CONFIG_SYSTEM') ?? '/etc/gitconfig');
  const explicit = getenv('GIT_CONFIG_GLOBAL');
  if (explicit !== undefined) return { system, global: [explicit], globalWrite: explicit };
  const home = getenv('HOME');
  const xdgHome = getenv('XDG_CONFIG_HOME');
  const xdg = xdgHome ? `${xdgHome}/git/config` : home ? `${home}/.config/git/config` : null;
  const user = home ? `${home}/.gitconfig` : null;
  const global = [xdg, user].filter((p): p is string => p !== null);
  // git writes ~/.gitconfig unless only the XDG file exists.
  const globalWrite = user && !exists(user) && xdg && exists(xdg) ? xdg : user;
  return { system, global, globalWrite };
}

/** Loads system, global and (when given) repository configuration, then "-c" and GIT_CONFIG_* pairs. */
export async function loadConfig(sys: Sys, getenv: (name: string) => string | undefined, gitdir: string | null, command: [string, string | null][]): Promise<{ set: ConfigSet; error?: ConfigSyntaxError }> {
  const entries: ConfigEntry[] = [];
  const exists = (p: string) => {
    try {
      sys.stat(p);
      return true;
    } catch (err) {
      if (isProcessControl(err)) throw err;
      return false;
    }
  };
  const paths = configPaths(getenv, exists);
  const files: [string, Scope][] = [];
  if (paths.system) files.push([paths.system, 'system']);
  for (const g of paths.global) files.push([g, 'global']);
  if (gitdir) files.push([`${gitdir}/config`, 'local']);
  for (const [path, scope] of files) {
    let text: string | null;
    try {
      text = await readConfigText(sys, path);
    } catch (err) {
      if (err instanceof FsError && err.code === 'EACCES') continue;
      throw err;
    }
    if (text === null) continue;
    try {
      entries.push(...parseConfig(text, path, scope));
    } catch (err) {
      if (err instanceof ConfigSyntaxError) return { set: new ConfigSet(entries), error: err };
      throw err;
    }
  }
  const count = Number(getenv('GIT_CONFIG_COUNT') ?? '0');
  for (let i = 0; i < count; i++) {
    const k = getenv(`GIT_CONFIG_KEY_${i}`);
    const c = k ? canonicalKey(k) : undefined;
    if (c && 'key' in c) entries.push({ key: c.key, value: getenv(`GIT_CONFIG_VALUE_${i}`) ?? '', scope: 'command', origin: '' });
  }
  for (const [k, v] of command) {
    const c = canonicalKey(k);
    if ('key' in c) entries.push({ key: c.key, value: v, scope: 'command', origin: '' });
  }
  return { set: new ConfigSet(entries) };
}
