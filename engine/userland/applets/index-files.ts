/** Applets of the "files" group (see index.ts). */
import type { Program } from '../../kernel/sys.ts';

type Loader = () => Promise<Program>;
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const load = (p: Promise<{ default: Program }>) => p.then((m) => m.default);

export const filesApplets: Record<string, Loader> = {};
void load;
