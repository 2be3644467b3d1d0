/**
 * What apt decides, and in which order dpkg does it:
 * - which packages an install pulls in (Depends and Pre-Depends, and
 *   Recommends unless --no-install-recommends), first alternative first;
 * - which a removal takes along (the installed packages that depend on it)
 *   and which are then "automatically installed and no longer required";
 * - the unpack order (apt's pkgOrderList::OrderUnpack: packages sorted by
 *   score, each after what it depends on);
 * - the configure order (`dpkg --configure --pending`: dpkg's package
 *   table order, FNV-1a of the name modulo 65521, a package waiting until
 *   what it depends on is configured);
 * - the removal order (by name, each after the packages that depend on it).
 */
import { compareDebVersions, parseRelations, satisfies, type Relation } from './version.ts';
import type { DebIndexEntry } from './index.ts';
import { isInstalled, type StatusEntry } from './state.ts';

/** Names the base images provide virtually (their status files carry no Provides lines). */
const BASE_VIRTUALS = new Set(['awk', 'debconf-2.0', 'perlapi-5.36.0', 'perlapi-5.38.2', 'libc-dev-bin']);

export interface Universe {
  installed: StatusEntry[];
  available: readonly DebIndexEntry[];
}

const providesNames = (field: string | undefined): { name: string; version?: string }[] =>
  parseRelations(field).flatMap((g) => g.map((r) => (r.version ? { name: r.name, version: r.version } : { name: r.name })));

export class Resolver {
  readonly byName = new Map<string, DebIndexEntry>();
  readonly providers = new Map<string, DebIndexEntry[]>();
  readonly installed = new Map<string, StatusEntry>();
  readonly installedProvides = new Map<string, StatusEntry[]>();

  constructor(u: Universe) {
    for (const p of u.available) {
      const cur = this.byName.get(p.name);
      if (!cur || compareDebVersions(p.version, cur.version) > 0) this.byName.set(p.name, p);
    }
    for (const p of this.byName.values()) {
      for (const pv of providesNames(p.provides)) {
        const list = this.providers.get(pv.name) ?? [];
        list.push(p);
        this.providers.set(pv.name, list);
      }
    }
    for (const e of u.installed) {
      if (!isInstalled(e)) continue;
      this.installed.set(e.name, e);
      for (const pv of providesNames(e.provides)) {
        const list = this.installedProvides.get(pv.name) ?? [];
        list.push(e);
        this.installedProvides.set(pv.name, list);
      }
    }
  }

  /** Whether a relation holds on the installed system plus `adding` (minus `removing`). */
  holds(r: Relation, adding: ReadonlyMap<string, DebIndexEntry>, removing: ReadonlySet<string> = new Set()): boolean {
    const inst = this.installed.get(r.name);
    if (inst && !removing.has(r.name) && satisfies(r, inst.version)) return true;
    const add = adding.get(r.name);
    if (add && satisfies(r, add.version)) return true;
    if (!r.op) {
      if ((this.installedProvides.get(r.name) ?? []).some((e) => !removing.has(e.name))) return true;
      for (const p of adding.values()) if (providesNames(p.provides).some((pv) => pv.name === r.name)) return true;
      if (BASE_VIRTUALS.has(r.name) && !removing.size) return true;
    }
    return false;
  }

  /** The archive package that satisfies a relation, if any. */
  candidate(r: Relation): DebIndexEntry | undefined {
    const own = this.byName.get(r.name);
    if (own && satisfies(r, own.version)) return own;
    if (!r.op) return this.providers.get(r.name)?.[0];
    return undefined;
  }

  /**
   * Packages to install for the requested ones (in the order apt marks them).
   * Unmet dependencies are reported as [package, relation text].
   */
  install(requested: readonly DebIndexEntry[], recommends: boolean): { add: Map<string, DebIndexEntry>; broken: [string, string][] } {
    const add = new Map<string, DebIndexEntry>();
    const broken: [string, string][] = [];
    const mark = (p: DebIndexEntry) => {
      const inst = this.installed.get(p.name);
      if ((inst && inst.version === p.version) || add.has(p.name)) return;
      add.set(p.name, p);
      const groups = [...parseRelations(p.preDepends), ...parseRelations(p.depends)];
      for (const g of groups) {
        if (g.some((r) => this.holds(r, add))) continue;
        const pick = g.map((r) => this.candidate(r)).find((c) => c !== undefined);
        if (pick) mark(pick);
        else broken.push([p.name, g.map((r) => (r.op ? `${r.name} (${r.op} ${r.version})` : r.name)).join(' | ')]);
      }
      if (recommends) {
        for (const g of parseRelations(p.recommends)) {
          if (g.some((r) => this.holds(r, add))) continue;
          const pick = g.map((r) => this.candidate(r)).find((c) => c !== undefined);
          if (pick) mark(pick);
        }
      }
    };
    for (const p of requested) mark(p);
    return { add, broken };
  }

  /** Installed packages that (transitively) depend on the ones being removed, with them. */
  removalClosure(names: readonly string[]): Set<string> {
    const out = new Set(names);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of this.installed.values()) {
        if (out.has(e.name)) continue;
        const groups = [...parseRelations(e.preDepends), ...parseRelations(e.depends)];
        if (groups.some((g) => g.some((r) => out.has(r.name) || this.providedOnlyBy(r.name, out)) && !g.some((r) => this.holds(r, new Map(), out)))) {
          out.add(e.name);
          grew = true;
        }
      }
    }
    return out;
  }

  private providedOnlyBy(name: string, removing: ReadonlySet<string>): boolean {
    const list = this.installedProvides.get(name) ?? [];
    return list.length > 0 && list.every((e) => removing.has(e.name));
  }

  /**
   * Automatically installed packages nothing manual needs any more
   * (Depends, Pre-Depends and Recommends keep a package; Suggests do not).
   */
  autoremovable(auto: ReadonlySet<string>, removing: ReadonlySet<string>): string[] {
    const keep = new Set<string>();
    const visit = (name: string) => {
      if (keep.has(name) || removing.has(name)) return;
      const e = this.installed.get(name);
      if (!e) return;
      keep.add(name);
      const avail = this.byName.get(name);
      const fields = [e.preDepends, e.depends, avail && avail.version === e.version ? avail.recommends : undefined];
      for (const g of fields.flatMap((f) => parseRelations(f))) {
        for (const r of g) {
          if (this.installed.has(r.name)) visit(r.name);
          for (const p of this.installedProvides.get(r.name) ?? []) visit(p.name);
        }
      }
    };
    for (const name of this.installed.keys()) if (!auto.has(name)) visit(name);
    return [...this.installed.keys()].filter((n) => !keep.has(n) && !removing.has(n)).sort();
  }
}

const PRIORITY_SCORE: Record<string, number> = { required: 5, important: 4, standard: 3, optional: 1, extra: 0 };

/** apt's unpack order for a set of new packages (OrderUnpack's first pass, which fixes it for these). */
export function unpackOrder(add: ReadonlyMap<string, DebIndexEntry>): DebIndexEntry[] {
  const score = (p: DebIndexEntry) => (p.essential ? 200 : 0) + (p.preDepends ? 50 : 0) + (PRIORITY_SCORE[p.priority] ?? 0);
  const list = [...add.values()].sort((a, b) => score(b) - score(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const targets = (name: string): DebIndexEntry[] => {
    const out: DebIndexEntry[] = [];
    const own = add.get(name);
    if (own) out.push(own);
    for (const p of add.values()) if (p !== own && providesNames(p.provides).some((pv) => pv.name === name)) out.push(p);
    return out;
  };
  const done = new Set<DebIndexEntry>();
  const pending = new Set<DebIndexEntry>();
  const out: DebIndexEntry[] = [];
  const visit = (p: DebIndexEntry) => {
    if (done.has(p) || pending.has(p)) return;
    pending.add(p);
    for (const g of [...parseRelations(p.preDepends), ...parseRelations(p.depends)]) for (const r of g) for (const t of targets(r.name)) visit(t);
    pending.delete(p);
    done.add(p);
    out.push(p);
  };
  for (const p of list) visit(p);
  return out;
}

/** dpkg's package table order: FNV-1a of the name, modulo its 65521 buckets. */
export function dpkgHash(name: string): number {
  let h = 0x811c9dc5;
  for (const c of new TextEncoder().encode(name)) {
    h ^= c;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 65521;
}

/** `dpkg --configure --pending`: table order, each package after the pending ones it depends on. */
export function configureOrder(pendingPkgs: readonly DebIndexEntry[]): DebIndexEntry[] {
  const queue = [...pendingPkgs].sort((a, b) => dpkgHash(a.name) - dpkgHash(b.name));
  const waiting = new Set(queue.map((p) => p.name));
  const provided = new Map<string, string[]>();
  for (const p of queue) for (const pv of providesNames(p.provides)) provided.set(pv.name, [...(provided.get(pv.name) ?? []), p.name]);
  const ready = (p: DebIndexEntry) =>
    [...parseRelations(p.preDepends), ...parseRelations(p.depends)].every((g) =>
      g.some((r) => !waiting.has(r.name) && (provided.get(r.name) ?? []).every((n) => !waiting.has(n) || n === p.name)),
    );
  const out: DebIndexEntry[] = [];
  let stalled = 0;
  while (queue.length) {
    const p = queue.shift()!;
    if (ready(p) || stalled > queue.length) {
      out.push(p);
      waiting.delete(p.name);
      stalled = 0;
    } else {
      queue.push(p);
      stalled++;
    }
  }
  return out;
}

/** apt's removal order: by name, each package after the installed ones (being removed) that depend on it. */
export function removalOrder(names: readonly string[], installed: ReadonlyMap<string, StatusEntry>): string[] {
  const set = new Set(names);
  const done = new Set<string>();
  const out: string[] = [];
  const dependents = (name: string) =>
    [...set].filter((n) => n !== name && [...parseRelations(installed.get(n)?.preDepends), ...parseRelations(installed.get(n)?.depends)].some((g) => g.some((r) => r.name === name))).sort();
  const visit = (name: string, stack: Set<string>) => {
    if (done.has(name) || stack.has(name)) return;
    stack.add(name);
    for (const d of dependents(name)) visit(d, stack);
    stack.delete(name);
    done.add(name);
    out.push(name);
  };
  for (const n of [...set].sort()) visit(n, new Set());
  return out;
}
