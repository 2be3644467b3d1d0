/**
 * Debian version order (deb-version(7)): epoch, then upstream version and
 * revision compared by alternating non-digit and digit runs, where `~` sorts
 * before everything, even the end of the string. And the relationship syntax
 * of Depends and friends: `libc6 (>= 2.34), debconf (>= 0.5) | debconf-2.0`.
 */

function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (/[0-9]/.test(c)) return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let first = 0;
    while ((i < a.length && !/[0-9]/.test(a[i]!)) || (j < b.length && !/[0-9]/.test(b[j]!))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (i < a.length && /[0-9]/.test(a[i]!) && j < b.length && /[0-9]/.test(b[j]!)) {
      if (!first) first = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && /[0-9]/.test(a[i]!)) return 1;
    if (j < b.length && /[0-9]/.test(b[j]!)) return -1;
    if (first) return first;
  }
  return 0;
}

function split(v: string): [number, string, string] {
  const colon = v.indexOf(':');
  const epoch = colon >= 0 ? Number(v.slice(0, colon)) : 0;
  const rest = colon >= 0 ? v.slice(colon + 1) : v;
  const dash = rest.lastIndexOf('-');
  return dash >= 0 ? [epoch, rest.slice(0, dash), rest.slice(dash + 1)] : [epoch, rest, ''];
}

export function compareDebVersions(a: string, b: string): number {
  const [ea, ua, ra] = split(a);
  const [eb, ub, rb] = split(b);
  if (ea !== eb) return Math.sign(ea - eb);
  return Math.sign(compareFragment(ua, ub) || compareFragment(ra, rb));
}

export interface Relation {
  name: string;
  op?: '<<' | '<=' | '=' | '>=' | '>>';
  version?: string;
}

/** A relationship field: a list of or-groups. `:any` and `:amd64` qualifiers are dropped. */
export function parseRelations(field: string | undefined): Relation[][] {
  if (!field) return [];
  return field
    .split(',')
    .map((group) =>
      group
        .split('|')
        .map((alt) => alt.trim())
        .filter((alt) => alt !== '')
        .map((alt): Relation => {
          const m = /^([^\s(:]+)(?::\S+)?\s*(?:\(\s*(<<|<=|=|>=|>>|<|>)\s*([^)\s]+)\s*\))?/.exec(alt);
          const r: Relation = { name: m?.[1] ?? alt };
          if (m?.[2]) {
            r.op = (m[2] === '<' ? '<=' : m[2] === '>' ? '>=' : m[2]) as Relation['op'];
            r.version = m[3]!;
          }
          return r;
        }),
    )
    .filter((g) => g.length > 0);
}

export function satisfies(r: Relation, version: string | undefined): boolean {
  if (!r.op || r.version === undefined) return true;
  if (version === undefined) return false;
  const c = compareDebVersions(version, r.version);
  switch (r.op) {
    case '<<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '=':
      return c === 0;
    case '>=':
      return c >= 0;
    case '>>':
      return c > 0;
  }
}
