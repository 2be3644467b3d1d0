/**
 * Builds the site into a fresh directory of its own, for the tests and the
 * bench. Astro keeps its intermediate server build in the output directory
 * when that is inside the working directory, and in `./.astro/` of the
 * working directory otherwise — where two builds at once (test files run in
 * parallel) would overwrite each other's. So the directory is made under
 * dist/ in the repository (where the server build also finds node_modules)
 * and the build runs from the repository's root.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** Builds the site; resolves to the directory holding it (remove it when done). */
export async function buildSite(prefix: string, env: Record<string, string> = {}): Promise<string> {
  mkdirSync(join(root, 'dist'), { recursive: true });
  const out = mkdtempSync(join(root, 'dist', `${prefix}-`));
  const astro = join(root, 'node_modules/astro/astro.js');
  // Not spawnSync: a test worker whose event loop stops for the minute a build takes loses its line to vitest.
  const build = spawn(process.execPath, [astro, 'build', '--root', join(root, 'site')], {
    cwd: root,
    env: { ...process.env, ...env, BERTH_SITE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  let log = '';
  build.stdout.on('data', (d: Buffer) => (log += d.toString()));
  build.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const status = await new Promise<number | null>((resolve, reject) => {
    build.on('error', reject);
    build.on('close', resolve);
  });
  if (status !== 0) throw new Error(`astro build failed:\n${log}`);
  return out;
}
