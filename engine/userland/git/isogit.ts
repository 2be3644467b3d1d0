/**
 * isomorphic-git, as the git program uses it. Importing it through this
 * module guarantees that `Buffer` exists before any of its code runs (see
 * ./buffer.ts). Bundlers resolve the package's "default" export condition to
 * its ESM build (index.js); Node's "node" condition picks the CommonJS twin.
 */
import './buffer.ts';

export * from 'isomorphic-git';
