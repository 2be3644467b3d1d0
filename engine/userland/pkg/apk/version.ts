/**
 * apk's version order and dependency syntax (apk-tools' version.c and
 * blob.c): `1.2.3_rc1-r0` < `1.2.3-r0` < `1.2.3_p1-r0`, and dependencies
 * such as `curl`, `musl>=1.2.3_git20230424`, `busybox=1.36.1-r29`, `!foo`.
 */

const SUFFIX_RANK: Record<string, number> = { alpha: 0, beta: 1, pre: 2, rc: 3, '': 4, cvs: 5, svn: 6, git: 7, hg: 8, p: 9 };

interface Parsed {
  numbers: string[];
  letter: string;
  suffixes: [number, number][];
  rev: number;
}

function parse(v: string): Parsed {
  let rest = v;
  let rev = 0;
  const r = /-r(\d+)$/.exec(rest);
  if (r) {
    rev = Number(r[1]);
    rest = rest.slice(0, r.index);
  }
  rest = rest.replace(/~[0-9a-f]+$/, '');
  const [main = '', ...sfx] = rest.split('_');
  const m = /^([\d.]*\d)?([a-z]?)$/.exec(main);
  const numbers = (m?.[1] ?? main).split('.');
  const letter = m?.[2] ?? '';
  const suffixes = sfx.map((s): [number, number] => {
    const sm = /^([a-z]+)(\d*)$/.exec(s);
    return [SUFFIX_RANK[sm?.[1] ?? ''] ?? 4, Number(sm?.[2] || 0)];
  });
  return { numbers, letter, suffixes, rev };
}

/** -1, 0 or 1, as apk orders versions. */
export function compareVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  const n = Math.max(x.numbers.length, y.numbers.length);
  for (let i = 0; i < n; i++) {
    const p = x.numbers[i];
    const q = y.numbers[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    // After the first component, a leading zero means a decimal fraction (1.05 < 1.5).
    const c = i > 0 && (p.startsWith('0') || q.startsWith('0')) ? (p < q ? -1 : p > q ? 1 : 0) : Math.sign(Number(p) - Number(q));
    if (c !== 0) return c;
  }
  if (x.letter !== y.letter) return x.letter < y.letter ? -1 : 1;
  const m = Math.max(x.suffixes.length, y.suffixes.length);
  for (let i = 0; i < m; i++) {
    const [ra, na] = x.suffixes[i] ?? [4, 0];
    const [rb, nb] = y.suffixes[i] ?? [4, 0];
    if (ra !== rb) return ra < rb ? -1 : 1;
    if (na !== nb) return na < nb ? -1 : 1;
  }
  return Math.sign(x.rev - y.rev);
}

export interface Dep {
  name: string;
  op?: '=' | '<' | '>' | '<=' | '>=' | '~' | '><';
  version?: string;
  conflict?: boolean;
  /** The text as written, for messages ("world[curl]"). */
  text: string;
}

/** Parses one dependency; null when it is not valid apk syntax. */
export function parseDep(text: string): Dep | null {
  const m = /^(!?)([^\s<>=~!]+)(?:(<=|>=|><|<|>|=|~)([^\s]+))?$/.exec(text);
  if (!m) return null;
  const dep: Dep = { name: m[2]!, text };
  if (m[1]) dep.conflict = true;
  if (m[3]) {
    dep.op = m[3] as Dep['op'];
    dep.version = m[4]!;
  }
  return dep;
}

/** Whether a package version satisfies the dependency's version constraint. */
export function versionSatisfies(dep: Dep, version: string | undefined): boolean {
  if (!dep.op || dep.version === undefined) return true;
  if (version === undefined) return false;
  const c = compareVersions(version, dep.version);
  switch (dep.op) {
    case '=':
      return c === 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '>=':
      return c >= 0;
    case '~':
      return version === dep.version || version.startsWith(dep.version + '.') || version.startsWith(dep.version + '-') || version.startsWith(dep.version + '_');
    case '><':
      return c !== 0;
  }
}
