/** Applets of the "system" group (see index.ts). */
import type { Program } from '../../kernel/sys.ts';

type Loader = () => Promise<Program>;
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const load = (p: Promise<{ default: Program }>) => p.then((m) => m.default);

export const systemApplets: Record<string, Loader> = {};
void load;
