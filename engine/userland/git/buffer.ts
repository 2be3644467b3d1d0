/**
 * isomorphic-git calls Node's `Buffer` as a global (Buffer.from, Buffer.concat…)
 * in its object, index and pack code; its ESM build imports nothing for it.
 * Browsers and Web Workers have no such global, so this module provides
 * feross/buffer's — the same implementation bundlers use for Node's `buffer`
 * module — and it is the only place in Berth that does. Under Node, Node's own
 * Buffer is already there and stays.
 *
 * Import isomorphic-git only through ./isogit.ts, which imports this first.
 */
import { Buffer } from 'buffer';

const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= Buffer;
