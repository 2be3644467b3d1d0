/**
 * nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]
 *
 * Busybox's own resolver client (FEATURE_NSLOOKUP_BIG, as on Alpine): it
 * asks the servers of /etc/resolv.conf (or DNS_SERVER) directly over UDP,
 * A and AAAA for a name, PTR for an address, and prints each answer as it
 * arrives:
 *
 *     Server:		127.0.0.11
 *     Address:	127.0.0.11:53
 *
 *     Non-authoritative answer:
 *     Name:	web
 *     Address: 172.18.0.2
 *
 *     Non-authoritative answer:
 *
 * (the second block is the AAAA answer: there is none). "** server can't
 * find x: NXDOMAIN" and exit status 1 for names that do not exist.
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { CLASS_IN, RD, TYPE, decodeMessage, encodeMessage, type Message, type ResourceRecord } from '../../common/dns.ts';
import { strerror } from '../../fs/errno.ts';
import type { Sys } from '../../kernel/sys.ts';
import { applet, fail, type AppletContext } from '../lib/applet.ts';
import { hostAddress } from '../lib/net-names.ts';
import { errnoOf, inet, inetAton, readText } from '../lib/net-socket.ts';
import { xatoulRangeSfx } from '../lib/system-format.ts';

const USAGE = `Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any`;

const QTYPES: [string, number][] = [
  ['SOA', TYPE.SOA],
  ['NS', TYPE.NS],
  ['A', TYPE.A],
  ['AAAA', TYPE.AAAA],
  ['CNAME', TYPE.CNAME],
  ['MX', TYPE.MX],
  ['TXT', TYPE.TXT],
  ['SRV', TYPE.SRV],
  ['PTR', TYPE.PTR],
  ['ANY', TYPE.ANY],
];

const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE', '11', '12', '13', '14', '15'];

interface Query {
  name: string;
  type: number;
  id: number;
  packet: Uint8Array;
  answered: boolean;
}

interface Server {
  name: string;
  address: string;
  port: number;
}

/** A domain name inside raw record data (no compression pointers), and where it ends. */
function rawName(b: Uint8Array, at: number): { name: string; end: number } | undefined {
  const labels: string[] = [];
  while (at < b.length) {
    const len = b[at]!;
    if (len === 0) return { name: labels.join('.'), end: at + 1 };
    if (len & 0xc0) return undefined;
    labels.push(fromUtf8(b.subarray(at + 1, at + 1 + len)));
    at += 1 + len;
  }
  return undefined;
}

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** parse_reply: the answers in nslookup's words; false where busybox's parser gives up. */
function formatAnswers(m: Message, debug: boolean): { text: string; ok: boolean } {
  let text = '';
  if (!(m.flags & 0x0400)) text += 'Non-authoritative answer:\n';
  else if (debug) text += 'authoritative answer:\n';
  const line = (rr: ResourceRecord): string | undefined => {
    const d = rr.data;
    switch (rr.type) {
      case TYPE.A:
      case TYPE.AAAA:
        return typeof d === 'string' ? `Name:\t${rr.name}\nAddress: ${d}\n` : undefined;
      case TYPE.NS:
        return `${rr.name}\tnameserver = ${String(d)}\n`;
      case TYPE.CNAME:
        return `${rr.name}\tcanonical name = ${String(d)}\n`;
      case TYPE.PTR:
        return `${rr.name}\tname = ${String(d)}\n`;
      case TYPE.TXT:
        return typeof d === 'string' && d !== '' ? `${rr.name}\ttext = "${d}"\n` : '';
      case TYPE.MX: {
        if (!(d instanceof Uint8Array) || d.length < 2) return undefined;
        const n = rawName(d, 2);
        return n && `${rr.name}\tmail exchanger = ${u16(d, 0)} ${n.name}\n`;
      }
      case TYPE.SRV: {
        if (!(d instanceof Uint8Array) || d.length < 6) return undefined;
        const n = rawName(d, 6);
        return n && `${rr.name}\tservice = ${u16(d, 0)} ${u16(d, 2)} ${u16(d, 4)} ${n.name}\n`;
      }
      case TYPE.SOA: {
        if (!(d instanceof Uint8Array) || d.length < 20) return undefined;
        const origin = rawName(d, 0);
        const mail = origin && rawName(d, origin.end);
        if (!mail) return undefined;
        const at = mail.end;
        return `${rr.name}\n\torigin = ${origin.name}\n\tmail addr = ${mail.name}\n\tserial = ${u32(d, at)}\n\trefresh = ${u32(d, at + 4)}\n\tretry = ${u32(d, at + 8)}\n\texpire = ${u32(d, at + 12)}\n\tminimum = ${u32(d, at + 16)}\n`;
      }
      default:
        return '';
    }
  };
  for (const rr of m.answers ?? []) {
    const l = line(rr);
    if (l === undefined) return { text, ok: false };
    text += l;
  }
  return { text, ok: true };
}

/** make_ptr: the PTR name for an address, or undefined for a name. */
function makePtr(text: string): string | undefined {
  const v4 = /^\d+\.\d+\.\d+\.\d+$/.test(text) ? inetAton(text) : undefined;
  if (v4) return `${v4.split('.').reverse().join('.')}.in-addr.arpa`;
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return undefined;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const a = head ? head.split(':') : [];
  const b = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const groups = tail !== undefined ? [...a, ...new Array<string>(Math.max(0, 8 - a.length - b.length)).fill('0'), ...b] : a;
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const nibbles = groups.map((g) => g.padStart(4, '0').toLowerCase()).join('');
  if (nibbles.startsWith('00000000000000000000ffff')) {
    const n = parseInt(nibbles.slice(24), 16);
    return `${n & 255}.${(n >>> 8) & 255}.${(n >>> 16) & 255}.${n >>> 24}.in-addr.arpa`;
  }
  return `${[...nibbles].reverse().join('.')}.ip6.arpa`;
}

class Lookup {
  port = 53;
  retry = 2;
  timeout = 5;
  debug = false;
  exitcode = 0;
  readonly queries: Query[] = [];
  private nextId = Math.floor(Math.random() * 65536);

  constructor(private readonly ctx: AppletContext) {}

  addQuery(type: number, name: string): void {
    const id = (this.nextId = (this.nextId + 1) & 0xffff);
    const packet = encodeMessage({ id, flags: RD, questions: [{ name, type, class: CLASS_IN }] });
    this.queries.push({ name, type, id, packet, answered: false });
  }

  addQueryWithSearch(type: number, name: string, search: string[] | undefined): void {
    if (type === TYPE.PTR || !search || name.includes('.')) return this.addQuery(type, name);
    for (const domain of search) this.addQuery(type, `${name}.${domain}`);
  }

  /** send_queries (after musl's res_msend): the number of replies, 0 on time-out, -1 on a send error. */
  async send(server: Server): Promise<number> {
    const { sys, out } = this.ctx;
    const fd = sys.socket('inet', 'dgram');
    let replies = 0;
    let printedServer = false;
    try {
      sys.bind(fd, inet('0.0.0.0', 0));
      try {
        await sys.connect(fd, inet(server.address, server.port));
      } catch (err) {
        fail(`can't connect to remote host (${server.address}): ${strerror(errnoOf(err))}`);
      }
      const timeoutMs = this.timeout * 1000;
      const retryInterval = timeoutMs / this.retry;
      const start = sys.now();
      let sentAt = -Infinity;
      let first = true;
      while (sys.now() - start < timeoutMs) {
        if (sys.now() - sentAt >= retryInterval) {
          for (const q of this.queries) {
            if (q.answered) continue;
            try {
              await sys.write(fd, q.packet);
            } catch (err) {
              const code = errnoOf(err);
              // Linux refuses to connect a UDP socket without a route: that is where busybox dies.
              if (first && code === 'ENETUNREACH') fail(`can't connect to remote host (${server.address}): ${strerror(code)}`);
              await this.ctx.err.write(`nslookup: write to '${server.name}': ${strerror(code)}\n`);
              return -1;
            }
          }
          first = false;
          sentAt = sys.now();
        }
        const ready = await sys.poll([{ fd, in: true }], Math.max(0, retryInterval - (sys.now() - sentAt)));
        if (ready.length === 0) continue;
        let data: Uint8Array;
        try {
          data = await sys.read(fd, 512);
        } catch (err) {
          await this.ctx.err.write(`nslookup: read: ${strerror(errnoOf(err))}\n`);
          continue;
        }
        if (!printedServer) {
          printedServer = true;
          await out.write(`Server:\t\t${server.name}\nAddress:\t${server.address}:${server.port}\n\n`);
        }
        if (data.length < 4) continue;
        const id = (data[0]! << 8) | data[1]!;
        const q = this.queries.find((x) => x.id === id);
        if (!q || q.answered) continue;
        const rcode = data[3]! & 15;
        if (rcode === 2) {
          // SERVFAIL: asked again at once, a few times.
          await sys.write(fd, q.packet).catch((err: unknown) => errnoOf(err));
          continue;
        }
        q.answered = true;
        if (this.debug) await out.write(`Query #${this.queries.indexOf(q)} completed in ${Math.round(sys.now() - start)}ms:\n`);
        if (rcode !== 0) {
          await out.write(`** server can't find ${q.name}: ${RCODES[rcode]}\n`);
          this.exitcode = 1;
        } else {
          let parsed: { text: string; ok: boolean };
          try {
            parsed = formatAnswers(decodeMessage(data), this.debug);
          } catch {
            parsed = { text: '', ok: false };
          }
          await out.write(parsed.text);
          if (!parsed.ok) {
            await out.write(`*** Can't find ${q.name}: Parse error\n`);
            this.exitcode = 1;
          }
        }
        await out.write('\n');
        if (++replies >= this.queries.length) break;
      }
      return replies;
    } finally {
      sys.close(fd);
    }
  }
}

/** /etc/resolv.conf as nslookup reads it: every nameserver, and the search list. */
async function resolvConf(sys: Sys): Promise<{ servers: string[]; search?: string[] }> {
  const text = (await readText(sys, '/etc/resolv.conf')) ?? '';
  const servers: string[] = [];
  let search: string | undefined;
  let haveSearch = false;
  for (const raw of text.split('\n')) {
    const m = /^[ \t]*(\S+)[ \t]+(.+)$/.exec(raw);
    if (!m) continue;
    const [, key, arg] = m;
    if (key === 'domain') {
      if (!haveSearch) search = arg;
    } else if (key === 'search') {
      haveSearch = true;
      search = arg;
    } else if (key === 'nameserver') servers.push(arg!);
  }
  if (search === undefined) {
    const host = sys.uname().nodename;
    if (host.includes('.')) search = host.slice(host.indexOf('.') + 1);
  }
  if (search === '.') search = undefined;
  return { servers, search: search?.trim().split(/\s+/) };
}

export default applet(USAGE, async (ctx) => {
  const { sys } = ctx;
  const lookup = new Lookup(ctx);
  const usage = async () => {
    await ctx.usage();
    return fail('', 1);
  };
  let args = ctx.args;
  let types: number[] = [];
  const OPTIONS = ['type', 'querytype', 'port', 'retry', 'debug', 't', 'timeout'];
  for (;;) {
    const a = args[0];
    if (a === undefined) return usage();
    if (a[0] !== '-') break;
    args = args.slice(1);
    const eq = a.indexOf('=');
    const key = eq < 0 ? a.slice(1) : a.slice(1, eq);
    const val = eq < 0 ? '' : a.slice(eq + 1);
    const i = OPTIONS.findIndex((o) => o.startsWith(key));
    if (i < 0) return usage();
    if (i <= 1) {
      const t = QTYPES.find(([n]) => n.toLowerCase() === val.toLowerCase());
      if (!t) fail(`invalid query type "${val}"`);
      if (!types.includes(t![1])) types.push(t![1]);
    } else if (i === 2) lookup.port = xatoulRangeSfx(val, 1, 0xffff);
    else if (i === 3) lookup.retry = xatoulRangeSfx(val, 1, 2147483647);
    else if (i === 4) lookup.debug = true;
    else lookup.timeout = xatoulRangeSfx(val, 1, 2147483);
  }
  const host = args[0]!;
  if (args.length > 2) return usage();

  // The servers, as xhost2sockaddr names them.
  const servers: Server[] = [];
  const addServer = async (text: string) => {
    let name = text;
    let port = lookup.port;
    const colon = text.lastIndexOf(':');
    if (colon >= 0 && text.indexOf(':') === colon) {
      name = text.slice(0, colon);
      const p = text.slice(colon + 1);
      if (!/^\d+$/.test(p) || Number(p) > 65535) fail(`bad port '${p}'`);
      port = Number(p);
    }
    const a = await hostAddress(sys, name);
    if ('error' in a) fail(`bad address '${text}'`);
    servers.push({ name: text, address: (a as { address: string }).address, port });
  };
  let search: string[] | undefined;
  if (args[1] !== undefined) await addServer(args[1]);
  else {
    const conf = await resolvConf(sys);
    search = conf.search;
    for (const s of conf.servers) await addServer(s);
    if (servers.length === 0) await addServer('127.0.0.1');
  }

  if (types.length === 0) {
    const ptr = makePtr(host);
    if (ptr) lookup.addQuery(TYPE.PTR, ptr);
    else {
      lookup.addQueryWithSearch(TYPE.A, host, search);
      lookup.addQueryWithSearch(TYPE.AAAA, host, search);
    }
  } else {
    types = QTYPES.map(([, t]) => t).filter((t) => types.includes(t));
    for (const t of types) lookup.addQueryWithSearch(t, host, search);
  }

  for (let i = 0; ; ) {
    const n = await lookup.send(servers[i]!);
    if (n > 0) break;
    if (++i >= servers.length) {
      await ctx.out.write(';; connection timed out; no servers could be reached\n\n');
      return 1;
    }
  }
  let unanswered = false;
  for (const q of lookup.queries) {
    if (q.answered) continue;
    await ctx.out.write(`*** Can't find ${q.name}: No answer\n`);
    unanswered = true;
  }
  if (unanswered) await ctx.out.write('\n');
  return lookup.exitcode;
});
