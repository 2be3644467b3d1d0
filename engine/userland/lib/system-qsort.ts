/**
 * musl's qsort (smoothsort), for top: it is not stable, so processes that
 * compare equal come out in the order musl's algorithm leaves them, and
 * only the same algorithm shows them in the same order as busybox on alpine.
 *
 * The two-word bitmap `p` of the C code is a 128-bit BigInt here; ntz()
 * follows x86's bsf, which leaves 0 for an input of 0.
 */

type Cmp<T> = (a: T, b: T) => number;

const W = 64n;
const MASK = (1n << 64n) - 1n;

function ntz(x: bigint): number {
  if (x === 0n) return 0;
  let n = 0;
  while ((x & 1n) === 0n) {
    x >>= 1n;
    n++;
  }
  return n;
}

function pntz(p: bigint): number {
  const lo = p & MASK;
  const hi = p >> W;
  let r = ntz((lo - 1n) & MASK);
  if (r !== 0) return r;
  r = 64 + ntz(hi);
  return r !== 64 ? r : 0;
}

const shl = (p: bigint, n: number) => (p << BigInt(n)) & ((1n << 128n) - 1n);
const shr = (p: bigint, n: number) => p >> BigInt(n);

export function muslQsort<T>(items: T[], cmp: Cmp<T>): void {
  const n = items.length;
  if (n === 0) return;
  const a = items;
  // Leonardo numbers (in elements)
  const lp: number[] = [1, 1];
  for (let i = 2; (lp[i] = lp[i - 2]! + lp[i - 1]! + 1) < n; i++);

  const cycle = (ar: number[]) => {
    if (ar.length < 2) return;
    const tmp = a[ar[0]!]!;
    for (let i = 0; i < ar.length - 1; i++) a[ar[i]!] = a[ar[i + 1]!]!;
    a[ar[ar.length - 1]!] = tmp;
  };

  const sift = (head: number, pshift: number) => {
    const ar = [head];
    while (pshift > 1) {
      const rt = head - 1;
      const lf = head - 1 - lp[pshift - 2]!;
      if (cmp(a[ar[0]!]!, a[lf]!) >= 0 && cmp(a[ar[0]!]!, a[rt]!) >= 0) break;
      if (cmp(a[lf]!, a[rt]!) >= 0) {
        ar.push(lf);
        head = lf;
        pshift -= 1;
      } else {
        ar.push(rt);
        head = rt;
        pshift -= 2;
      }
    }
    cycle(ar);
  };

  const trinkle = (head: number, pp: bigint, pshift: number, trusty: boolean) => {
    let p = pp;
    const ar = [head];
    while (p !== 1n) {
      const stepson = head - lp[pshift]!;
      if (cmp(a[stepson]!, a[ar[0]!]!) <= 0) break;
      if (!trusty && pshift > 1) {
        const rt = head - 1;
        const lf = head - 1 - lp[pshift - 2]!;
        if (cmp(a[rt]!, a[stepson]!) >= 0 || cmp(a[lf]!, a[stepson]!) >= 0) break;
      }
      ar.push(stepson);
      head = stepson;
      const trail = pntz(p);
      p = shr(p, trail);
      pshift += trail;
      trusty = false;
    }
    if (!trusty) {
      cycle(ar);
      sift(head, pshift);
    }
  };

  let head = 0;
  const high = n - 1;
  let p = 1n;
  let pshift = 1;
  while (head < high) {
    if ((p & 3n) === 3n) {
      sift(head, pshift);
      p = shr(p, 2);
      pshift += 2;
    } else {
      if (lp[pshift - 1]! >= high - head) trinkle(head, p, pshift, false);
      else sift(head, pshift);
      if (pshift === 1) {
        p = shl(p, 1);
        pshift = 0;
      } else {
        p = shl(p, pshift - 1);
        pshift = 1;
      }
    }
    p |= 1n;
    head++;
  }
  trinkle(head, p, pshift, false);
  while (pshift !== 1 || p !== 1n) {
    if (pshift <= 1) {
      const trail = pntz(p);
      p = shr(p, trail);
      pshift += trail;
    } else {
      p = shl(p, 2);
      pshift -= 2;
      p ^= 7n;
      p = shr(p, 1);
      trinkle(head - lp[pshift]! - 1, p, pshift + 1, true);
      p = shl(p, 1);
      p |= 1n;
      trinkle(head - 1, p, pshift, true);
    }
    head--;
  }
}
