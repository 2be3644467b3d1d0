/** true: do nothing, successfully. */
import type { Program } from '../../kernel/sys.ts';

const main: Program = async () => 0;
export default main;
