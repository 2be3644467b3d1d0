/** false: do nothing, unsuccessfully. */
import type { Program } from '../../kernel/sys.ts';

const main: Program = async () => 1;
export default main;
