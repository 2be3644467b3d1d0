/**
 * Strings and the generic key commands: SET/GET and friends, counters,
 * DEL/EXISTS/KEYS/TYPE, and expiry (EXPIRE/TTL/PERSIST). Replies and errors
 * as Redis 7.4 words them.
 */
import { fitsInt64, intArg, NOT_INTEGER, register, SYNTAX, toInt64, WRONGTYPE, type Handler } from './commands.ts';
import { array, bulk, bulks, error, integer, NIL, OK, status } from './resp.ts';
import { globMatch, type Value } from './store.ts';

const str = (v: Value | undefined): string | null | false => (v === undefined ? null : v.type === 'string' ? v.value : false);

const invalidExpire = (cmd: string) => error(`ERR invalid expire time in '${cmd}' command`);

const set: Handler = (s, c, args) => {
  const [, key, value] = args as [string, string, string];
  let nx = false;
  let xx = false;
  let get = false;
  let keepTtl = false;
  let expireAt: number | undefined;
  let unit: string | undefined;
  for (let i = 3; i < args.length; i++) {
    const opt = args[i]!.toUpperCase();
    const next = args[i + 1];
    if (opt === 'NX' && !xx) nx = true;
    else if (opt === 'XX' && !nx) xx = true;
    else if (opt === 'GET') get = true;
    else if (opt === 'KEEPTTL' && !unit) keepTtl = true;
    else if (['EX', 'PX', 'EXAT', 'PXAT'].includes(opt) && !keepTtl && !unit && next !== undefined) {
      unit = opt;
      const n = toInt64(next);
      if (n === undefined) return NOT_INTEGER;
      if (n <= 0n) return invalidExpire('set');
      const ms = opt === 'EX' || opt === 'EXAT' ? n * 1000n : n;
      if (!fitsInt64(ms)) return invalidExpire('set');
      expireAt = Number(opt === 'EX' || opt === 'PX' ? ms + BigInt(s.now()) : ms);
      i++;
    } else return SYNTAX;
  }
  const old = s.ks.lookup(c.db, key);
  if (get && old && old.type !== 'string') return WRONGTYPE;
  const oldValue = get ? bulk(str(old) || null) : undefined;
  if ((nx && old) || (xx && !old)) return oldValue ?? NIL;
  s.ks.set(c.db, key, { type: 'string', value }, keepTtl);
  if (expireAt !== undefined) s.ks.expireAt(c.db, key, expireAt);
  // Relative times become absolute in the AOF, as Redis propagates them.
  s.changed(c.db, expireAt !== undefined ? ['SET', key, value, 'PXAT', String(expireAt)] : args);
  return oldValue ?? OK;
};

const get: Handler = (s, c, [, key]) => {
  const v = str(s.ks.read(c.db, key!));
  return v === false ? WRONGTYPE : bulk(v);
};

/** INCR, DECR, INCRBY, DECRBY: 64-bit signed arithmetic on a string that holds an integer. */
const counter =
  (sign: 1n | -1n, byArg: boolean): Handler =>
  (s, c, args) => {
    const key = args[1]!;
    let by = 1n;
    if (byArg) {
      const n = toInt64(args[2]!);
      if (n === undefined) return NOT_INTEGER;
      if (sign < 0n && n === -(2n ** 63n)) return error('ERR decrement would overflow');
      by = n;
    }
    const old = s.ks.lookup(c.db, key);
    if (old && old.type !== 'string') return WRONGTYPE;
    const cur = old ? toInt64(old.value) : 0n;
    if (cur === undefined) return NOT_INTEGER;
    const next = cur + sign * by;
    if (!fitsInt64(next)) return error('ERR increment or decrement would overflow');
    s.ks.set(c.db, key, { type: 'string', value: String(next) }, true);
    s.changed(c.db, args);
    return integer(Number(next));
  };

const incrbyfloat: Handler = (s, c, args) => {
  const [, key, by] = args as [string, string, string];
  const old = s.ks.lookup(c.db, key);
  if (old && old.type !== 'string') return WRONGTYPE;
  const isFloat = (t: string) => t !== '' && !/\s/.test(t) && Number.isFinite(Number(t));
  if (!isFloat(by)) return error('ERR value is not a valid float');
  if (old && !isFloat(old.value)) return error('ERR value is not a valid float');
  const next = (old ? Number(old.value) : 0) + Number(by);
  if (!Number.isFinite(next)) return error('ERR increment would produce NaN or Infinity');
  const text = String(Number(next.toPrecision(17))).replace(/e\+?/, 'e');
  s.ks.set(c.db, key, { type: 'string', value: text }, true);
  s.changed(c.db, ['SET', key, text, 'KEEPTTL']);
  return bulk(text);
};

const append: Handler = (s, c, args) => {
  const [, key, value] = args as [string, string, string];
  const old = s.ks.lookup(c.db, key);
  if (old && old.type !== 'string') return WRONGTYPE;
  const next = (old?.value ?? '') + value;
  s.ks.set(c.db, key, { type: 'string', value: next }, true);
  s.changed(c.db, args);
  return integer(next.length);
};

const expire =
  (name: string, unitMs: number, absolute: boolean): Handler =>
  (s, c, args) => {
    const key = args[1]!;
    const n = toInt64(args[2]!);
    if (n === undefined) return NOT_INTEGER;
    const flags = args.slice(3).map((f) => f.toUpperCase());
    for (const f of flags) if (!['NX', 'XX', 'GT', 'LT'].includes(f)) return error(`ERR Unsupported option ${args[3 + flags.indexOf(f)]}`);
    const has = (f: string) => flags.includes(f);
    if (has('NX') && (has('XX') || has('GT') || has('LT'))) return error('ERR NX and XX, GT or LT options at the same time are not compatible');
    if (has('GT') && has('LT')) return error('ERR GT and LT options at the same time are not compatible');
    let ms = n * BigInt(unitMs);
    if (!fitsInt64(ms)) return invalidExpire(name);
    if (!absolute) ms += BigInt(s.now());
    if (!fitsInt64(ms)) return invalidExpire(name);
    if (!s.ks.lookup(c.db, key)) return integer(0);
    const cur = s.ks.dbs[c.db]!.expires.get(key);
    const at = Number(ms);
    if (has('NX') && cur !== undefined) return integer(0);
    if (has('XX') && cur === undefined) return integer(0);
    // A key without a TTL counts as infinite for GT and LT.
    if (has('GT') && (cur === undefined || at <= cur)) return integer(0);
    if (has('LT') && cur !== undefined && at >= cur) return integer(0);
    if (at <= s.now()) {
      s.ks.delete(c.db, key);
      s.changed(c.db, ['DEL', key]);
    } else {
      s.ks.expireAt(c.db, key, at);
      s.changed(c.db, ['PEXPIREAT', key, String(at)]);
    }
    return integer(1);
  };

const ttl =
  (ms: boolean): Handler =>
  (s, c, [, key]) => {
    if (!s.ks.read(c.db, key!)) return integer(-2);
    const at = s.ks.dbs[c.db]!.expires.get(key!);
    if (at === undefined) return integer(-1);
    const left = Math.max(0, at - s.now());
    return integer(ms ? left : Math.floor((left + 500) / 1000));
  };

const del: Handler = (s, c, args) => {
  let n = 0;
  for (const key of args.slice(1)) if (s.ks.delete(c.db, key)) n++;
  if (n > 0) s.changed(c.db, ['DEL', ...args.slice(1)], n);
  return integer(n);
};

register({
  set: { arity: -3, flags: ['write'], run: set },
  setnx: { arity: 3, flags: ['write'], run: (s, c, [, k, v]) => (s.ks.lookup(c.db, k!) ? integer(0) : (set(s, c, ['SET', k!, v!]), integer(1))) },
  setex: {
    arity: 4,
    flags: ['write'],
    run: (s, c, [, k, secs, v]) => {
      const r = set(s, c, ['SET', k!, v!, 'EX', secs!]) as string;
      return r.includes("'set'") ? invalidExpire('setex') : r;
    },
  },
  get: { arity: 2, flags: ['readonly'], run: get },
  getset: { arity: 3, flags: ['write'], run: (s, c, [, k, v]) => set(s, c, ['SET', k!, v!, 'GET']) },
  getdel: {
    arity: 2,
    flags: ['write'],
    run: (s, c, [, k]) => {
      const v = str(s.ks.read(c.db, k!));
      if (v === false) return WRONGTYPE;
      if (v !== null) {
        s.ks.delete(c.db, k!);
        s.changed(c.db, ['DEL', k!]);
      }
      return bulk(v);
    },
  },
  mset: {
    arity: -3,
    flags: ['write'],
    run: (s, c, args) => {
      if (args.length % 2 === 0) return error("ERR wrong number of arguments for 'mset' command");
      for (let i = 1; i < args.length; i += 2) s.ks.set(c.db, args[i]!, { type: 'string', value: args[i + 1]! });
      s.changed(c.db, args, (args.length - 1) / 2);
      return OK;
    },
  },
  mget: { arity: -2, flags: ['readonly'], run: (s, c, args) => array(args.slice(1).map((k) => bulk(str(s.ks.read(c.db, k)) || null))) },
  incr: { arity: 2, flags: ['write'], run: counter(1n, false) },
  decr: { arity: 2, flags: ['write'], run: counter(-1n, false) },
  incrby: { arity: 3, flags: ['write'], run: counter(1n, true) },
  decrby: { arity: 3, flags: ['write'], run: counter(-1n, true) },
  incrbyfloat: { arity: 3, flags: ['write'], run: incrbyfloat },
  append: { arity: 3, flags: ['write'], run: append },
  strlen: {
    arity: 2,
    flags: ['readonly'],
    run: (s, c, [, k]) => {
      const v = str(s.ks.read(c.db, k!));
      return v === false ? WRONGTYPE : integer(v?.length ?? 0);
    },
  },
  del: { arity: -2, flags: ['write'], run: del },
  unlink: { arity: -2, flags: ['write'], run: del },
  exists: { arity: -2, flags: ['readonly'], run: (s, c, args) => integer(args.slice(1).filter((k) => s.ks.read(c.db, k)).length) },
  type: { arity: 2, flags: ['readonly'], run: (s, c, [, k]) => status(s.ks.lookup(c.db, k!)?.type ?? 'none') },
  keys: { arity: 2, flags: ['readonly'], run: (s, c, [, pattern]) => bulks(s.ks.keysOf(c.db).filter((k) => globMatch(pattern!, k))) },
  randomkey: {
    arity: 1,
    flags: ['readonly'],
    run: (s, c) => {
      const keys = s.ks.keysOf(c.db);
      return bulk(keys.length ? keys[Math.floor(Math.random() * keys.length)]! : null);
    },
  },
  rename: {
    arity: 3,
    flags: ['write'],
    run: (s, c, args) => {
      const [, from, to] = args as [string, string, string];
      const v = s.ks.lookup(c.db, from);
      if (!v) return error('ERR no such key');
      const at = s.ks.dbs[c.db]!.expires.get(from);
      s.ks.delete(c.db, from);
      s.ks.set(c.db, to, v);
      if (at !== undefined) s.ks.expireAt(c.db, to, at);
      s.changed(c.db, args);
      return OK;
    },
  },
  expire: { arity: -3, flags: ['write'], run: expire('expire', 1000, false) },
  pexpire: { arity: -3, flags: ['write'], run: expire('pexpire', 1, false) },
  expireat: { arity: -3, flags: ['write'], run: expire('expireat', 1000, true) },
  pexpireat: { arity: -3, flags: ['write'], run: expire('pexpireat', 1, true) },
  ttl: { arity: 2, flags: ['readonly'], run: ttl(false) },
  pttl: { arity: 2, flags: ['readonly'], run: ttl(true) },
  persist: {
    arity: 2,
    flags: ['write'],
    run: (s, c, args) => {
      if (!s.ks.lookup(c.db, args[1]!) || !s.ks.dbs[c.db]!.expires.delete(args[1]!)) return integer(0);
      s.changed(c.db, args);
      return integer(1);
    },
  },
  dbsize: { arity: 1, flags: ['readonly'], run: (s, c) => integer(s.ks.keysOf(c.db).length) },
  scan: {
    arity: -2,
    flags: ['readonly'],
    run: (s, c, args) => {
      const cursor = intArg(args[1]!);
      if (cursor === undefined || cursor < 0) return error('ERR invalid cursor');
      let match = '*';
      let count = 10;
      for (let i = 2; i < args.length; i += 2) {
        const opt = args[i]!.toUpperCase();
        if (opt === 'MATCH' && args[i + 1] !== undefined) match = args[i + 1]!;
        else if (opt === 'COUNT' && args[i + 1] !== undefined) {
          const n = intArg(args[i + 1]!);
          if (n === undefined) return NOT_INTEGER;
          if (n < 1) return SYNTAX;
          count = n;
        } else if (opt === 'TYPE' && args[i + 1] !== undefined) continue;
        else return SYNTAX;
      }
      const keys = s.ks.keysOf(c.db);
      const page = keys.slice(cursor, cursor + count);
      const next = cursor + count >= keys.length ? 0 : cursor + count;
      return array([bulk(String(next)), bulks(page.filter((k) => globMatch(match, k)))]);
    },
  },
});
