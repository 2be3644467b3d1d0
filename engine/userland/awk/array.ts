/**
 * awk's associative arrays, ordered as busybox's hash table orders them —
 * so `for (k in a)` visits keys in the same (scrambled) order a learner
 * sees on a real alpine machine. busybox chains items in buckets, newest
 * first, and walks the buckets in index order; the table starts with 61
 * buckets and grows (251, 1021, 4093, 16381, 65521) past 8 items a bucket.
 *
 * A Map beside the buckets keeps lookups fast; the buckets only give order.
 */
import type { Cell } from './cell.ts';

interface Item {
  key: string;
  cell: Cell;
  next: Item | undefined;
}

const FIRST_PRIME = 61;
const PRIMES = [251, 1021, 4093, 16381, 65521];

/** busybox's hashidx(): idx = idx*63 + c over the key's bytes, c a signed char (x86). */
function hashidx(key: string): number {
  let idx = 0;
  for (let i = 0; i < key.length; i++) {
    const b = key.charCodeAt(i) & 255;
    idx = (Math.imul(idx, 63) + (b >= 128 ? b - 256 : b)) >>> 0;
  }
  return idx;
}

export class AwkArray {
  private readonly items = new Map<string, Item>();
  private buckets: (Item | undefined)[] = new Array(FIRST_PRIME).fill(undefined);
  private nprime = 0;

  constructor(private readonly create: () => Cell) {}

  get size(): number {
    return this.items.size;
  }

  get(key: string): Cell | undefined {
    return this.items.get(key)?.cell;
  }

  has(key: string): boolean {
    return this.items.has(key);
  }

  /** The element, created (uninitialized) if missing. */
  find(key: string): Cell {
    const found = this.items.get(key);
    if (found) return found.cell;
    if (this.items.size + 1 > this.buckets.length * 8) this.grow();
    const idx = hashidx(key) % this.buckets.length;
    const item: Item = { key, cell: this.create(), next: this.buckets[idx] };
    this.buckets[idx] = item;
    this.items.set(key, item);
    return item.cell;
  }

  delete(key: string): void {
    const item = this.items.get(key);
    if (!item) return;
    this.items.delete(key);
    const idx = hashidx(key) % this.buckets.length;
    if (this.buckets[idx] === item) {
      this.buckets[idx] = item.next;
      return;
    }
    for (let p = this.buckets[idx]; p; p = p.next) {
      if (p.next === item) {
        p.next = item.next;
        return;
      }
    }
  }

  /** Empties the array; busybox keeps the table's size. */
  clear(): void {
    this.items.clear();
    this.buckets.fill(undefined);
  }

  /** The keys in busybox's walking order. */
  keys(): string[] {
    const keys: string[] = [];
    for (const head of this.buckets) for (let p = head; p; p = p.next) keys.push(p.key);
    return keys;
  }

  private grow(): void {
    const size = PRIMES[this.nprime];
    if (size === undefined) return;
    this.nprime++;
    const buckets: (Item | undefined)[] = new Array(size).fill(undefined);
    for (const head of this.buckets) {
      let p = head;
      while (p) {
        const next = p.next;
        const idx = hashidx(p.key) % size;
        p.next = buckets[idx];
        buckets[idx] = p;
        p = next;
      }
    }
    this.buckets = buckets;
  }
}
