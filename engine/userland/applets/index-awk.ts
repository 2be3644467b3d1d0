/** Applets of the "awk" group (see index.ts). */
import type { Program } from '../../kernel/sys.ts';

type Loader = () => Promise<Program>;
const load = (p: Promise<{ default: Program }>) => p.then((m) => m.default);

export const awkApplets: Record<string, Loader> = {
  awk: () => load(import('./awk.ts')),
};
