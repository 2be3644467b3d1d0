// The tutorial site: static pages from lessons/ (Astro), live parts as Preact
// islands, the engine in a Web Worker. `npm run build` writes dist/site.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';

const here = fileURLToPath(new URL('.', import.meta.url));

// The engine (memfs, isomorphic-git, Berth's node) imports `buffer`: in the browser that is
// the npm package, not Node's builtin that Vite would leave out.
const require = createRequire(import.meta.url);
const bufferPath = require.resolve('buffer/');
const shim = (name) => fileURLToPath(new URL(`./src/shims/${name}.ts`, import.meta.url));
const SHIMS = { path: shim('path'), events: shim('events'), stream: shim('stream'), url: shim('url'), crypto: shim('crypto'), util: shim('util'), net: shim('empty') };
const npmBuffer = () => ({
  name: 'berth-browser-builtins',
  enforce: 'pre',
  resolveId(id) {
    if (id === 'buffer' || id === 'buffer/' || id === 'node:buffer') return bufferPath;
    const bare = id.replace(/^node:/, '');
    if (Object.hasOwn(SHIMS, bare)) return SHIMS[bare];
    return null;
  },
});

// The bundled images as Node builds them, served beside the pages: the browser's engine loads
// them instead of building them (same digests everywhere, less work at boot).
const hubSeed = () => ({
  name: 'berth-hub-seed',
  hooks: {
    'astro:build:done': ({ dir }) => {
      const script = fileURLToPath(new URL('./build/hub-seed.ts', import.meta.url));
      const r = spawnSync(process.execPath, ['--import', 'tsx', script, fileURLToPath(new URL('hub-seed.bin', dir))], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`writing hub-seed.bin failed (exit ${r.status})`);
      // What the service worker (public/sw.js) keeps for offline use: every page and every asset.
      const root = fileURLToPath(dir);
      const files = [];
      const walk = (rel) => {
        for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
          const path = rel ? `${rel}/${e.name}` : e.name;
          if (e.isDirectory()) walk(path);
          else if (path.startsWith('_astro/') || e.name === 'hub-seed.bin') files.push(path);
          else if (e.name === 'index.html') files.push(path.slice(0, -'index.html'.length));
        }
      };
      walk('');
      writeFileSync(join(root, 'offline.json'), JSON.stringify(files.sort()));
    },
  },
});

export default defineConfig({
  root: here,
  srcDir: './src',
  publicDir: './public',
  outDir: process.env.BERTH_SITE_OUT ?? '../dist/site',
  integrations: [preact(), hubSeed()],
  i18n: { defaultLocale: 'ko', locales: ['ko', 'en'], routing: { prefixDefaultLocale: false } },
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: {
    // Where lesson files are read at build time (bundling moves this config's modules elsewhere).
    define: { __LESSONS_DIR__: JSON.stringify(process.env.BERTH_LESSONS_DIR ?? fileURLToPath(new URL('../lessons/', import.meta.url))) },
    server: { fs: { allow: ['..'] } },
    plugins: [npmBuffer()],
    worker: { format: 'es', plugins: () => [npmBuffer()] },
    build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  },
});
