/**
 * Choosing packages for the world, and the changeset that gets there, in the
 * order apk-tools 2.14's solver produces (solver.c, generate_changeset):
 * world entries in order, each package after its dependencies (depth first,
 * in the order its D: line lists them), then the installed packages in
 * database order, where those nothing needs any more are purged, each after
 * the installed packages that depend on it.
 *
 * Installed packages count as available, so world entries for packages from
 * repositories Berth does not carry (nginx.org's, a virtual .build-deps)
 * stay satisfied.
 */
import type { InstalledApk } from './db.ts';
import type { IndexedApk } from './index.ts';
import { compareVersions, parseDep, versionSatisfies, type Dep } from './version.ts';

/** A package the solver can choose: installed, from a repository, or both. */
export interface Candidate {
  name: string;
  version: string;
  depends: string[];
  provides: string[];
  installIf: string[];
  installed?: InstalledApk;
  index?: IndexedApk;
}

export interface Change {
  old?: Candidate;
  new?: Candidate;
}

export type SolveError =
  | { kind: 'missing'; name: string; requiredBy: string[] }
  | { kind: 'breaks'; pkg: Candidate; breaks: string[] };

export interface Solution {
  changes: Change[];
  errors: SolveError[];
}

const providedName = (p: string) => p.replace(/[=<>~].*$/, '');
const providedVersion = (p: string) => (/=(.+)$/.exec(p)?.[1]);

function candidates(installed: readonly InstalledApk[], available: readonly IndexedApk[]) {
  const all: Candidate[] = [];
  const byKey = new Map<string, Candidate>();
  for (const i of installed) {
    const c: Candidate = { name: i.name, version: i.version, depends: i.depends, provides: i.provides, installIf: i.installIf, installed: i };
    all.push(c);
    byKey.set(`${i.name}-${i.version}`, c);
  }
  for (const p of available) {
    const same = byKey.get(`${p.name}-${p.version}`);
    if (same) {
      same.index = p;
      continue;
    }
    all.push({ name: p.name, version: p.version, depends: p.depends ?? [], provides: p.provides ?? [], installIf: p.installIf ?? [], index: p });
  }
  const providers = new Map<string, { c: Candidate; version?: string }[]>();
  const add = (name: string, c: Candidate, version?: string) => {
    let list = providers.get(name);
    if (!list) providers.set(name, (list = []));
    list.push({ c, version });
  };
  for (const c of all) {
    add(c.name, c, c.version);
    for (const p of c.provides) add(providedName(p), c, providedVersion(p));
  }
  return { all, providers };
}

export function solve(installed: readonly InstalledApk[], available: readonly IndexedApk[], world: readonly string[]): Solution {
  const { providers } = candidates(installed, available);
  const installedByName = new Map(installed.map((i) => [i.name, i]));
  const chosen = new Map<string, Candidate>();
  const chosenPkgs = new Set<Candidate>();
  const errors: SolveError[] = [];
  const requiredBy = new Map<string, string[]>();
  const worldDeps = world.map((w) => parseDep(w)).filter((d): d is Dep => d !== null && !d.conflict);

  const pick = (dep: Dep): Candidate | undefined => {
    const list = providers.get(dep.name) ?? [];
    const fits = list.filter((p) => versionSatisfies(dep, p.version));
    const already = fits.find((p) => chosenPkgs.has(p.c));
    if (already) return already.c;
    const own = fits.filter((p) => p.c.name === dep.name);
    const pool = own.length ? own : fits;
    const inst = pool.find((p) => p.c.installed);
    if (inst) return inst.c;
    return pool.sort((a, b) => compareVersions(b.c.version, a.c.version))[0]?.c;
  };

  const visit = (dep: Dep, by: string) => {
    const c = pick(dep);
    if (!c) {
      const known = providers.get(dep.name)?.[0]?.c;
      if (known && (providers.get(dep.name) ?? []).some((p) => p.c.name === dep.name)) {
        errors.push({ kind: 'breaks', pkg: known, breaks: [by] });
      } else {
        let list = requiredBy.get(dep.name);
        if (!list) {
          requiredBy.set(dep.name, (list = []));
          errors.push({ kind: 'missing', name: dep.name, requiredBy: list });
        }
        list.push(by);
      }
      return;
    }
    chosen.set(dep.name, c);
    if (chosenPkgs.has(c)) return;
    chosenPkgs.add(c);
    chosen.set(c.name, c);
    for (const p of c.provides) chosen.set(providedName(p), c);
    for (const d of c.depends) {
      const parsed = parseDep(d);
      if (parsed && !parsed.conflict) visit(parsed, `${c.name}-${c.version}[${d}]`);
    }
  };
  for (const d of worldDeps) visit(d, `world[${d.text}]`);

  // install_if: a package comes (or stays) when everything it names is chosen.
  for (let again = true; again; ) {
    again = false;
    for (const list of providers.values()) {
      for (const { c } of list) {
        if (chosenPkgs.has(c) || c.installIf.length === 0) continue;
        if (c.index && !c.installed && [...chosenPkgs].some((x) => x.name === c.name)) continue;
        const ok = c.installIf.every((d) => {
          const parsed = parseDep(d);
          const got = parsed && chosen.get(parsed.name);
          return !!got && versionSatisfies(parsed, got.version);
        });
        if (ok && (c.installed || !chosen.has(c.name))) {
          visit({ name: c.name, op: '=', version: c.version, text: c.name }, 'install_if');
          again = true;
        }
      }
    }
  }

  // The changeset, in apk's order.
  const changes: Change[] = [];
  const nameDone = new Set<string>();
  const pkgDone = new Set<Candidate | InstalledApk>();
  const installedCandidate = (i: InstalledApk): Candidate =>
    [...(providers.get(i.name) ?? [])].map((p) => p.c).find((c) => c.installed === i)!;
  const dependsOn = (i: InstalledApk, target: InstalledApk) =>
    i.depends.some((d) => {
      const parsed = parseDep(d);
      if (!parsed || parsed.conflict) return false;
      if (parsed.name === target.name) return versionSatisfies(parsed, target.version);
      return target.provides.some((p) => providedName(p) === parsed.name);
    });

  const remove = (i: InstalledApk) => {
    const c = chosen.get(i.name);
    if (pkgDone.has(i) || (c && c.name === i.name)) return;
    nameDone.add(i.name);
    pkgDone.add(i);
    for (const other of installed) if (other !== i && dependsOn(other, i)) remove(other);
    changes.push({ old: installedCandidate(i) });
  };
  const removeOrphan = (name: string) => {
    if (nameDone.has(name)) return;
    nameDone.add(name);
    const inst = installedByName.get(name);
    const c = chosen.get(name);
    if (inst && (!c || c.name !== name)) remove(inst);
    for (const { c: p } of providers.get(name) ?? []) {
      if (p.installed && installedByName.get(p.name) === p.installed && !chosen.get(p.name)) remove(p.installed);
    }
  };
  const change = (name: string) => {
    if (nameDone.has(name)) return;
    removeOrphan(name);
    const c = chosen.get(name);
    if (!c || pkgDone.has(c)) return;
    pkgDone.add(c);
    removeOrphan(c.name);
    for (const p of c.provides) removeOrphan(providedName(p));
    for (const d of c.depends) {
      const parsed = parseDep(d);
      if (parsed && !parsed.conflict) change(parsed.name);
    }
    const old = installedByName.get(c.name);
    changes.push({ old: old ? installedCandidate(old) : undefined, new: c });
  };
  for (const d of worldDeps) change(d.name);
  for (const i of installed) change(i.name);
  return { changes, errors };
}

/** Whether a change does anything (apk records unchanged packages too: they order the triggers). */
export const isReal = (c: Change): boolean => c.old !== c.new;

/** apk's error report for an unsolvable world (commit.c, apk_solver_print_errors). */
export function formatErrors(errors: readonly SolveError[]): string {
  let out = 'ERROR: unable to select packages:\n';
  for (const e of errors) {
    if (e.kind === 'missing') {
      out += `  ${e.name} (no such package):\n    required by: ${e.requiredBy.join(' ')}\n`;
    } else {
      out += `  ${e.pkg.name}-${e.pkg.version}:\n    breaks: ${e.breaks.join(' ')}\n`;
    }
  }
  return out;
}
