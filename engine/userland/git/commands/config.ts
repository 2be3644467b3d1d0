/**
 * `git config`: read and write configuration files.
 *
 *     git config user.name                   print a value (exit 1 when unset)
 *     git config user.name "Ada Lovelace"    set it in the repository's .git/config
 *     git config --global user.email a@b.c   …or in ~/.gitconfig
 *     git config --list                      every variable, from every file
 *     git config --unset user.name           remove it
 */
import { FsError, strerror } from '../../../fs/errno.ts';
import { canonicalKey, ConfigSyntaxError, configPaths, editConfig, parseBool, parseConfig, readConfigText, writeConfigFile, type ConfigEntry, type Scope } from '../config.ts';
import { Exit, rethrowControl, type Git } from '../context.ts';
import type { Repo } from '../repo.ts';
import { USAGE } from '../usage.ts';
import { parse, type Command } from './command.ts';

type Action = 'get' | 'get-all' | 'get-regexp' | 'set' | 'add' | 'replace-all' | 'unset' | 'unset-all' | 'list' | 'remove-section' | 'rename-section' | 'edit';

export const config: Command = {
  setup: 'gently',
  usage: USAGE.config,
  async run(g, args, repo) {
    const o = await parse(
      g,
      args,
      [
        { id: 'global', long: 'global' },
        { id: 'system', long: 'system' },
        { id: 'local', long: 'local' },
        { id: 'worktree', long: 'worktree' },
        { id: 'file', short: 'f', long: 'file', arg: 'required' },
        { id: 'get', long: 'get' },
        { id: 'get-all', long: 'get-all' },
        { id: 'get-regexp', long: 'get-regexp' },
        { id: 'replace-all', long: 'replace-all' },
        { id: 'add', long: 'add' },
        { id: 'unset', long: 'unset' },
        { id: 'unset-all', long: 'unset-all' },
        { id: 'rename-section', long: 'rename-section' },
        { id: 'remove-section', long: 'remove-section' },
        { id: 'list', short: 'l', long: 'list' },
        { id: 'edit', short: 'e', long: 'edit' },
        { id: 'type', short: 't', long: 'type', arg: 'required' },
        { id: 'bool', long: 'bool' },
        { id: 'int', long: 'int' },
        { id: 'path', long: 'path' },
        { id: 'null', short: 'z', long: 'null' },
        { id: 'name-only', long: 'name-only' },
        { id: 'show-origin', long: 'show-origin' },
        { id: 'show-scope', long: 'show-scope' },
        { id: 'default', long: 'default', arg: 'required' },
        { id: 'includes', long: 'includes' },
      ],
      USAGE.config,
    );
    const actions = (['get', 'get-all', 'get-regexp', 'replace-all', 'add', 'unset', 'unset-all', 'rename-section', 'remove-section', 'list', 'edit'] as const).filter((a) => o.flag(a));
    if (actions.length > 1) {
      await g.error('only one action at a time');
      await g.err.write(USAGE.config);
      throw new Exit(129);
    }
    let action: Action | undefined = actions[0];
    const argv = o.args;
    if (!action) {
      if (argv.length === 1) action = 'get';
      else if (argv.length === 2 || argv.length === 3) action = 'set';
      else {
        await g.err.write(USAGE.config);
        throw new Exit(129);
      }
    }
    const type = o.flag('bool') ? 'bool' : o.flag('int') ? 'int' : o.flag('path') ? 'path' : o.str('type');
    const scopes = (['global', 'system', 'local', 'worktree'] as const).filter((s) => o.flag(s));
    const file = o.str('file');
    if (scopes.length + (file ? 1 : 0) > 1) {
      await g.error('only one config file at a time');
      await g.err.write(USAGE.config);
      throw new Exit(129);
    }
    const paths = configPaths((n) => g.getenv(n), (p) => exists(g, p));
    let target: { path: string; scope: Scope } | null = null;
    if (file) target = { path: file, scope: 'command' };
    else if (o.flag('global')) {
      if (!paths.globalWrite) return g.die('$HOME not set');
      target = { path: paths.globalWrite, scope: 'global' };
    } else if (o.flag('system')) target = { path: paths.system ?? '/etc/gitconfig', scope: 'system' };
    else if (o.flag('local') || o.flag('worktree')) {
      if (!repo) return g.die('--local can only be used inside a git repository');
      target = { path: `${repo.gitdir}/config`, scope: 'local' };
    }
    const nul = o.flag('null');
    const term = nul ? '\0' : '\n';
    const sep = nul ? '\n' : '=';

    /** --show-scope and --show-origin columns. */
    const show = (e: ConfigEntry) => {
      let line = '';
      if (o.flag('show-scope')) line += `${e.scope}\t`;
      if (o.flag('show-origin')) line += `${e.scope === 'command' && !file ? 'command line:' : `file:${originOf(e, repo)}`}\t`;
      return line;
    };

    const writeTarget = (): { path: string; scope: Scope } => {
      if (target) return target;
      if (!repo) return g.die('not in a git directory') as never;
      return { path: `${repo.gitdir}/config`, scope: 'local' };
    };

    if (action === 'list') {
      const entries = target ? await readScope(g, target.path, target.scope) : g.config.entries;
      let out = '';
      for (const e of entries) {
        out += show(e);
        out += e.value === null ? e.key : `${e.key}${sep}${e.value}`;
        out += term;
      }
      await g.out.write(out);
      return 0;
    }

    if (action === 'get' || action === 'get-all' || action === 'get-regexp') {
      const [name, valuePattern] = argv;
      if (name === undefined) return usageError(g);
      let entries = target ? await readScope(g, target.path, target.scope) : g.config.entries;
      let keyMatch: (k: string) => boolean;
      if (action === 'get-regexp') {
        let re: RegExp;
        try {
          re = new RegExp(name);
        } catch {
          await g.error(`invalid key pattern: ${name}`);
          return 6;
        }
        keyMatch = (k) => re.test(k);
      } else {
        const c = canonicalKey(name);
        if ('error' in c) {
          await g.error(c.error);
          return 1;
        }
        keyMatch = (k) => k === c.key;
      }
      entries = entries.filter((e) => keyMatch(e.key) && (valuePattern === undefined || new RegExp(valuePattern).test(e.value ?? '')));
      if (entries.length === 0) {
        const dflt = o.str('default');
        if (dflt !== undefined && action === 'get') {
          await g.out.write(`${await typed(g, name, dflt, type)}${term}`);
          return 0;
        }
        return 1;
      }
      const chosen = action === 'get' ? [entries[entries.length - 1]!] : entries;
      let out = '';
      for (const e of chosen) {
        out += show(e);
        if (action === 'get-regexp') {
          out += e.key;
          if (!o.flag('name-only')) out += e.value === null ? '' : `${nul ? '\n' : ' '}${await typed(g, e.key, e.value, type)}`;
        } else out += e.value === null && type === undefined ? '' : await typed(g, e.key, e.value, type);
        out += term;
      }
      await g.out.write(out);
      return 0;
    }

    if (action === 'edit') return g.die('editing configuration files is not supported by Berth; use git config <name> <value>');

    if (action === 'remove-section' || action === 'rename-section') {
      const t = writeTarget();
      const [section, newName] = argv;
      if (section === undefined || (action === 'rename-section' && newName === undefined)) return usageError(g);
      const text = (await readConfigText(g.sys, t.path)) ?? '';
      const result = editSection(text, section, action === 'rename-section' ? newName! : null);
      if (result === null) return g.die(`no such section: ${section}`);
      await write(g, t.path, result);
      return 0;
    }

    // set, add, replace-all, unset, unset-all
    const [name, value] = argv;
    if (name === undefined) return usageError(g);
    const c = canonicalKey(name);
    if ('error' in c) {
      await g.error(c.error);
      return 1;
    }
    const t = writeTarget();
    const text = (await readConfigText(g.sys, t.path)) ?? '';
    if (action === 'unset' || action === 'unset-all') {
      const r = editConfig(text, t.path, { key: c.key, value: null, all: action === 'unset-all' });
      if ('error' in r) {
        if (r.error === 'multiple') await g.warning(`${name} has multiple values`);
        return 5;
      }
      await write(g, t.path, dropEmptySections(r.text));
      return 0;
    }
    if (value === undefined) return usageError(g);
    const stored = type ? await typed(g, name, value, type) : value;
    const r = editConfig(text, t.path, { key: c.key, spelled: name, value: stored, add: action === 'add', all: action === 'replace-all' });
    if ('error' in r) {
      await g.warning(`${name} has multiple values`);
      await g.error(`cannot overwrite multiple values with a single value\n       Use a regexp, --add or --replace-all to change ${name}.`);
      return 5;
    }
    await write(g, t.path, r.text);
    return 0;
  },
};

async function usageError(g: Git): Promise<never> {
  await g.error('wrong number of arguments, should be 1');
  await g.err.write(USAGE.config!);
  throw new Exit(129);
}

function exists(g: Git, path: string): boolean {
  try {
    g.sys.stat(path);
    return true;
  } catch (err) {
    rethrowControl(err);
    return false;
  }
}

function originOf(e: ConfigEntry, repo: Repo | null): string {
  if (repo && e.origin === `${repo.gitdir}/config` && repo.worktree && repo.gitdir === `${repo.worktree}/.git`) return '.git/config';
  return e.origin;
}

async function readScope(g: Git, path: string, scope: Scope): Promise<ConfigEntry[]> {
  const text = await readConfigText(g.sys, path);
  if (text === null) {
    if (scope === 'command' || scope === 'global' || scope === 'system') {
      if (scope === 'command') return g.die(`unable to read config file '${path}': No such file or directory`);
    }
    return [];
  }
  try {
    return parseConfig(text, path, scope);
  } catch (err) {
    if (err instanceof ConfigSyntaxError) return g.die(`bad config line ${err.line} in file ${path}`);
    throw err;
  }
}

async function write(g: Git, path: string, text: string): Promise<void> {
  try {
    await writeConfigFile(g.sys, path, text);
  } catch (err) {
    if (err instanceof FsError) {
      if (err.code === 'EEXIST') {
        await g.error(`could not lock config file ${path}: File exists`);
        throw new Exit(255);
      }
      await g.error(`could not lock config file ${path}: ${strerror(err.code)}`);
      throw new Exit(255);
    }
    throw err;
  }
}

/** --type: canonical values ("yes" → "true"), or git's complaint. */
async function typed(g: Git, name: string, value: string | null, type: string | undefined): Promise<string> {
  if (type === undefined) return value ?? '';
  if (type === 'bool') {
    const b = parseBool(value);
    if (b === undefined) return g.die(`bad boolean config value '${value}' for '${name}'`);
    return b ? 'true' : 'false';
  }
  if (type === 'int') {
    const m = /^(-?\d+)([kmg]?)$/i.exec(value ?? '');
    if (!m) return g.die(`bad numeric config value '${value}' for '${name}': invalid unit`);
    const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
    return String(Number(m[1]) * unit);
  }
  if (type === 'path') {
    const home = g.getenv('HOME');
    return value !== null && value.startsWith('~/') && home ? home + value.slice(1) : (value ?? '');
  }
  return value ?? '';
}

/** Removes (newName null) or renames every header of `section`; null when there is none. */
function editSection(text: string, section: string, newName: string | null): string | null {
  const lower = section.toLowerCase();
  const lines = text.split(/(?<=\n)/);
  let found = false;
  let inside = false;
  const out: string[] = [];
  for (const line of lines) {
    const m = /^\s*\[([^\]"\s]+)(?:\s+"((?:[^"\\]|\\.)*)")?\]/.exec(line);
    if (m) {
      const name = m[2] === undefined ? m[1]!.toLowerCase() : `${m[1]!.toLowerCase()}.${m[2]}`;
      inside = name === lower || (m[2] === undefined && name === lower);
      if (inside) {
        found = true;
        if (newName !== null) {
          const dot = newName.indexOf('.');
          out.push(dot < 0 ? `[${newName}]\n` : `[${newName.slice(0, dot)} "${newName.slice(dot + 1)}"]\n`);
        }
        continue;
      }
    }
    if (inside && newName === null) continue;
    out.push(line);
  }
  return found ? out.join('') : null;
}

/** After an unset, a section header left with nothing under it goes too. */
function dropEmptySections(text: string): string {
  const lines = text.split(/(?<=\n)/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*\[[^\]]*\]\s*$/.test(line)) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === '') j++;
      if (j >= lines.length || /^\s*\[/.test(lines[j]!)) {
        // Only drop it when nothing (not even a comment) belongs to it.
        const between = lines.slice(i + 1, j);
        if (between.every((l) => l.trim() === '')) continue;
      }
    }
    out.push(line);
  }
  return out.join('');
}
