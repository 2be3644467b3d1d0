/**
 * DNS messages in their wire format (RFC 1035): what a resolver sends to
 * port 53 and what a server answers. Used by the userland resolver and by
 * the emulator's DNS servers (the embedded 127.0.0.11 of user networks, the
 * simulated internet's), so both sides speak real DNS over UDP.
 *
 *     const q = encodeMessage({ id: 7, flags: RD, questions: [{ name: 'example.com', type: TYPE.A }] });
 *     const reply = decodeMessage(bytes);   // reply.answers[0].data === '93.184.215.14'
 */

export const TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, ANY: 255 } as const;
export const CLASS_IN = 1;

/** Header flag bits. */
export const QR = 0x8000;
export const AA = 0x0400;
export const TC = 0x0200;
export const RD = 0x0100;
export const RA = 0x0080;
/** Response codes (the low 4 bits of the flags). */
export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

export interface Question {
  name: string;
  type: number;
  class?: number;
}

export interface ResourceRecord {
  name: string;
  type: number;
  class?: number;
  ttl: number;
  /** A/AAAA: the address as text; CNAME/NS/PTR: a name; TXT: the text; other types: raw bytes. */
  data: string | Uint8Array;
}

export interface Message {
  id: number;
  flags: number;
  questions: Question[];
  answers?: ResourceRecord[];
  authority?: ResourceRecord[];
  additional?: ResourceRecord[];
}

export class DnsFormatError extends Error {}

// ---- encoding -------------------------------------------------------------------

function encodeName(name: string, out: number[]): void {
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  if (trimmed !== '') {
    for (const label of trimmed.split('.')) {
      const bytes = new TextEncoder().encode(label);
      if (bytes.length === 0 || bytes.length > 63) throw new DnsFormatError(`bad label in ${name}`);
      out.push(bytes.length, ...bytes);
    }
  }
  out.push(0);
}

const u16 = (out: number[], v: number) => out.push((v >>> 8) & 255, v & 255);
const u32 = (out: number[], v: number) => out.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);

function encodeIPv6(text: string): number[] {
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const a = head ? head.split(':') : [];
  const b = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const groups = tail !== undefined ? [...a, ...new Array<string>(8 - a.length - b.length).fill('0'), ...b] : a;
  if (groups.length !== 8) throw new DnsFormatError(`bad IPv6 address ${text}`);
  return groups.flatMap((g) => {
    const v = parseInt(g, 16);
    return [(v >>> 8) & 255, v & 255];
  });
}

function encodeData(rr: ResourceRecord): number[] {
  if (rr.data instanceof Uint8Array) return [...rr.data];
  switch (rr.type) {
    case TYPE.A:
      return rr.data.split('.').map(Number);
    case TYPE.AAAA:
      return encodeIPv6(rr.data);
    case TYPE.CNAME:
    case TYPE.NS:
    case TYPE.PTR: {
      const out: number[] = [];
      encodeName(rr.data, out);
      return out;
    }
    case TYPE.TXT: {
      const bytes = [...new TextEncoder().encode(rr.data)];
      return [bytes.length, ...bytes];
    }
    default:
      throw new DnsFormatError(`cannot encode type ${rr.type} from text`);
  }
}

function encodeRecord(rr: ResourceRecord, out: number[]): void {
  encodeName(rr.name, out);
  u16(out, rr.type);
  u16(out, rr.class ?? CLASS_IN);
  u32(out, rr.ttl);
  const data = encodeData(rr);
  u16(out, data.length);
  out.push(...data);
}

export function encodeMessage(m: Message): Uint8Array {
  const out: number[] = [];
  u16(out, m.id);
  u16(out, m.flags);
  u16(out, m.questions.length);
  u16(out, m.answers?.length ?? 0);
  u16(out, m.authority?.length ?? 0);
  u16(out, m.additional?.length ?? 0);
  for (const q of m.questions) {
    encodeName(q.name, out);
    u16(out, q.type);
    u16(out, q.class ?? CLASS_IN);
  }
  for (const rr of [...(m.answers ?? []), ...(m.authority ?? []), ...(m.additional ?? [])]) encodeRecord(rr, out);
  return Uint8Array.from(out);
}

// ---- decoding -------------------------------------------------------------------

class Reader {
  at = 0;
  constructor(readonly b: Uint8Array) {}
  need(n: number): void {
    if (this.at + n > this.b.length) throw new DnsFormatError('message truncated');
  }
  u8(): number {
    this.need(1);
    return this.b[this.at++]!;
  }
  u16(): number {
    this.need(2);
    const v = (this.b[this.at]! << 8) | this.b[this.at + 1]!;
    this.at += 2;
    return v;
  }
  u32(): number {
    return this.u16() * 65536 + this.u16();
  }
  /** A name, following compression pointers (with a bound, against loops). */
  name(): string {
    const labels: string[] = [];
    let pos = this.at;
    let jumped = false;
    for (let hops = 0; hops < 128; hops++) {
      if (pos >= this.b.length) throw new DnsFormatError('name runs past the message');
      const len = this.b[pos]!;
      if (len === 0) {
        if (!jumped) this.at = pos + 1;
        return labels.join('.');
      }
      if ((len & 0xc0) === 0xc0) {
        if (pos + 1 >= this.b.length) throw new DnsFormatError('name runs past the message');
        if (!jumped) this.at = pos + 2;
        jumped = true;
        pos = ((len & 0x3f) << 8) | this.b[pos + 1]!;
        continue;
      }
      if (pos + 1 + len > this.b.length) throw new DnsFormatError('label runs past the message');
      labels.push(new TextDecoder().decode(this.b.subarray(pos + 1, pos + 1 + len)));
      pos += 1 + len;
    }
    throw new DnsFormatError('name compression loop');
  }
}

function formatIPv6(b: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[i]! << 8) | b[i + 1]!);
  // The longest run of zero groups (two or more) becomes "::".
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

function decodeRecord(r: Reader): ResourceRecord {
  const name = r.name();
  const type = r.u16();
  const cls = r.u16();
  const ttl = r.u32();
  const len = r.u16();
  r.need(len);
  const raw = r.b.subarray(r.at, r.at + len);
  let data: string | Uint8Array = raw.slice();
  if (type === TYPE.A && len === 4) data = [...raw].join('.');
  else if (type === TYPE.AAAA && len === 16) data = formatIPv6(raw);
  else if (type === TYPE.CNAME || type === TYPE.NS || type === TYPE.PTR) {
    const save = r.at;
    data = r.name();
    r.at = save;
  } else if (type === TYPE.TXT && len > 0) data = new TextDecoder().decode(raw.subarray(1, 1 + raw[0]!));
  r.at += len;
  return { name, type, class: cls, ttl, data };
}

export function decodeMessage(bytes: Uint8Array): Message {
  const r = new Reader(bytes);
  const id = r.u16();
  const flags = r.u16();
  const counts = [r.u16(), r.u16(), r.u16(), r.u16()] as const;
  const questions: Question[] = [];
  for (let i = 0; i < counts[0]; i++) questions.push({ name: r.name(), type: r.u16(), class: r.u16() });
  const section = (n: number) => Array.from({ length: n }, () => decodeRecord(r));
  return { id, flags, questions, answers: section(counts[1]), authority: section(counts[2]), additional: section(counts[3]) };
}

export const rcodeOf = (m: Message) => m.flags & 15;

/** The name a PTR query asks about for an IPv4 address: 4.3.2.1.in-addr.arpa. */
export function reverseName(address: string): string {
  return `${address.split('.').reverse().join('.')}.in-addr.arpa`;
}
