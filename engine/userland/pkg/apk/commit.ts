/**
 * Applying a changeset, as apk_solver_commit_changeset does: each change is
 * printed as `(n/N) Installing name (version)` and carried out (scripts,
 * files, database), then the triggers of packages whose directories changed
 * run, then world and the installed database are written and the summary
 * `OK: 13 MiB in 24 packages` is computed from the installed sizes.
 */
import type { Sys } from '../../../kernel/sys.ts';
import type { Output } from '../../lib/io.ts';
import { updateCaCertificates } from '../ca.ts';
import { readText, removeFiles, writeFiles, writeText } from '../files.ts';
import { stanzaOf, writeInstalled, writeWorld, type InstalledApk } from './db.ts';
import { ALPINE_BY_NAME, ALPINE_TEXTS, BASE_TRIGGERS, type ApkScript } from './index.ts';
import { isReal, type Candidate, type Change } from './solver.ts';

/** fnmatch with FNM_PATHNAME: `*` does not cross `/`. */
function fnmatchPath(pattern: string, path: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  return re.test(path);
}

const triggersOf = (name: string): string[] => ALPINE_BY_NAME.get(name)?.triggers ?? BASE_TRIGGERS[name] ?? [];
const scriptsOf = (c: Candidate): ApkScript[] => c.index?.scripts ?? ALPINE_BY_NAME.get(c.name)?.scripts ?? [];

/** What the packages' scripts do on a Berth system (their effects, not their text). */
async function runScript(sys: Sys, name: string, script: ApkScript): Promise<void> {
  if (name === 'bash' && (script === 'post-install' || script === 'pre-deinstall')) {
    const shells = (await readText(sys, '/etc/shells')) ?? '';
    const lines = shells.split('\n').filter((l) => l !== '');
    const has = lines.includes('/bin/bash');
    if (script === 'post-install' && !has) await writeText(sys, '/etc/shells', [...lines, '/bin/bash'].join('\n') + '\n');
    if (script === 'pre-deinstall' && has) await writeText(sys, '/etc/shells', lines.filter((l) => l !== '/bin/bash').join('\n') + '\n');
  }
}

async function runTrigger(sys: Sys, name: string): Promise<void> {
  if (name === 'ca-certificates') await updateCaCertificates(sys, 'alpine');
}

export interface CommitOptions {
  out: Output;
  err: Output;
  installed: InstalledApk[];
  world: string[];
}

/** Carries out the changes; returns the number of errors (the exit status). */
export async function commit(sys: Sys, changes: readonly Change[], o: CommitOptions): Promise<number> {
  const real = changes.filter(isReal);
  const db = [...o.installed];
  const modifiedDirs = new Set<string>();
  const runAll = new Set<string>();
  let step = 0;
  for (const c of changes) {
    if (!isReal(c)) continue;
    const status = `(${++step}/${real.length})`;
    const pkg = (c.new ?? c.old)!;
    if (c.old && c.new) {
      await o.out.write(`${status} ${c.old.version === c.new.version ? 'Replacing' : 'Upgrading'} ${pkg.name} (${c.old.version} -> ${c.new.version})\n`);
    } else {
      await o.out.write(`${status} ${c.new ? 'Installing' : 'Purging'} ${pkg.name} (${pkg.version})\n`);
    }
    const at = async (script: ApkScript, who: Candidate) => {
      if (!scriptsOf(who).includes(script)) return;
      await o.out.write(`Executing ${who.name}-${who.version}.${script}\n`);
      await runScript(sys, who.name, script);
    };
    if (c.old?.installed) {
      const old = c.old.installed;
      if (!c.new) await at('pre-deinstall', c.old);
      const others = new Set(db.filter((p) => p !== old).flatMap((p) => [...p.files, ...p.dirs]));
      await removeFiles(sys, [...old.files, ...old.dirs], (p) => others.has(p));
      for (const d of old.dirs) modifiedDirs.add(d);
      db.splice(db.indexOf(old), 1);
      if (!c.new) await at('post-deinstall', c.old);
    }
    if (c.new) {
      const index = c.new.index;
      let record: InstalledApk;
      if (index) {
        await at(c.old ? 'pre-upgrade' : 'pre-install', c.new);
        await writeFiles(sys, index.files, { texts: ALPINE_TEXTS, owner: `${index.name}-${index.version}` });
        record = stanzaOf(index);
      } else {
        record = c.new.installed!;
      }
      for (const d of record.dirs) modifiedDirs.add(d);
      db.push(record);
      runAll.add(c.new.name);
      if (index) await at(c.old ? 'post-upgrade' : 'post-install', c.new);
    }
  }

  // Triggers, in changeset order, for packages still installed.
  const dbDirs = new Set(db.flatMap((p) => p.dirs));
  for (const c of changes) {
    if (!c.new) continue;
    const patterns = triggersOf(c.new.name);
    if (patterns.length === 0) continue;
    const dirs = runAll.has(c.new.name) ? dbDirs : modifiedDirs;
    if (![...dirs].some((d) => patterns.some((p) => fnmatchPath(p, d)))) continue;
    await o.out.write(`Executing ${c.new.name}-${c.new.version}.trigger\n`);
    await runTrigger(sys, c.new.name);
  }

  await writeWorld(sys, o.world);
  await writeInstalled(sys, db);
  const bytes = db.reduce((sum, p) => sum + p.installedSize, 0);
  await o.out.write(`OK: ${Math.floor(bytes / (1024 * 1024))} MiB in ${db.length} packages\n`);
  return 0;
}
