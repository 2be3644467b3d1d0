/**
 * Applets of the "text" group (see index.ts): filters and formatters —
 * grep, sed, sort, cut, tr, printf… — with their POSIX regular expressions
 * in lib/text-regex.ts.
 */
import type { Program } from '../../kernel/sys.ts';

type Loader = () => Promise<Program>;
const load = (p: Promise<{ default: Program }>) => p.then((m) => m.default);

export const textApplets: Record<string, Loader> = {
  base64: () => load(import('./base64.ts')),
  comm: () => load(import('./comm.ts')),
  cut: () => load(import('./cut.ts')),
  egrep: () => load(import('./grep.ts')),
  expand: () => load(import('./expand.ts')),
  fgrep: () => load(import('./grep.ts')),
  fold: () => load(import('./fold.ts')),
  grep: () => load(import('./grep.ts')),
  head: () => load(import('./head.ts')),
  md5sum: () => load(import('./md5sum.ts')),
  nl: () => load(import('./nl.ts')),
  od: () => load(import('./od.ts')),
  paste: () => load(import('./paste.ts')),
  printf: () => load(import('./printf.ts')),
  rev: () => load(import('./rev.ts')),
  sed: () => load(import('./sed.ts')),
  seq: () => load(import('./seq.ts')),
  sha1sum: () => load(import('./md5sum.ts')),
  sha256sum: () => load(import('./md5sum.ts')),
  sha512sum: () => load(import('./md5sum.ts')),
  sort: () => load(import('./sort.ts')),
  tail: () => load(import('./tail.ts')),
  tee: () => load(import('./tee.ts')),
  tr: () => load(import('./tr.ts')),
  uniq: () => load(import('./uniq.ts')),
  wc: () => load(import('./wc.ts')),
  xargs: () => load(import('./xargs.ts')),
  yes: () => load(import('./yes.ts')),
};
