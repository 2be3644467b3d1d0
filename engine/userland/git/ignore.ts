/**
 * Which untracked files git ignores: patterns from every `.gitignore` on the
 * way to a file, `.git/info/exclude` and core.excludesFile (by default
 * ~/.config/git/ignore). A deeper .gitignore beats a shallower one, which
 * beats info/exclude, which beats core.excludesFile; within one file the last
 * matching line wins. A file inside an ignored directory stays ignored: git
 * never looks inside.
 *
 *     build/        a directory named build, anywhere
 *     /TODO         TODO at the top only (a slash anchors the pattern)
 *     *.log         by file name, in any directory
 *     !keep.log     …except this one
 */
import { fromUtf8 } from '../../common/bytes.ts';
import type { Sys } from '../../kernel/sys.ts';
import { readFile } from '../lib/io.ts';
import { rethrowControl } from './context.ts';
import { wildmatchRegExp } from './wildmatch.ts';

interface Rule {
  re: RegExp;
  negate: boolean;
  dirOnly: boolean;
  /** No slash in the pattern: it is matched against the last path component. */
  basename: boolean;
  /** Directory of the file it came from, relative to the work tree ("" or "sub/"). */
  base: string;
}

export function parseIgnore(text: string, base: string): Rule[] {
  const rules: Rule[] = [];
  for (let line of text.split('\n')) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '' || line.startsWith('#')) continue;
    // Trailing spaces go, unless escaped.
    line = line.replace(/(?<!\\)[ ]+$/, '');
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    let dirOnly = false;
    if (line.endsWith('/')) {
      dirOnly = true;
      line = line.replace(/\/+$/, '');
    }
    if (line === '') continue;
    const basename = !line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    rules.push({ re: wildmatchRegExp(line, { pathname: true }), negate, dirOnly, basename, base });
  }
  return rules;
}

export class IgnoreRules {
  /** Per directory ("" is the top): the rules of its .gitignore. */
  private perDir = new Map<string, Rule[]>();
  private global: Rule[] = [];

  private constructor(
    private readonly sys: Sys,
    private readonly worktree: string,
  ) {}

  static async load(sys: Sys, worktree: string, gitdir: string, excludesFile: string | undefined, home: string | undefined, xdg: string | undefined): Promise<IgnoreRules> {
    const r = new IgnoreRules(sys, worktree);
    const userFile = excludesFile !== undefined ? expandHome(excludesFile, home) : xdg ? `${xdg}/git/ignore` : home ? `${home}/.config/git/ignore` : undefined;
    if (userFile) r.global.push(...parseIgnore((await r.read(userFile)) ?? '', ''));
    r.global.push(...parseIgnore((await r.read(`${gitdir}/info/exclude`)) ?? '', ''));
    return r;
  }

  private async read(path: string): Promise<string | null> {
    try {
      return fromUtf8(await readFile(this.sys, path));
    } catch (err) {
      rethrowControl(err);
      return null;
    }
  }

  private async rulesOf(dir: string): Promise<Rule[]> {
    let rules = this.perDir.get(dir);
    if (!rules) {
      const text = await this.read(`${this.worktree}/${dir}.gitignore`);
      rules = text === null ? [] : parseIgnore(text, dir);
      this.perDir.set(dir, rules);
    }
    return rules;
  }

  /** Whether `path` itself matches, ignoring its parents (the walker never enters ignored directories). */
  async matches(path: string, isDir: boolean): Promise<boolean> {
    const parts = path.split('/');
    const name = parts[parts.length - 1]!;
    // Deepest .gitignore first, then the top, then info/exclude and the user's file.
    const dirs: string[] = [];
    for (let i = parts.length - 1; i >= 0; i--) dirs.push(parts.slice(0, i).map((p) => p + '/').join(''));
    for (const dir of dirs) {
      const verdict = decide(await this.rulesOf(dir), path, name, isDir);
      if (verdict !== undefined) return verdict;
    }
    return decide(this.global, path, name, isDir) ?? false;
  }

  /** Whether `path` or any directory above it is ignored. */
  async ignored(path: string, isDir: boolean): Promise<boolean> {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) if (await this.matches(parts.slice(0, i).join('/'), true)) return true;
    return this.matches(path, isDir);
  }
}

function decide(rules: Rule[], path: string, name: string, isDir: boolean): boolean | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i]!;
    if (r.dirOnly && !isDir) continue;
    if (!path.startsWith(r.base)) continue;
    const subject = r.basename ? name : path.slice(r.base.length);
    if (r.re.test(subject)) return !r.negate;
  }
  return undefined;
}

function expandHome(path: string, home: string | undefined): string {
  return path.startsWith('~/') && home ? home + path.slice(1) : path;
}
