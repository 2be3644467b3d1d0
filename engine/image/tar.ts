/**
 * Tar archives: the envelope of image layers, `docker save/load/export/import`
 * and `docker cp` / build contexts.
 *
 * A tar archive is a sequence of entries, each a 512-byte *header block*
 * followed by the entry's content padded with zeros to a multiple of 512
 * bytes; two zero blocks end the archive. The header holds the name, mode,
 * owner, size, mtime, type and link target as fixed-width fields, numbers
 * written in octal ASCII. The fields are small (names fit in 100 bytes,
 * sizes below 8 GiB), so several extensions grew around them:
 *
 * - *ustar* (POSIX.1-1988) adds owner names, device numbers and a 155-byte
 *   `prefix` that is joined to `name` with a "/" for paths up to 256 bytes.
 * - *PAX* (POSIX.1-2001) puts an extra entry of type 'x' before an entry; its
 *   content is `"<length> <key>=<value>\n"` records (`path`, `linkpath`,
 *   `uid`, `size`, `mtime`, `SCHILY.xattr.<name>`…) that override the header.
 *   Type 'g' holds records meant for all later entries.
 * - *GNU* tar puts the long name ('L') or long link target ('K') in an extra
 *   entry of its own, and writes numbers too big for octal in base 256.
 * - *V7*, the original, has no magic and no owner names.
 *
 * `readTar` reads all of these; `writeTar` writes ustar, switching to PAX for
 * the entries that ustar cannot describe, exactly as Go's archive/tar (and so
 * Docker) does, so that the layers Berth writes look like Docker's.
 *
 *     const bytes = await collect(writeTar([
 *       { header: { name: 'etc/', type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0, mtimeMs: 0, linkname: '' }, data: new Uint8Array() },
 *     ]));
 *     for await (const { header } of readTar(streamOf(bytes))) console.log(header.name); // "etc/"
 */

export { readTar } from './tar-read.ts';
export { writeTar } from './tar-write.ts';

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

export interface TarHeader {
  /** Exactly as stored (after PAX `path` / GNU long-name resolution); not normalized: callers validate. */
  name: string;
  type: TarEntryType;
  /** Permission bits including setuid/setgid/sticky (& 0o7777). */
  mode: number;
  uid: number;
  gid: number;
  uname?: string;
  gname?: string;
  /** Bytes of content: 0 for everything but files. */
  size: number;
  /** Milliseconds since the epoch; a PAX sub-second mtime is kept. The writer rounds to seconds. */
  mtimeMs: number;
  /** Symlink target or hardlink target; '' otherwise. */
  linkname: string;
  /** Device numbers of 'char' and 'block' entries. */
  devmajor?: number;
  devminor?: number;
  /**
   * Extended attributes (PAX `SCHILY.xattr.<name>` records). Values are bytes:
   * `security.capability` and friends are binary.
   */
  xattrs?: Record<string, Uint8Array>;
}

/** One entry and its content; `data.length === header.size` (empty for non-files). */
export interface TarEntry {
  header: TarHeader;
  data: Uint8Array;
}

/**
 * Caps that stop a hostile or enormous archive (a gzip bomb, a "10 GB layer")
 * before its memory is allocated: sizes are checked against the sizes the
 * headers declare, as soon as a header is read.
 */
export interface TarLimits {
  /** Most entries the archive may hold. */
  maxEntries?: number;
  /** Largest content one entry may declare, in bytes. */
  maxEntrySize?: number;
  /** Largest total content (extension headers included), in bytes. */
  maxTotalSize?: number;
  /** What the archive is called in limit errors ("layer exceeds…"); 'archive' by default. */
  label?: string;
}
