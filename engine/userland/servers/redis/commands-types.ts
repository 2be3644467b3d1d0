/**
 * Lists, hashes and sets. A collection key exists while it has members:
 * removing the last one deletes the key, as in Redis.
 *
 * Order, as small collections in Redis 7 keep it: lists in list order,
 * hashes and sets in insertion order (listpack), except sets of integers,
 * which Redis keeps sorted (intset).
 */
import { intArg, NOT_INTEGER, register, toInt64, WRONGTYPE, type Handler, type RedisServer } from './commands.ts';
import { array, bulk, bulks, error, integer, NIL, OK } from './resp.ts';
import type { Value } from './store.ts';

type Kind = Value['type'];
type Of<K extends Kind> = Extract<Value, { type: K }>;

/** The value of `key` if it has type `kind`; null if missing; WRONGTYPE's reply otherwise. */
function typed<K extends Kind>(s: RedisServer, db: number, key: string, kind: K, read = true): Of<K> | null | string {
  const v = read ? s.ks.read(db, key) : s.ks.lookup(db, key);
  if (!v) return null;
  return v.type === kind ? (v as Of<K>) : WRONGTYPE;
}

/** The value of `key`, created empty if missing. */
function create<K extends Kind>(s: RedisServer, db: number, key: string, kind: K): Of<K> | string {
  const v = typed(s, db, key, kind, false);
  if (v !== null) return v;
  const fresh = (kind === 'list' ? { type: 'list', value: [] } : kind === 'hash' ? { type: 'hash', value: new Map() } : { type: 'set', value: new Set() }) as Of<K>;
  s.ks.set(db, key, fresh);
  return fresh;
}

// ---- lists -------------------------------------------------------------------------

const push =
  (left: boolean): Handler =>
  (s, c, args) => {
    const l = create(s, c.db, args[1]!, 'list');
    if (typeof l === 'string') return l;
    for (const e of args.slice(2)) left ? l.value.unshift(e) : l.value.push(e);
    s.changed(c.db, args, args.length - 2);
    return integer(l.value.length);
  };

const pop =
  (left: boolean): Handler =>
  (s, c, args) => {
    let count: number | undefined;
    if (args.length > 3) return error(`ERR wrong number of arguments for '${args[0]!.toLowerCase()}' command`);
    if (args[2] !== undefined) {
      count = intArg(args[2]);
      if (count === undefined || count < 0) return error('ERR value is out of range, must be positive');
    }
    const l = typed(s, c.db, args[1]!, 'list', false);
    if (typeof l === 'string') return l;
    if (!l) return count === undefined ? NIL : array(null);
    const n = Math.min(count ?? 1, l.value.length);
    const out = left ? l.value.splice(0, n) : l.value.splice(l.value.length - n, n).reverse();
    if (n > 0) s.changed(c.db, args, n);
    s.ks.dropIfEmpty(c.db, args[1]!);
    return count === undefined ? bulk(out[0] ?? null) : bulks(out);
  };

/** Redis's index normalisation: negative counts from the end; start/stop clamp. */
function range(len: number, startArg: string, stopArg: string): [number, number] | string {
  let start = intArg(startArg);
  let stop = intArg(stopArg);
  if (start === undefined || stop === undefined) return NOT_INTEGER;
  if (start < 0) start += len;
  if (stop < 0) stop += len;
  if (start < 0) start = 0;
  if (stop >= len) stop = len - 1;
  return [start, stop];
}

const lrange: Handler = (s, c, [, key, a, b]) => {
  const l = typed(s, c.db, key!, 'list');
  if (typeof l === 'string') return l;
  const r = range(l?.value.length ?? 0, a!, b!);
  if (typeof r === 'string') return r;
  if (!l || r[0] > r[1]) return array([]);
  return bulks(l.value.slice(r[0], r[1] + 1));
};

const lindex: Handler = (s, c, [, key, idx]) => {
  const l = typed(s, c.db, key!, 'list');
  if (typeof l === 'string') return l;
  let i = intArg(idx!);
  if (i === undefined) return NOT_INTEGER;
  if (!l) return NIL;
  if (i < 0) i += l.value.length;
  return bulk(l.value[i] ?? null);
};

const lset: Handler = (s, c, args) => {
  const l = typed(s, c.db, args[1]!, 'list', false);
  if (typeof l === 'string') return l;
  let i = intArg(args[2]!);
  if (i === undefined) return NOT_INTEGER;
  if (!l) return error('ERR no such key');
  if (i < 0) i += l.value.length;
  if (i < 0 || i >= l.value.length) return error('ERR index out of range');
  l.value[i] = args[3]!;
  s.changed(c.db, args);
  return OK;
};

// ---- hashes -------------------------------------------------------------------------

const hset =
  (legacy: boolean): Handler =>
  (s, c, args) => {
    if (args.length % 2 !== 0) return error(`ERR wrong number of arguments for '${args[0]!.toLowerCase()}' command`);
    const h = create(s, c.db, args[1]!, 'hash');
    if (typeof h === 'string') return h;
    let added = 0;
    for (let i = 2; i < args.length; i += 2) {
      if (!h.value.has(args[i]!)) added++;
      h.value.set(args[i]!, args[i + 1]!);
    }
    s.changed(c.db, args, (args.length - 2) / 2);
    return legacy ? OK : integer(added);
  };

const hashRead =
  (reply: (h: Map<string, string>, args: string[]) => string, empty: (args: string[]) => string): Handler =>
  (s, c, args) => {
    const h = typed(s, c.db, args[1]!, 'hash');
    if (typeof h === 'string') return h;
    return h ? reply(h.value, args) : empty(args);
  };

const hincrby: Handler = (s, c, args) => {
  const by = toInt64(args[3]!);
  if (by === undefined) return NOT_INTEGER;
  const h = create(s, c.db, args[1]!, 'hash');
  if (typeof h === 'string') return h;
  const old = h.value.get(args[2]!);
  const cur = old === undefined ? 0n : toInt64(old);
  const next = cur === undefined ? undefined : cur + by;
  if (next === undefined || next > 2n ** 63n - 1n || next < -(2n ** 63n)) {
    s.ks.dropIfEmpty(c.db, args[1]!);
    return error(next === undefined ? 'ERR hash value is not an integer' : 'ERR increment or decrement would overflow');
  }
  h.value.set(args[2]!, String(next));
  s.changed(c.db, args);
  return integer(Number(next));
};

// ---- sets ---------------------------------------------------------------------------

/** SMEMBERS order: sorted when every member is an integer (intset), else insertion order. */
function members(set: Set<string>): string[] {
  const all = [...set];
  if (all.length <= 512 && all.every((m) => toInt64(m) !== undefined)) return all.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  return all;
}

const setRead =
  (reply: (set: Set<string>, args: string[]) => string, empty: string): Handler =>
  (s, c, args) => {
    const v = typed(s, c.db, args[1]!, 'set');
    if (typeof v === 'string') return v;
    return v ? reply(v.value, args) : empty;
  };

const combine =
  (op: 'inter' | 'union'): Handler =>
  (s, c, args) => {
    const sets: Set<string>[] = [];
    for (const key of args.slice(1)) {
      const v = typed(s, c.db, key, 'set');
      if (typeof v === 'string') return v;
      sets.push(v?.value ?? new Set());
    }
    const out = op === 'union' ? new Set(sets.flatMap((x) => [...x])) : new Set([...sets[0]!].filter((m) => sets.every((x) => x.has(m))));
    return bulks(members(out));
  };

register({
  lpush: { arity: -3, flags: ['write'], run: push(true) },
  rpush: { arity: -3, flags: ['write'], run: push(false) },
  lpop: { arity: -2, flags: ['write'], run: pop(true) },
  rpop: { arity: -2, flags: ['write'], run: pop(false) },
  lrange: { arity: 4, flags: ['readonly'], run: lrange },
  lindex: { arity: 3, flags: ['readonly'], run: lindex },
  lset: { arity: 4, flags: ['write'], run: lset },
  llen: {
    arity: 2,
    flags: ['readonly'],
    run: (s, c, [, k]) => {
      const l = typed(s, c.db, k!, 'list');
      return typeof l === 'string' ? l : integer(l?.value.length ?? 0);
    },
  },
  hset: { arity: -4, flags: ['write'], run: hset(false) },
  hmset: { arity: -4, flags: ['write'], run: hset(true) },
  hsetnx: {
    arity: 4,
    flags: ['write'],
    run: (s, c, args) => {
      const h = typed(s, c.db, args[1]!, 'hash', false);
      if (typeof h === 'string') return h;
      if (h?.value.has(args[2]!)) return integer(0);
      return hset(false)(s, c, ['HSET', args[1]!, args[2]!, args[3]!]);
    },
  },
  hget: { arity: 3, flags: ['readonly'], run: hashRead((h, a) => bulk(h.get(a[2]!) ?? null), () => NIL) },
  hmget: { arity: -3, flags: ['readonly'], run: hashRead((h, a) => array(a.slice(2).map((f) => bulk(h.get(f) ?? null))), (a) => array(a.slice(2).map(() => NIL))) },
  hgetall: { arity: 2, flags: ['readonly'], run: hashRead((h) => bulks([...h].flat()), () => array([])) },
  hkeys: { arity: 2, flags: ['readonly'], run: hashRead((h) => bulks([...h.keys()]), () => array([])) },
  hvals: { arity: 2, flags: ['readonly'], run: hashRead((h) => bulks([...h.values()]), () => array([])) },
  hlen: { arity: 2, flags: ['readonly'], run: hashRead((h) => integer(h.size), () => integer(0)) },
  hexists: { arity: 3, flags: ['readonly'], run: hashRead((h, a) => integer(h.has(a[2]!) ? 1 : 0), () => integer(0)) },
  hstrlen: { arity: 3, flags: ['readonly'], run: hashRead((h, a) => integer(h.get(a[2]!)?.length ?? 0), () => integer(0)) },
  hincrby: { arity: 4, flags: ['write'], run: hincrby },
  hdel: {
    arity: -3,
    flags: ['write'],
    run: (s, c, args) => {
      const h = typed(s, c.db, args[1]!, 'hash', false);
      if (typeof h === 'string') return h;
      let n = 0;
      for (const f of args.slice(2)) if (h?.value.delete(f)) n++;
      if (n > 0) s.changed(c.db, args, n);
      s.ks.dropIfEmpty(c.db, args[1]!);
      return integer(n);
    },
  },
  sadd: {
    arity: -3,
    flags: ['write'],
    run: (s, c, args) => {
      const v = create(s, c.db, args[1]!, 'set');
      if (typeof v === 'string') return v;
      let n = 0;
      for (const m of args.slice(2)) if (!v.value.has(m)) (v.value.add(m), n++);
      if (n > 0) s.changed(c.db, args, n);
      return integer(n);
    },
  },
  srem: {
    arity: -3,
    flags: ['write'],
    run: (s, c, args) => {
      const v = typed(s, c.db, args[1]!, 'set', false);
      if (typeof v === 'string') return v;
      let n = 0;
      for (const m of args.slice(2)) if (v?.value.delete(m)) n++;
      if (n > 0) s.changed(c.db, args, n);
      s.ks.dropIfEmpty(c.db, args[1]!);
      return integer(n);
    },
  },
  smembers: { arity: 2, flags: ['readonly'], run: setRead((m) => bulks(members(m)), array([])) },
  scard: { arity: 2, flags: ['readonly'], run: setRead((m) => integer(m.size), integer(0)) },
  sismember: { arity: 3, flags: ['readonly'], run: setRead((m, a) => integer(m.has(a[2]!) ? 1 : 0), integer(0)) },
  sinter: { arity: -2, flags: ['readonly'], run: combine('inter') },
  sunion: { arity: -2, flags: ['readonly'], run: combine('union') },
});
