/**
 * The smaller built-in modules: os (from uname, /proc and the network
 * namespace), assert, querystring, string_decoder, crypto (hashes, HMAC,
 * random values and UUIDs), dns.lookup, readline, and timers/promises.
 */
import { Buffer } from 'buffer';
import { fromUtf8 } from '../../common/bytes.ts';
import { createHash as makeHash, type HashName } from '../lib/text-hash.ts';
import type { NodeContext } from './context.ts';
import { codeError, dnsException } from './errors.ts';
import { hostAddress } from '../lib/net-names.ts';
import type { FileCache } from './files.ts';
import { inspect } from './inspect.ts';
import { parseQuery, stringifyQuery } from './url.ts';
import { isDeepStrictEqual } from './util.ts';

export function makeOs(ctx: NodeContext, files: FileCache) {
  const { sys } = ctx;
  const text = (p: string) => fromUtf8(files.snapshot(p) ?? new Uint8Array());
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s*(\\d+)`, 'm').exec(text('/proc/meminfo'))?.[1] ?? 0) * 1024;
  const cpus = () => {
    const blocks = text('/proc/cpuinfo').split(/\n\n+/).filter((b) => /processor/.test(b));
    const model = (b: string) => /model name\s*:\s*(.*)/.exec(b)?.[1] ?? 'Berth Virtual CPU';
    const mhz = (b: string) => Math.round(Number(/cpu MHz\s*:\s*([\d.]+)/.exec(b)?.[1] ?? 2400));
    return (blocks.length ? blocks : ['']).map((b) => ({ model: model(b), speed: mhz(b), times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } }));
  };
  const user = () => {
    const uid = sys.geteuid();
    const entry = text('/etc/passwd').split('\n').map((l) => l.split(':')).find((f) => Number(f[2]) === uid);
    return { uid, gid: sys.getegid(), username: entry?.[0] ?? String(uid), homedir: entry?.[5] ?? ctx.env.HOME ?? '/', shell: entry?.[6] ?? null };
  };
  return {
    EOL: '\n',
    devNull: '/dev/null',
    hostname: () => sys.uname().nodename,
    type: () => 'Linux',
    platform: () => 'linux',
    release: () => sys.uname().release,
    version: () => sys.uname().version,
    machine: () => 'x86_64',
    arch: () => 'x64',
    endianness: () => 'LE',
    uptime: () => Math.floor(sys.uptime()),
    loadavg: () => text('/proc/loadavg').split(' ').slice(0, 3).map(Number).concat([0, 0, 0]).slice(0, 3),
    totalmem: () => kb('MemTotal'),
    freemem: () => kb('MemAvailable') || kb('MemFree'),
    cpus,
    availableParallelism: () => cpus().length,
    homedir: () => ctx.env.HOME ?? user().homedir,
    tmpdir: () => (ctx.env.TMPDIR ?? ctx.env.TMP ?? ctx.env.TEMP ?? '/tmp').replace(/(.)\/$/, '$1'),
    userInfo: user,
    networkInterfaces: () => {
      const out: Record<string, object[]> = {};
      for (const i of sys.netInfo().interfaces) {
        out[i.name] = i.addresses.map((a) => ({ address: a.address, netmask: prefixMask(a.prefix), family: a.family === 'inet' ? 'IPv4' : 'IPv6', mac: i.mac, internal: i.kind === 'loopback', cidr: `${a.address}/${a.prefix}` }));
      }
      return out;
    },
    constants: { signals: { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19 }, errno: {}, priority: {} },
    getPriority: () => 0,
    setPriority: () => undefined,
  };
}

function prefixMask(prefix: number): string {
  const n = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

export class AssertionError extends Error {
  override name = 'AssertionError';
  code = 'ERR_ASSERTION';
  generatedMessage: boolean;
  constructor(options: { message?: string; actual?: unknown; expected?: unknown; operator?: string }) {
    const generated = options.message === undefined;
    super(options.message ?? `${inspect(options.actual)} ${options.operator ?? '=='} ${inspect(options.expected)}`);
    this.generatedMessage = generated;
    Object.assign(this, { actual: options.actual, expected: options.expected, operator: options.operator });
    if (typeof this.stack === 'string') this.stack = this.stack.replace(/^AssertionError/, 'AssertionError [ERR_ASSERTION]');
  }
}

export function makeAssert(ctx: NodeContext) {
  const fail = (actual: unknown, expected: unknown, operator: string, message?: unknown) => {
    if (message instanceof Error) throw message;
    throw new AssertionError({ message: message as string | undefined, actual, expected, operator });
  };
  const ok = (...args: unknown[]) => {
    if (!args[0]) fail(args[0], true, '==', args[1] ?? (args.length === 0 ? 'No value argument passed to `assert.ok()`' : 'The expression evaluated to a falsy value'));
  };
  const assert = Object.assign((value: unknown, message?: unknown) => ok(value, message ?? 'The expression evaluated to a falsy value'), {
    ok,
    AssertionError,
    fail: (message?: unknown) => fail(undefined, undefined, 'fail', message ?? 'Failed'),
    // eslint-disable-next-line eqeqeq
    equal: (a: unknown, b: unknown, m?: unknown) => void (a == b || fail(a, b, '==', m)),
    // eslint-disable-next-line eqeqeq
    notEqual: (a: unknown, b: unknown, m?: unknown) => void (a != b || fail(a, b, '!=', m)),
    strictEqual: (a: unknown, b: unknown, m?: unknown) => void (Object.is(a, b) || fail(a, b, 'strictEqual', m ?? `Expected values to be strictly equal:\n\n${inspect(a)} !== ${inspect(b)}\n`)),
    notStrictEqual: (a: unknown, b: unknown, m?: unknown) => void (!Object.is(a, b) || fail(a, b, 'notStrictEqual', m ?? `Expected "actual" to be strictly unequal to: ${inspect(b)}`)),
    deepEqual: (a: unknown, b: unknown, m?: unknown) => void (isDeepStrictEqual(a, b) || fail(a, b, 'deepEqual', m ?? `Expected values to be loosely deep-equal:\n\n${inspect(a)}\n\nshould loosely deep-equal\n\n${inspect(b)}`)),
    deepStrictEqual: (a: unknown, b: unknown, m?: unknown) => void (isDeepStrictEqual(a, b) || fail(a, b, 'deepStrictEqual', m ?? `Expected values to be strictly deep-equal:\n${inspect(a)}\n\nshould equal\n\n${inspect(b)}`)),
    notDeepStrictEqual: (a: unknown, b: unknown, m?: unknown) => void (!isDeepStrictEqual(a, b) || fail(a, b, 'notDeepStrictEqual', m)),
    throws: (fn: () => unknown, expected?: unknown, m?: unknown) => {
      try {
        fn();
      } catch (err) {
        if (typeof expected === 'function' && (expected as { prototype?: unknown }).prototype !== undefined && !(err instanceof (expected as new () => unknown))) throw err;
        if (expected instanceof RegExp && !expected.test(String(err))) fail(err, expected, 'throws', m);
        return;
      }
      fail(undefined, expected, 'throws', typeof expected === 'string' ? expected : (m ?? 'Missing expected exception.'));
    },
    doesNotThrow: (fn: () => unknown) => void fn(),
    rejects: (p: Promise<unknown> | (() => Promise<unknown>)) =>
      ctx.adopt(
        (async () => {
          try {
            await (typeof p === 'function' ? p() : p);
          } catch {
            return;
          }
          fail(undefined, undefined, 'rejects', 'Missing expected rejection.');
        })(),
      ),
    match: (s: string, re: RegExp, m?: unknown) => void (re.test(s) || fail(s, re, 'match', m ?? `The input did not match the regular expression ${re}. Input:\n\n${inspect(s)}\n`)),
  });
  return Object.assign(assert, { strict: assert });
}

export function makeCrypto(ctx: NodeContext) {
  const host = globalThis as unknown as { crypto: { getRandomValues<T extends Uint8Array>(a: T): T; randomUUID(): string; subtle: unknown } };
  const digestTo = (bytes: Uint8Array, encoding?: string) => (encoding ? Buffer.from(bytes).toString(encoding as 'hex') : Buffer.from(bytes));
  const hashName = (name: string): HashName => {
    const n = name.toLowerCase().replace('-', '') as HashName;
    if (!['md5', 'sha1', 'sha256', 'sha512'].includes(n)) throw codeError(Error, 'ERR_OSSL_EVP_UNSUPPORTED', `Digest method not supported`);
    return n;
  };
  const raw = (name: HashName, parts: Uint8Array[]) => {
    const h = makeHash(name);
    for (const p of parts) h.update(p);
    return Buffer.from(h.hex(), 'hex');
  };
  const toBytes = (data: unknown, enc?: string) => (typeof data === 'string' ? Buffer.from(data, (enc ?? 'utf8') as 'utf8') : Buffer.from(data as Uint8Array));
  class Hash {
    private parts: Uint8Array[] = [];
    constructor(private readonly name: HashName) {}
    update(data: unknown, enc?: string): this {
      this.parts.push(toBytes(data, enc));
      return this;
    }
    digest(encoding?: string): string | Buffer {
      return digestTo(raw(this.name, this.parts), encoding);
    }
    copy(): Hash {
      const h = new Hash(this.name);
      h.parts = [...this.parts];
      return h;
    }
  }
  class Hmac {
    private parts: Uint8Array[] = [];
    private readonly key: Uint8Array;
    constructor(private readonly name: HashName, key: unknown) {
      const block = name === 'sha512' ? 128 : 64;
      let k = toBytes(key);
      if (k.length > block) k = raw(name, [k]);
      this.key = Buffer.concat([k, Buffer.alloc(block - k.length)]);
    }
    update(data: unknown, enc?: string): this {
      this.parts.push(toBytes(data, enc));
      return this;
    }
    digest(encoding?: string): string | Buffer {
      const inner = raw(this.name, [this.key.map((b) => b ^ 0x36), ...this.parts]);
      return digestTo(raw(this.name, [this.key.map((b) => b ^ 0x5c), inner]), encoding);
    }
  }
  const randomBytes = (n: number, cb?: (err: Error | null, buf: Buffer) => void) => {
    const buf = Buffer.alloc(n);
    for (let i = 0; i < n; i += 65536) host.crypto.getRandomValues(buf.subarray(i, Math.min(n, i + 65536)));
    if (cb) ctx.loop.nextTick(() => cb(null, buf));
    return buf;
  };
  return {
    createHash: (name: string) => new Hash(hashName(name)),
    createHmac: (name: string, key: unknown) => new Hmac(hashName(name), key),
    getHashes: () => ['md5', 'sha1', 'sha256', 'sha512'],
    randomBytes,
    randomUUID: () => host.crypto.randomUUID(),
    randomInt: (min: number, max?: number) => {
      if (max === undefined) [min, max] = [0, min];
      return min + Math.floor((randomBytes(4).readUInt32BE(0) / 2 ** 32) * (max - min));
    },
    getRandomValues: <T extends Uint8Array>(a: T) => host.crypto.getRandomValues(a),
    timingSafeEqual: (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]),
    webcrypto: host.crypto,
    subtle: host.crypto.subtle,
  };
}

export function makeDns(ctx: NodeContext) {
  const lookup = (hostname: string, options?: unknown, cb?: (err: Error | null, address?: string, family?: number) => void) => {
    if (typeof options === 'function') cb = options as typeof cb;
    ctx.loop.job(
      () => hostAddress(ctx.sys, hostname),
      (err, found) => {
        if (err || !found || 'error' in found) return cb?.(dnsException(hostname));
        cb?.(null, found.address, 4);
      },
    );
  };
  const promises = { lookup: (hostname: string) => new ctx.Promise((resolve, reject) => lookup(hostname, undefined, (err: Error | null, address?: string, family?: number) => (err ? reject(err) : resolve({ address, family })))) };
  return { lookup, promises };
}

export function makeQuerystring() {
  return {
    parse: (s: string, sep = '&', eq = '=') => parseQuery(sep === '&' && eq === '=' ? s : s.split(sep).join('&').split(eq).join('=')),
    stringify: (o: Record<string, unknown>, sep = '&', eq = '=') => stringifyQuery(o, sep, eq),
    escape: encodeURIComponent,
    unescape: decodeURIComponent,
    decode: parseQuery,
    encode: stringifyQuery,
  };
}

export class StringDecoder {
  private pending = new Uint8Array(0);
  constructor(readonly encoding = 'utf8') {}
  write(buf: Uint8Array): string {
    if (this.encoding !== 'utf8' && this.encoding !== 'utf-8') return Buffer.from(buf).toString(this.encoding as 'utf8');
    const all = this.pending.length ? Buffer.concat([this.pending, buf]) : buf;
    let end = all.length;
    for (let back = 1; back <= 3 && end - back >= 0; back++) {
      const b = all[end - back]!;
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (need > back) end -= back;
      break;
    }
    this.pending = all.slice(end);
    return new TextDecoder().decode(all.subarray(0, end));
  }
  end(buf?: Uint8Array): string {
    const out = (buf ? this.write(buf) : '') + (this.pending.length ? new TextDecoder().decode(this.pending) : '');
    this.pending = new Uint8Array(0);
    return out;
  }
}
