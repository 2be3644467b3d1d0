/**
 * The engine's layers, enforced:
 * - outside engine/platform, no file imports a Node module or memfs, and the
 *   type checker refuses such an import (and DOM names) outright;
 * - engine modules import only modules below them in ../shared/ARCHITECTURE.md.
 */
import { execFileSync } from 'node:child_process';
import * as nfs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const engine = join(root, 'engine');

function sources(dir: string): string[] {
  return nfs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

const importsOf = (file: string): string[] => [...nfs.readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

/** Bottom first. `common` (bytes, paths) sits below the platform, `fs` above it; `index.ts` is the top. */
const ORDER = ['common', 'platform', 'errors', 'fs', 'content', 'image', 'snapshot', 'registry', 'build', 'runtime', 'kernel', 'userland', 'network', 'daemon', 'api', 'cli'];
const moduleOf = (file: string): string => {
  const rel = relative(engine, file).split('/');
  return rel.length === 1 ? rel[0]!.replace(/\.ts$/, '') : rel[0]!;
};

describe('engine layering', () => {
  const files = sources(engine);

  it('keeps Node and memfs inside engine/platform', () => {
    const offenders = files
      .filter((f) => !relative(engine, f).startsWith('platform/'))
      .flatMap((f) => importsOf(f).filter((i) => i.startsWith('node:') || i === 'memfs' || i.startsWith('@jsonjoy.com')).map((i) => `${relative(root, f)} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('imports point down the module list', () => {
    const offenders: string[] = [];
    for (const f of files) {
      const from = moduleOf(f);
      if (from === 'index') continue;
      for (const spec of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const target = moduleOf(join(f, '..', spec));
        if (target === from) continue;
        const a = ORDER.indexOf(from);
        const b = ORDER.indexOf(target);
        if (a < 0 || b < 0 || b > a) offenders.push(`${relative(root, f)} (${from}) imports ${spec} (${target})`);
      }
    }
    expect(offenders).toEqual([]);
  });

  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const compile = (source: string): string => {
    const dir = nfs.mkdtempSync(join(tmpdir(), 'berth-layering-'));
    try {
      const file = join(dir, 'probe.ts');
      nfs.writeFileSync(file, source);
      const config = join(dir, 'tsconfig.json');
      nfs.writeFileSync(config, JSON.stringify({ extends: join(engine, 'tsconfig.json'), include: [], files: [file, join(engine, 'universal.d.ts')] }));
      try {
        execFileSync('node', [tsc, '-p', config], { encoding: 'utf8', stdio: 'pipe' });
        return 'compiled';
      } catch (err) {
        return String((err as { stdout?: string }).stdout);
      }
    } finally {
      nfs.rmSync(dir, { recursive: true, force: true });
    }
  };

  it('fails to compile engine code that reaches for Node or the DOM', () => {
    expect(compile(`import { platform } from '${join(engine, 'errors.ts')}';\nexport const x = 1;`)).toMatch(/TS2305|compiled/);
    expect(compile(`import { readFileSync } from 'node:fs';\nexport const f = readFileSync;`)).toContain("Cannot find module 'node:fs'");
    expect(compile(`export const t = document.title;`)).toContain("Cannot find name 'document'");
    expect(compile(`export const b: Buffer | undefined = undefined;`)).toContain("Cannot find name 'Buffer'");
    expect(compile(`import { nodePlatform } from '${join(engine, 'platform/node/index.ts')}';\nexport const p = nodePlatform;`)).toContain("Cannot find module 'node:crypto'");
    expect(compile(`export const ok: Uint8Array = new TextEncoder().encode('fine');`)).toBe('compiled');
  }, 60_000);
});
