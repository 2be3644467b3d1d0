/** Applets of the "files" group (see index.ts). */
import type { Program } from '../../kernel/sys.ts';

type Loader = () => Promise<Program>;
const load = (p: Promise<{ default: Program }>) => p.then((m) => m.default);

export const filesApplets: Record<string, Loader> = {
  basename: () => load(import('./basename.ts')),
  chgrp: () => load(import('./chgrp.ts')),
  chmod: () => load(import('./chmod.ts')),
  chown: () => load(import('./chown.ts')),
  cp: () => load(import('./cp.ts')),
  dd: () => load(import('./dd.ts')),
  df: () => load(import('./df.ts')),
  dirname: () => load(import('./dirname.ts')),
  du: () => load(import('./du.ts')),
  find: () => load(import('./find.ts')),
  install: () => load(import('./install.ts')),
  ln: () => load(import('./ln.ts')),
  ls: () => load(import('./ls.ts')),
  mkdir: () => load(import('./mkdir.ts')),
  mktemp: () => load(import('./mktemp.ts')),
  mv: () => load(import('./mv.ts')),
  readlink: () => load(import('./readlink.ts')),
  realpath: () => load(import('./realpath.ts')),
  rm: () => load(import('./rm.ts')),
  rmdir: () => load(import('./rmdir.ts')),
  stat: () => load(import('./stat.ts')),
  sync: () => load(import('./sync.ts')),
  touch: () => load(import('./touch.ts')),
  truncate: () => load(import('./truncate.ts')),
};
