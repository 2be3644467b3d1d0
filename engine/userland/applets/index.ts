/**
 * The applets Berth's busybox knows, by name, each loaded only when first
 * used (in the browser, each is its own small chunk). Names missing here
 * answer as busybox does for an applet it was not built with.
 */
import type { Program } from '../../kernel/sys.ts';
import { awkApplets } from './index-awk.ts';
import { filesApplets } from './index-files.ts';
import { netApplets } from './index-net.ts';
import { systemApplets } from './index-system.ts';
import { textApplets } from './index-text.ts';
import { tuiApplets } from './index-tui.ts';

type Loader = () => Promise<Program>;
const load = (p: Promise<{ default: Program }>) => p.then((m) => m.default);

/** A loader that imports once: later runs get the same program without a trip through the module loader. */
export function once(load: Loader): Loader {
  let p: Promise<Program> | undefined;
  return () => (p ??= load().catch((err: unknown) => {
    p = undefined;
    throw err;
  }));
}

const loaders: Record<string, Loader> = {
  true: () => load(import('./true.ts')),
  false: () => load(import('./false.ts')),
  echo: () => load(import('./echo.ts')),
  cat: () => load(import('./cat.ts')),
  pwd: () => load(import('./pwd.ts')),
  sleep: () => load(import('./sleep.ts')),
  test: () => load(import('./test.ts')),
  '[': () => load(import('./test.ts')),
  sh: () => import('../sh/main.ts').then((m) => m.sh),
  ash: () => import('../sh/main.ts').then((m) => m.sh),
  ...filesApplets,
  ...textApplets,
  ...awkApplets,
  ...systemApplets,
  ...netApplets,
  ...tuiApplets,
};

export const applets: Record<string, Loader> = Object.fromEntries(Object.entries(loaders).map(([name, load]) => [name, once(load)]));
