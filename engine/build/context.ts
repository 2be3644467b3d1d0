/**
 * The build context: the tar the client sends (`docker build .`), read into
 * a map of paths, and `.dockerignore` as moby's patternmatcher reads it.
 *
 *     const ctx = await readContext(tarBytes);
 *     const ignore = new IgnoreMatcher(parseDockerignore('node_modules\n!keep.txt\n'));
 *     ignore.matches('node_modules/x/y.js'); // true (a parent matches)
 *
 * Pattern rules (patternmatcher): each line is cleaned (`filepath.Clean`), a
 * leading `/` dropped; `#` lines are comments; `!` makes an exception; `*`
 * and `?` stay within one path element, `**` spans any number; a path is
 * excluded when it or one of its parent directories matches, and the last
 * matching pattern decides.
 */
import { streamOf } from '../common/stream.ts';
import { clean } from '../common/gopath.ts';
import { readTar, type TarEntryType } from '../image/tar.ts';

export interface ContextFile {
  /** Clean, relative, no leading `./`: `src/app.js`. */
  path: string;
  type: TarEntryType;
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
  linkname: string;
  data: Uint8Array;
}

export class BuildContext {
  readonly files = new Map<string, ContextFile>();

  get(path: string): ContextFile | undefined {
    return this.files.get(contextPath(path));
  }

  /** Paths under `dir` ('' for the root), sorted. */
  under(dir: string): ContextFile[] {
    const d = contextPath(dir);
    const prefix = d === '' ? '' : `${d}/`;
    return [...this.files.values()].filter((f) => f.path.startsWith(prefix) && f.path !== d).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  isDir(path: string): boolean {
    const p = contextPath(path);
    if (p === '') return true;
    const f = this.files.get(p);
    if (f) return f.type === 'dir';
    return [...this.files.keys()].some((k) => k.startsWith(`${p}/`));
  }

  exists(path: string): boolean {
    const p = contextPath(path);
    return p === '' || this.files.has(p) || [...this.files.keys()].some((k) => k.startsWith(`${p}/`));
  }

  /** Drops what `.dockerignore` excludes (the Dockerfile and .dockerignore stay, as Docker's client keeps them). */
  applyIgnore(matcher: IgnoreMatcher, keep: string[] = []): void {
    const kept = new Set(keep.map(contextPath));
    for (const p of [...this.files.keys()]) if (!kept.has(p) && matcher.matches(p)) this.files.delete(p);
  }
}

/** A path as the context map keys it. */
export function contextPath(p: string): string {
  const c = clean(`/${p}`).slice(1);
  return c;
}

/** Reads the context tar. */
export async function readContext(tar: Uint8Array): Promise<BuildContext> {
  const ctx = new BuildContext();
  if (tar.length === 0) return ctx;
  for await (const e of readTar(streamOf(tar))) {
    const path = contextPath(e.header.name);
    if (path === '') continue;
    ctx.files.set(path, { path, type: e.header.type, mode: e.header.mode, uid: e.header.uid, gid: e.header.gid, mtimeMs: e.header.mtimeMs, linkname: e.header.linkname, data: e.data });
  }
  return ctx;
}

export interface IgnorePattern {
  pattern: string;
  exclusion: boolean;
  re: RegExp;
}

/** The lines of a `.dockerignore` (moby's ignorefile.ReadAll). */
export function parseDockerignore(text: string): string[] {
  const out: string[] = [];
  for (let line of text.replace(/^\uFEFF/, '').split('\n')) {
    line = line.replace(/\r$/, '');
    if (line.startsWith('#')) continue;
    line = line.trim();
    if (line === '') continue;
    let invert = false;
    if (line.startsWith('!')) {
      invert = true;
      line = line.slice(1).trim();
    }
    if (line.length > 0) {
      line = clean(line);
      if (line.startsWith('/') && line.length > 1) line = line.slice(1);
      else if (line === '/') line = '.';
    }
    out.push(invert ? `!${line}` : line);
  }
  return out;
}

/** patternmatcher's compile: a Go filepath.Match pattern with `**`, as a regular expression. */
export function patternRegExp(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        if (i + 1 >= pattern.length) re += '.*';
        else re += '(.*/)?';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '\\') {
      i++;
      if (i < pattern.length) re += escapeRe(pattern[i]!);
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        let cls = pattern.slice(i + 1, end);
        if (cls.startsWith('^')) cls = `^${cls.slice(1)}`;
        else if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += escapeRe(ch);
  }
  return new RegExp(re + '$');
}

const escapeRe = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export class IgnoreMatcher {
  readonly patterns: IgnorePattern[];

  constructor(lines: string[]) {
    this.patterns = lines
      .filter((l) => l !== '' && l !== '!')
      .map((l) => {
        const exclusion = l.startsWith('!');
        const pattern = exclusion ? l.slice(1) : l;
        return { pattern, exclusion, re: patternRegExp(pattern) };
      });
  }

  /** Whether `path` (or one of its parents) is excluded (patternmatcher.MatchesOrParentMatches). */
  matches(path: string): boolean {
    const p = contextPath(path);
    const parents = p.split('/');
    let matched = false;
    for (const pat of this.patterns) {
      if (pat.exclusion !== matched) continue;
      let hit = pat.re.test(p);
      if (!hit) {
        for (let i = 1; i < parents.length && !hit; i++) hit = pat.re.test(parents.slice(0, i).join('/'));
      }
      if (hit) matched = !pat.exclusion;
    }
    return matched;
  }
}

/** Go's filepath.Match for one path (COPY sources): `*`, `?` and classes stay within an element. */
export function globMatch(pattern: string, path: string): boolean {
  return patternRegExp(pattern.replace(/\*\*/g, '*')).test(path);
}

export const hasWildcard = (p: string): boolean => /[*?[]/.test(p);
