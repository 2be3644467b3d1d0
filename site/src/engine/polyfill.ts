/** memfs and isomorphic-git expect Node's Buffer; the worker provides the npm one before they load. */
import { Buffer } from 'buffer';

const g = globalThis as { Buffer?: typeof Buffer; process?: unknown };
g.Buffer ??= Buffer;
g.process ??= { env: {}, platform: 'browser', nextTick: (f: () => void) => queueMicrotask(f), cwd: () => '/' };
