/**
 * Redis's keyspace: 16 numbered databases, each a dictionary of keys to
 * values (strings, lists, hashes, sets) and a dictionary of expire times.
 *
 * Keys expire the way Redis expires them: lazily, when a command touches
 * an expired key, and actively, when the server's cron samples keys with
 * a time to live. Values are binary strings (see resp.ts).
 */
export type Value =
  | { type: 'string'; value: string }
  | { type: 'list'; value: string[] }
  | { type: 'hash'; value: Map<string, string> }
  | { type: 'set'; value: Set<string> };

export type ValueType = Value['type'];

export class Db {
  readonly keys = new Map<string, Value>();
  /** Absolute expire times in ms, for keys that have one. */
  readonly expires = new Map<string, number>();
}

export class Keyspace {
  readonly dbs: Db[];
  /** Changes since the last save (what `save` rules count). */
  dirty = 0;
  expiredKeys = 0;
  hits = 0;
  misses = 0;

  constructor(
    readonly now: () => number,
    count = 16,
  ) {
    this.dbs = Array.from({ length: count }, () => new Db());
  }

  /** The value of a key that has not expired (an expired one is deleted on the way). */
  lookup(db: number, key: string): Value | undefined {
    const d = this.dbs[db]!;
    const at = d.expires.get(key);
    if (at !== undefined && at <= this.now()) {
      d.keys.delete(key);
      d.expires.delete(key);
      this.expiredKeys++;
      return undefined;
    }
    return d.keys.get(key);
  }

  /** lookup, counted in keyspace_hits/misses as a read command's would be. */
  read(db: number, key: string): Value | undefined {
    const v = this.lookup(db, key);
    if (v) this.hits++;
    else this.misses++;
    return v;
  }

  /** Sets a key; the old expire time goes unless `keepTtl`. */
  set(db: number, key: string, value: Value, keepTtl = false): void {
    const d = this.dbs[db]!;
    d.keys.set(key, value);
    if (!keepTtl) d.expires.delete(key);
  }

  delete(db: number, key: string): boolean {
    const d = this.dbs[db]!;
    if (!this.lookup(db, key)) return false;
    d.keys.delete(key);
    d.expires.delete(key);
    return true;
  }

  /** Removes a key whose collection became empty, as Redis does after LPOP/HDEL/SREM. */
  dropIfEmpty(db: number, key: string): void {
    const v = this.dbs[db]!.keys.get(key);
    if (!v) return;
    const size = v.type === 'string' ? 1 : v.type === 'list' ? v.value.length : v.value.size;
    if (size === 0) this.delete(db, key);
  }

  expireAt(db: number, key: string, ms: number): void {
    this.dbs[db]!.expires.set(key, ms);
  }

  /** The live keys of a database (expired ones are dropped first). */
  keysOf(db: number): string[] {
    const out: string[] = [];
    for (const key of [...this.dbs[db]!.keys.keys()]) if (this.lookup(db, key)) out.push(key);
    return out;
  }

  size(db: number): number {
    return this.dbs[db]!.keys.size;
  }

  flush(db?: number): void {
    for (const [i, d] of this.dbs.entries()) {
      if (db !== undefined && i !== db) continue;
      d.keys.clear();
      d.expires.clear();
    }
  }

  /** The cron's active expiry: drops every expired key (Redis samples; the result is the same, sooner). */
  activeExpire(): number {
    const now = this.now();
    let n = 0;
    for (const d of this.dbs) {
      for (const [key, at] of d.expires) {
        if (at > now) continue;
        d.keys.delete(key);
        d.expires.delete(key);
        n++;
      }
    }
    this.expiredKeys += n;
    return n;
  }

  /** A deep copy, for a background save that must not see later writes (fork's copy-on-write). */
  snapshot(): Keyspace {
    const copy = new Keyspace(this.now, this.dbs.length);
    for (const [i, d] of this.dbs.entries()) {
      for (const [k, v] of d.keys) copy.dbs[i]!.keys.set(k, cloneValue(v));
      for (const [k, at] of d.expires) copy.dbs[i]!.expires.set(k, at);
    }
    return copy;
  }
}

function cloneValue(v: Value): Value {
  switch (v.type) {
    case 'string':
      return { type: 'string', value: v.value };
    case 'list':
      return { type: 'list', value: [...v.value] };
    case 'hash':
      return { type: 'hash', value: new Map(v.value) };
    case 'set':
      return { type: 'set', value: new Set(v.value) };
  }
}

/**
 * Redis's stringmatchlen: `*`, `?`, `[abc]`, `[^a-z]` and `\x` escapes,
 * optionally ignoring case. For KEYS and CONFIG GET.
 */
export function globMatch(pattern: string, text: string, nocase = false): boolean {
  const eq = (a: string, b: string) => (nocase ? a.toLowerCase() === b.toLowerCase() : a === b);
  const match = (p: number, t: number): boolean => {
    while (p < pattern.length) {
      const c = pattern[p]!;
      if (c === '*') {
        while (pattern[p + 1] === '*') p++;
        if (p + 1 === pattern.length) return true;
        for (let k = t; k <= text.length; k++) if (match(p + 1, k)) return true;
        return false;
      }
      if (t >= text.length) return false;
      if (c === '?') {
        p++;
        t++;
        continue;
      }
      if (c === '[') {
        let q = p + 1;
        const not = pattern[q] === '^';
        if (not) q++;
        let found = false;
        for (;;) {
          if (q >= pattern.length) {
            q--;
            break;
          }
          const pc = pattern[q]!;
          if (pc === ']') break;
          if (pc === '\\' && q + 1 < pattern.length) {
            q++;
            if (eq(pattern[q]!, text[t]!)) found = true;
          } else if (pattern[q + 1] === '-' && q + 2 < pattern.length && pattern[q + 2] !== ']') {
            let lo = pattern[q]!;
            let hi = pattern[q + 2]!;
            if (lo > hi) [lo, hi] = [hi, lo];
            const ch = nocase ? text[t]!.toLowerCase() : text[t]!;
            if ((ch >= (nocase ? lo.toLowerCase() : lo) && ch <= (nocase ? hi.toLowerCase() : hi))) found = true;
            q += 2;
          } else if (eq(pc, text[t]!)) found = true;
          q++;
        }
        if (not) found = !found;
        if (!found) return false;
        p = q + 1;
        t++;
        continue;
      }
      if (c === '\\' && p + 1 < pattern.length) p++;
      if (!eq(pattern[p]!, text[t]!)) return false;
      p++;
      t++;
    }
    return t === text.length;
  };
  return match(0, 0);
}
