/**
 * bb_parse_mode: chmod's MODE argument, as busybox reads it (also used by
 * mkdir -m, install -m and find -perm).
 *
 * Octal ("755", at most 07777) replaces the permission bits. Symbolic modes
 * are clauses separated by commas: who (ugoa, none meaning "all, minus the
 * umask"), then one or more actions: an operator (+ - =) followed by
 * permissions (rwxXst) or by a class to copy from (u g o).
 *
 *     parseMode('u+x,go-w', 0o100644, 0o022) === 0o100744
 *     parseMode('644', 0o100755, 0o022) === 0o644
 *     parseMode('u+q', 0o644, 0o022) === undefined   // invalid
 */
const WHO: Record<string, number> = { a: 0o7777, u: 0o4700, g: 0o2070, o: 0o0007 };
const PERM: Record<string, number> = { r: 0o444, w: 0o222, x: 0o111, X: 0o111, s: 0o6000, t: 0o1000 };

export function parseMode(text: string, current: number, umask: number): number | undefined {
  if (/^[0-7]/.test(text)) {
    if (!/^[0-7]+$/.test(text)) return undefined;
    const v = parseInt(text, 8);
    return v > 0o7777 ? undefined : v;
  }
  let mode = current;
  let s = 0;
  while (s < text.length) {
    if (text[s] === ',') {
      s++;
      continue;
    }
    let who = 0;
    while (text[s]! in WHO) {
      who |= WHO[text[s]!]!;
      if (++s >= text.length) return undefined;
    }
    do {
      const op = text[s];
      if (op !== '+' && op !== '-' && op !== '=') return undefined;
      if (op === '=') mode &= who ? ~who : ~0o7777;
      s++;
      let perms = 0;
      const copy = text[s];
      if (copy === 'u' || copy === 'g' || copy === 'o') {
        // Permission copy ("g=u"): the class's rwx bits, spread to every class.
        perms = WHO[copy]! & 0o777 & mode;
        for (const bits of [0o444, 0o222, 0o111]) if (perms & bits) perms |= bits;
        s++;
      } else {
        while (s < text.length && text[s]! in PERM) {
          const c = text[s]!;
          // X: execute only for directories (and, as busybox tests the bit, block devices and sockets) or if someone may already execute.
          if (c !== 'X' || mode & (0o040000 | 0o111)) perms |= PERM[c]!;
          s++;
        }
      }
      if (perms) {
        perms &= who || ~umask;
        mode = op === '-' ? mode & ~perms : mode | perms;
      }
    } while (s < text.length && text[s] !== ',');
  }
  return mode;
}
