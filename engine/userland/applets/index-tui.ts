/** Applets of the "tui" group: the full-screen ones (see index.ts). */
import type { Program } from '../../kernel/sys.ts';

type Loader = () => Promise<Program>;
const load = (p: Promise<{ default: Program }>) => p.then((m) => m.default);

export const tuiApplets: Record<string, Loader> = {
  vi: () => load(import('./vi.ts')),
  less: () => load(import('./less.ts')),
  more: () => load(import('./more.ts')),
};
