/**
 * The network stack: IPv4 over emulated Ethernet segments, with TCP-like
 * stream sockets and UDP datagram sockets.
 *
 * Nothing is simulated below the socket API: no packets, no handshakes. What
 * is real is everything a program can observe:
 *
 * - Each network namespace has its own interfaces, addresses, routes, ports
 *   and address translation rules. `lo` is 127.0.0.1/8.
 * - A connection or datagram is routed as Linux routes it: a local address
 *   ends in this namespace; otherwise the longest-prefix route picks an
 *   interface and next hop, and the next hop is whoever holds that address
 *   on the interface's segment (a bridge such as docker0, a veth pair). A
 *   namespace with forwarding on routes it onwards (the host between a
 *   container and the outside). DNAT rules rewrite the destination (how a
 *   published port reaches a container), MASQUERADE rewrites the source.
 * - The errors are Linux's: ECONNREFUSED when nothing listens, ENETUNREACH
 *   with no route, EHOSTUNREACH when no one holds the next hop, EADDRINUSE,
 *   EACCES for a port below the namespace's ip_unprivileged_port_start
 *   without CAP_NET_BIND_SERVICE.
 *
 * A connected stream is a pair of buffers, each written by one side and
 * read by the other: closing one side is end-of-file for the other, and
 * writing to a side whose peer has gone raises SIGPIPE / EPIPE.
 *
 * Services of the emulator itself (a DNS server, the simulated internet's
 * web servers, a port published to the real host) listen with serveStream
 * and serveDatagram: they
 * are handed each connection as a KernelStream instead of a process.
 */
import { FsError } from '../fs/errno.ts';
import type { Stat } from '../fs/types.ts';
import { OpenFile, type FileKind, type IoContext, type PollState } from './file.ts';
import { Pipe } from './pipe.ts';
import { SIGPIPE } from './signals.ts';
import { WaitQueue } from './wait.ts';

export interface SockAddr {
  family: 'inet';
  address: string;
  port: number;
}

export type Protocol = 'tcp' | 'udp' | 'icmp';

// ---- IPv4 addresses ---------------------------------------------------------------

/** a.b.c.d as an unsigned 32-bit number; undefined if it is not one. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n >>> 0;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

const mask = (prefix: number) => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

/** Whether `address` is inside network/prefix. */
export function inSubnet(address: string, network: string, prefix: number): boolean {
  const a = parseIPv4(address);
  const n = parseIPv4(network);
  if (a === undefined || n === undefined) return false;
  return ((a & mask(prefix)) >>> 0) === ((n & mask(prefix)) >>> 0);
}

/** The network address of address/prefix (172.17.0.2/16 → 172.17.0.0). */
export function networkOf(address: string, prefix: number): string {
  return formatIPv4((parseIPv4(address)! & mask(prefix)) >>> 0);
}

export function broadcastOf(address: string, prefix: number): string {
  return formatIPv4((parseIPv4(address)! | (~mask(prefix) >>> 0)) >>> 0);
}

// ---- namespaces, interfaces, routes --------------------------------------------------

/** An Ethernet segment: a bridge, or the two ends of a veth pair. */
export class Segment {
  readonly members = new Set<{ ns: NetNamespace; iface: NetInterface }>();
  constructor(readonly name: string) {}
}

export interface InterfaceAddress {
  address: string;
  prefix: number;
  family: 'inet' | 'inet6';
  broadcast?: string;
}

export interface NetInterface {
  name: string;
  index: number;
  mac: string;
  mtu: number;
  up: boolean;
  kind: 'loopback' | 'ether' | 'bridge' | 'veth';
  addresses: InterfaceAddress[];
  /** The segment the interface is plugged into (none for lo). */
  segment?: Segment;
  /** For a veth: the peer's interface index, which `ip link` shows as eth0@if7. */
  peerIndex?: number;
  stats: { rxBytes: number; rxPackets: number; txBytes: number; txPackets: number };
}

export interface Route {
  /** "default" or a network address. */
  destination: string;
  prefix: number;
  gateway?: string;
  device: string;
  /** The preferred source address (`src` in `ip route`). */
  source?: string;
  scope: 'global' | 'link' | 'host';
  protocol: 'kernel' | 'boot' | 'static';
}

export type NatRule =
  /** Connections to `address:port` (any local address when undefined) go to `to` instead. */
  | { kind: 'dnat'; protocol: Protocol; address?: string; port: number; to: { address: string; port: number }; notInterface?: string }
  /** Traffic from source/prefix leaving through an interface other than `notInterface` takes that interface's address. */
  | { kind: 'masquerade'; source: string; prefix: number; notInterface?: string };

let nextNsInode = 4026531835; // Linux's first namespace inode numbers look like this.

/** The inode number of a new namespace of any kind (what /proc/PID/ns/* links show). */
export function namespaceInode(): number {
  return nextNsInode++;
}

export class NetNamespace {
  readonly id = namespaceInode();
  readonly serial = this.id;
  interfaces: NetInterface[] = [
    {
      name: 'lo',
      index: 1,
      mac: '00:00:00:00:00:00',
      mtu: 65536,
      up: true,
      kind: 'loopback',
      addresses: [
        { address: '127.0.0.1', prefix: 8, family: 'inet' },
        { address: '::1', prefix: 128, family: 'inet6' },
      ],
      stats: { rxBytes: 0, rxPackets: 0, txBytes: 0, txPackets: 0 },
    },
  ];
  routes: Route[] = [];
  nat: NatRule[] = [];
  /** net.ipv4.ip_forward */
  forwarding = false;
  /** net.ipv4.ip_unprivileged_port_start: Docker sets 0 in containers. */
  unprivilegedPortStart = 1024;
  /** Bound sockets, by protocol and port. */
  readonly bound = { tcp: new Map<number, Socket[]>(), udp: new Map<number, Socket[]>(), icmp: new Map<number, Socket[]>() };
  private nextEphemeral = 32768 + Math.floor(Math.random() * 28000);
  private nextIndex = 2;

  interface(name: string): NetInterface | undefined {
    return this.interfaces.find((i) => i.name === name);
  }

  /** Adds an interface (not up, no addresses); returns it. */
  addInterface(name: string, kind: NetInterface['kind'], mac: string, options: { mtu?: number; index?: number } = {}): NetInterface {
    if (this.interface(name)) throw new FsError('EEXIST', 'link', name);
    const iface: NetInterface = { name, index: options.index ?? this.nextIndex++, mac, mtu: options.mtu ?? 1500, up: false, kind, addresses: [], stats: { rxBytes: 0, rxPackets: 0, txBytes: 0, txPackets: 0 } };
    this.nextIndex = Math.max(this.nextIndex, iface.index + 1);
    this.interfaces.push(iface);
    return iface;
  }

  /** Plugs an interface into a segment. */
  attach(iface: NetInterface, segment: Segment): void {
    iface.segment = segment;
    segment.members.add({ ns: this, iface });
  }

  removeInterface(name: string): void {
    const iface = this.interface(name);
    if (!iface) throw new FsError('ENODEV', 'link', name);
    if (iface.segment) for (const m of iface.segment.members) if (m.iface === iface) iface.segment.members.delete(m);
    this.interfaces = this.interfaces.filter((i) => i !== iface);
    this.routes = this.routes.filter((r) => r.device !== name);
  }

  /** `ip addr add`: the address, and the kernel's route to its subnet. */
  addAddress(name: string, address: string, prefix: number): void {
    const iface = this.interface(name);
    if (!iface) throw new FsError('ENODEV', 'addr', name);
    if (iface.addresses.some((a) => a.address === address)) throw new FsError('EEXIST', 'addr', address);
    iface.addresses.push({ address, prefix, family: 'inet', broadcast: prefix < 31 ? broadcastOf(address, prefix) : undefined });
    if (prefix < 32 && iface.kind !== 'loopback') {
      this.routes.push({ destination: networkOf(address, prefix), prefix, device: name, source: address, scope: 'link', protocol: 'kernel' });
    }
  }

  removeAddress(name: string, address: string): void {
    const iface = this.interface(name);
    if (!iface) throw new FsError('ENODEV', 'addr', name);
    const a = iface.addresses.find((x) => x.address === address);
    if (!a) throw new FsError('EADDRNOTAVAIL', 'addr', address);
    iface.addresses = iface.addresses.filter((x) => x !== a);
    this.routes = this.routes.filter((r) => !(r.device === name && r.protocol === 'kernel' && r.source === address));
  }

  addRoute(route: Omit<Route, 'scope' | 'protocol'> & Partial<Pick<Route, 'scope' | 'protocol'>>): void {
    if (!this.interface(route.device)) throw new FsError('ENODEV', 'route', route.device);
    if (this.routes.some((r) => r.destination === route.destination && r.prefix === route.prefix)) throw new FsError('EEXIST', 'route', route.destination);
    this.routes.push({ scope: route.gateway ? 'global' : 'link', protocol: 'boot', ...route });
  }

  /** Whether `address` belongs to this namespace (loopback's whole 127/8 included). */
  isLocal(address: string): boolean {
    if (address === '0.0.0.0') return true;
    for (const i of this.interfaces) {
      if (!i.up) continue;
      for (const a of i.addresses) {
        if (a.family !== 'inet') continue;
        if (a.address === address) return true;
        if (i.kind === 'loopback' && inSubnet(address, a.address, a.prefix)) return true;
      }
    }
    return false;
  }

  /** The route for a destination: longest prefix wins. */
  lookupRoute(address: string): { route: Route; iface: NetInterface } | undefined {
    let best: Route | undefined;
    for (const r of this.routes) {
      const iface = this.interface(r.device);
      if (!iface?.up) continue;
      const matches = r.destination === 'default' || inSubnet(address, r.destination, r.prefix);
      if (matches && (!best || r.prefix > best.prefix)) best = r;
    }
    return best ? { route: best, iface: this.interface(best.device)! } : undefined;
  }

  /** The address a socket sending to `dst` speaks from. */
  sourceFor(dst: string): string | undefined {
    if (this.isLocal(dst)) return dst.startsWith('127.') || dst === '0.0.0.0' ? '127.0.0.1' : dst;
    const hit = this.lookupRoute(dst);
    if (!hit) return undefined;
    return hit.route.source ?? hit.iface.addresses.find((a) => a.family === 'inet')?.address;
  }

  ephemeralPort(protocol: Protocol): number {
    for (let tries = 0; tries < 28232; tries++) {
      const port = this.nextEphemeral;
      this.nextEphemeral = this.nextEphemeral >= 60999 ? 32768 : this.nextEphemeral + 1;
      if (!this.bound[protocol].has(port)) return port;
    }
    throw new FsError('EADDRNOTAVAIL', 'bind');
  }
}

// ---- sockets ----------------------------------------------------------------------------

/** Bytes a stream holds in flight per direction (Linux's default rmem is about this). */
export const SOCKET_BUFFER = 212992;

let nextSocketIno = 200_000;

export type StreamService = (stream: KernelStream, info: { local: SockAddr; remote: SockAddr }) => void;
export type DatagramService = (data: Uint8Array, from: SockAddr, reply: (data: Uint8Array) => void) => void;

export class Socket extends OpenFile {
  readonly kind: FileKind = 'socket';
  readonly ino = nextSocketIno++;
  state: 'new' | 'bound' | 'listening' | 'connected' | 'closed' = 'new';
  local: SockAddr | undefined;
  remote: SockAddr | undefined;
  reuseAddress = false;

  // A connected stream: `rx` is what the peer has sent.
  rx: Pipe | undefined;
  peer: Socket | undefined;
  private shutWrite = false;
  /** A write went to a peer that had closed (the next one fails). */
  private resetSeen = false;
  /** A listening stream: connections waiting for accept. */
  readonly backlog: Socket[] = [];
  backlogMax = 128;
  readonly acceptable = new WaitQueue();
  service: StreamService | undefined;

  // A datagram socket.
  readonly inbox: { data: Uint8Array; from: SockAddr }[] = [];
  readonly datagrams = new WaitQueue();
  datagramService: DatagramService | undefined;

  constructor(
    readonly net: NetStack,
    readonly ns: NetNamespace,
    readonly type: 'stream' | 'dgram',
    private readonly now: () => number,
  ) {
    super({ readable: true, writable: true });
  }

  get protocol(): Protocol {
    return this.type === 'stream' ? 'tcp' : 'udp';
  }

  async read(io: IoContext, max: number): Promise<Uint8Array> {
    if (this.type === 'dgram') return (await this.receive(io, max)).data;
    const rx = this.rx;
    if (!rx) throw new FsError('ENOTCONN', 'read');
    if (rx.buffered === 0 && rx.writers > 0) {
      if (this.nonblock) throw new FsError('EAGAIN', 'read');
      await io.block([rx.readable], () => rx.buffered > 0 || rx.writers === 0);
    }
    const data = rx.take(max);
    this.count('rx', data.length);
    return data;
  }

  async write(io: IoContext, data: Uint8Array): Promise<number> {
    if (this.type === 'dgram') {
      if (!this.remote) throw new FsError('EDESTADDRREQ', 'write');
      return this.net.sendDatagram(this, data, this.remote);
    }
    const peer = this.peer;
    if (!peer || !peer.rx) throw new FsError(this.state === 'connected' ? 'EPIPE' : 'ENOTCONN', 'write');
    const out = peer.rx;
    let written = 0;
    while (written < data.length) {
      if (this.shutWrite) {
        io.raise(SIGPIPE);
        throw new FsError('EPIPE', 'write');
      }
      if (out.readers === 0) {
        // The peer has closed. Like TCP, the first write still "succeeds" (the
        // peer answers it with a reset); the next one fails.
        if (!this.resetSeen) {
          this.resetSeen = true;
          return data.length;
        }
        io.raise(SIGPIPE);
        throw new FsError('EPIPE', 'write');
      }
      const room = SOCKET_BUFFER - out.buffered;
      if (room === 0) {
        if (this.nonblock) {
          if (written > 0) return written;
          throw new FsError('EAGAIN', 'write');
        }
        await io.block([out.writable], () => out.buffered < SOCKET_BUFFER || out.readers === 0);
        continue;
      }
      const n = Math.min(room, data.length - written);
      out.put(data.subarray(written, written + n));
      written += n;
    }
    this.count('tx', written);
    return written;
  }

  /** recvfrom on a datagram socket. */
  async receive(io: IoContext, max: number): Promise<{ data: Uint8Array; from: SockAddr }> {
    if (this.inbox.length === 0) {
      if (this.nonblock) throw new FsError('EAGAIN', 'recvfrom');
      await io.block([this.datagrams], () => this.inbox.length > 0);
    }
    const d = this.inbox.shift()!;
    return { data: d.data.length > max ? d.data.subarray(0, max) : d.data, from: d.from };
  }

  shutdown(how: 'read' | 'write' | 'both'): void {
    if (this.type === 'stream' && this.state !== 'connected') throw new FsError('ENOTCONN', 'shutdown');
    if ((how === 'write' || how === 'both') && !this.shutWrite) {
      this.shutWrite = true;
      if (this.peer?.rx) {
        this.peer.rx.writers--;
        this.peer.rx.readable.wakeAll();
      }
    }
    if ((how === 'read' || how === 'both') && this.rx && this.rx.readers > 0) {
      this.rx.readers--;
      this.rx.writable.wakeAll();
    }
  }

  override pollState(): PollState {
    if (this.type === 'dgram') return { in: this.inbox.length > 0, out: true, hup: false, queues: [this.datagrams] };
    if (this.state === 'listening') return { in: this.backlog.length > 0, out: false, hup: false, queues: [this.acceptable] };
    const rx = this.rx;
    const out = this.peer?.rx;
    if (!rx || !out) return { in: false, out: false, hup: this.state === 'closed', queues: [] };
    const hup = rx.writers === 0;
    return { in: rx.buffered > 0 || hup, out: out.buffered < SOCKET_BUFFER || out.readers === 0, hup, queues: [rx.readable, out.writable] };
  }

  stat(): Stat {
    const now = this.now();
    return { dev: 8, ino: this.ino, mode: 0o140777, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 4096, blocks: 0, atimeMs: now, mtimeMs: now, ctimeMs: now };
  }

  describe(): string {
    return `socket:[${this.ino}]`;
  }

  override release(): void {
    this.net.close(this);
  }

  private count(dir: 'rx' | 'tx', bytes: number): void {
    if (bytes === 0 || !this.local) return;
    const iface = this.ns.interfaces.find((i) => i.addresses.some((a) => a.address === this.local!.address)) ?? this.ns.interface('lo');
    if (!iface) return;
    if (dir === 'rx') {
      iface.stats.rxBytes += bytes;
      iface.stats.rxPackets++;
    } else {
      iface.stats.txBytes += bytes;
      iface.stats.txPackets++;
    }
  }

  /** Connects this (new) socket to a freshly made peer as one stream. */
  pair(peer: Socket): void {
    this.rx = new Pipe();
    peer.rx = new Pipe();
    this.rx.readers = 1;
    this.rx.writers = 1;
    peer.rx.readers = 1;
    peer.rx.writers = 1;
    this.peer = peer;
    peer.peer = this;
    this.state = 'connected';
    peer.state = 'connected';
  }

  /** The other half of close(): EOF for the peer, EPIPE for its writes. */
  disconnect(): void {
    if (this.rx && this.rx.readers > 0) {
      this.rx.readers--;
      this.rx.writable.wakeAll();
    }
    if (!this.shutWrite && this.peer?.rx) {
      this.shutWrite = true;
      this.peer.rx.writers--;
      this.peer.rx.readable.wakeAll();
    }
    this.state = 'closed';
  }
}

/** Where a routed packet or connection ends: the namespace, and addresses as the far side sees them. */
interface Delivery {
  ns: NetNamespace;
  /** Routers passed on the way (each takes one off the TTL). */
  hops: number;
  /** The destination after DNAT. */
  dst: SockAddr;
  /** The source after MASQUERADE. */
  src: SockAddr;
}

/** The kernel's network: routing between namespaces, and the bound sockets of each. */
export class NetStack {
  /** UDP flows, so that a reply to a translated source finds the socket that sent (conntrack). */
  private readonly flows = new Map<string, { socket: Socket; as: SockAddr }>();

  constructor(private readonly now: () => number) {}

  socket(ns: NetNamespace, type: 'stream' | 'dgram'): Socket {
    return new Socket(this, ns, type, this.now);
  }

  /** bind(2). `privileged`: the caller has CAP_NET_BIND_SERVICE. */
  bind(sock: Socket, addr: SockAddr, privileged: boolean): void {
    if (sock.state !== 'new') throw new FsError('EINVAL', 'bind');
    const ns = sock.ns;
    if (addr.address !== '0.0.0.0' && !ns.isLocal(addr.address)) throw new FsError('EADDRNOTAVAIL', 'bind');
    const port = addr.port === 0 ? ns.ephemeralPort(sock.protocol) : addr.port;
    if (addr.port !== 0 && port < ns.unprivilegedPortStart && !privileged) throw new FsError('EACCES', 'bind');
    const holders = ns.bound[sock.protocol].get(port) ?? [];
    for (const other of holders) {
      const overlaps = other.local!.address === '0.0.0.0' || addr.address === '0.0.0.0' || other.local!.address === addr.address;
      const reusable = sock.reuseAddress && other.reuseAddress && other.state !== 'listening';
      if (overlaps && !reusable) throw new FsError('EADDRINUSE', 'bind');
    }
    sock.local = { family: 'inet', address: addr.address, port };
    sock.state = 'bound';
    ns.bound[sock.protocol].set(port, [...holders, sock]);
  }

  listen(sock: Socket, backlog: number): void {
    if (sock.type !== 'stream') throw new FsError('ENOTSUP', 'listen');
    if (sock.state === 'new') this.bind(sock, { family: 'inet', address: '0.0.0.0', port: 0 }, true);
    if (sock.state !== 'bound' && sock.state !== 'listening') throw new FsError('EINVAL', 'listen');
    const mine = sock.local!.address;
    for (const other of sock.ns.bound.tcp.get(sock.local!.port) ?? []) {
      const theirs = other.local!.address;
      const overlaps = mine === '0.0.0.0' || theirs === '0.0.0.0' || mine === theirs;
      if (other !== sock && other.state === 'listening' && overlaps) throw new FsError('EADDRINUSE', 'listen');
    }
    sock.state = 'listening';
    sock.backlogMax = Math.max(1, Math.min(backlog, 4096));
  }

  /** An emulator service accepting connections in a namespace (the far end of a published port, a web server of the simulated internet). */
  serveStream(ns: NetNamespace, address: string, port: number, service: StreamService): Socket {
    const sock = this.socket(ns, 'stream');
    sock.refs = 1;
    this.bind(sock, { family: 'inet', address, port }, true);
    sock.service = service;
    this.listen(sock, 4096);
    return sock;
  }

  /** An emulator service answering datagrams in a namespace (a DNS server). */
  serveDatagram(ns: NetNamespace, address: string, port: number, service: DatagramService): Socket {
    const sock = this.socket(ns, 'dgram');
    sock.refs = 1;
    this.bind(sock, { family: 'inet', address, port }, true);
    sock.datagramService = service;
    return sock;
  }

  /** Stops a service started with serveStream or serveDatagram. */
  unserve(sock: Socket): void {
    this.close(sock);
  }

  async accept(io: IoContext, sock: Socket): Promise<Socket> {
    if (sock.state !== 'listening') throw new FsError('EINVAL', 'accept');
    if (sock.backlog.length === 0) {
      if (sock.nonblock) throw new FsError('EAGAIN', 'accept');
      await io.block([sock.acceptable], () => sock.backlog.length > 0 || sock.state !== 'listening');
    }
    const conn = sock.backlog.shift();
    if (!conn) throw new FsError('EINVAL', 'accept');
    return conn;
  }

  /** connect(2) for a stream: routes to a listener and makes the pair. */
  connect(sock: Socket, dst: SockAddr): void {
    if (sock.state === 'connected') throw new FsError('EISCONN', 'connect');
    if (sock.state === 'listening') throw new FsError('EINVAL', 'connect');
    const src = this.sourceOf(sock, dst);
    const delivery = this.route(sock.ns, 'tcp', src, dst);
    const listener = this.find(delivery.ns, 'tcp', delivery.dst, (s) => s.state === 'listening');
    if (!listener || listener.backlog.length >= listener.backlogMax) throw new FsError('ECONNREFUSED', 'connect');
    const server = this.socket(delivery.ns, 'stream');
    server.local = { ...delivery.dst, address: delivery.dst.address === '0.0.0.0' ? '127.0.0.1' : delivery.dst.address };
    server.remote = delivery.src;
    sock.local = { ...src };
    sock.remote = { ...dst };
    sock.pair(server);
    // The accepted side holds the listener's port too (netstat shows it ESTABLISHED there).
    const held = delivery.ns.bound.tcp.get(server.local.port) ?? [];
    delivery.ns.bound.tcp.set(server.local.port, [...held, server]);
    if (listener.service) {
      server.refs = 1;
      listener.service(new KernelStream(server), { local: server.local, remote: server.remote });
    } else {
      listener.backlog.push(server);
      listener.acceptable.wakeAll();
    }
  }

  /** sendto(2) for a datagram socket. */
  sendDatagram(sock: Socket, data: Uint8Array, dst: SockAddr): number {
    if (data.length > 65507) throw new FsError('EMSGSIZE', 'sendto');
    const src = this.sourceOf(sock, dst);
    // A reply to a flow we translated goes straight back to the socket that started it.
    const flow = this.flows.get(this.flowKey(sock.ns, dst));
    if (flow) {
      this.queueDatagram(flow.socket, data, sock.local && sock.local.address !== '0.0.0.0' ? sock.local : { family: 'inet', address: flow.as.address, port: src.port });
      return data.length;
    }
    const delivery = this.route(sock.ns, 'udp', src, dst);
    const target = this.find(delivery.ns, 'udp', delivery.dst, (s) => s.state === 'bound');
    if (!target) return data.length; // nobody listening: the datagram is dropped
    this.flows.set(this.flowKey(delivery.ns, delivery.src), { socket: sock, as: dst });
    if (this.flows.size > 4096) this.flows.delete(this.flows.keys().next().value!);
    if (target.datagramService) {
      const reply = (answer: Uint8Array) => this.queueDatagram(sock, answer, dst);
      target.datagramService(data, delivery.src, reply);
    } else {
      this.queueDatagram(target, data, delivery.src);
    }
    return data.length;
  }

  /**
   * An ICMP echo (ping) from a namespace: the reply's source and TTL as the
   * sender sees them (64 less the routers on the way back), or undefined
   * when the packet is lost. ENETUNREACH when there is no route at all.
   */
  echo(from: NetNamespace, address: string): { from: string; ttl: number } | undefined {
    const source = from.sourceFor(address);
    if (!source) throw new FsError('ENETUNREACH', 'sendto');
    try {
      const d = this.route(from, 'icmp', { family: 'inet', address: source, port: 0 }, { family: 'inet', address, port: 0 });
      // Only namespaces that forward on the way count as hops (the last crossing is the destination itself).
      return { from: d.dst.address === '0.0.0.0' ? '127.0.0.1' : address, ttl: 64 - Math.max(0, d.hops - 1) };
    } catch (err) {
      if (err instanceof FsError && err.code === 'EHOSTUNREACH') return undefined;
      throw err;
    }
  }

  close(sock: Socket): void {
    if (sock.state === 'closed') return;
    if (sock.local) {
      const table = sock.ns.bound[sock.protocol];
      const left = (table.get(sock.local.port) ?? []).filter((s) => s !== sock);
      if (left.length) table.set(sock.local.port, left);
      else table.delete(sock.local.port);
    }
    if (sock.state === 'listening') {
      for (const pending of sock.backlog.splice(0)) pending.disconnect();
      sock.acceptable.wakeAll();
    }
    if (sock.type === 'dgram') for (const [k, f] of this.flows) if (f.socket === sock) this.flows.delete(k);
    if (sock.state === 'connected') sock.disconnect();
    sock.state = 'closed';
  }

  /** The local address a socket uses toward dst, binding an ephemeral port if needed. */
  private sourceOf(sock: Socket, dst: SockAddr): SockAddr {
    if (!sock.local) this.bind(sock, { family: 'inet', address: '0.0.0.0', port: 0 }, true);
    const local = sock.local!;
    if (local.address !== '0.0.0.0') return local;
    const address = sock.ns.sourceFor(dst.address);
    if (!address) throw new FsError('ENETUNREACH', 'connect');
    return { family: 'inet', address, port: local.port };
  }

  /** Routes from a namespace to a destination, hop by hop, with NAT on the way. */
  route(from: NetNamespace, protocol: Protocol, src: SockAddr, dst: SockAddr): Delivery {
    let ns = from;
    let to = { ...dst };
    let source = { ...src };
    let arrivedOn: string | undefined;
    for (let hops = 0; hops < 32; hops++) {
      for (const rule of ns.nat) {
        if (rule.kind !== 'dnat' || rule.protocol !== protocol || rule.port !== to.port) continue;
        if (rule.notInterface !== undefined && arrivedOn === rule.notInterface) continue;
        if (rule.address ? rule.address !== to.address : !ns.isLocal(to.address) || to.address.startsWith('127.')) continue;
        to = { family: 'inet', address: rule.to.address, port: rule.to.port };
        break;
      }
      if (ns.isLocal(to.address)) return { ns, dst: to, src: source, hops };
      if (ns !== from && !ns.forwarding) throw new FsError('EHOSTUNREACH', 'connect');
      const hit = ns.lookupRoute(to.address);
      if (!hit) throw new FsError('ENETUNREACH', 'connect');
      const nextHop = hit.route.gateway ?? to.address;
      const segment = hit.iface.segment;
      const next = segment && [...segment.members].find((m) => m.iface !== hit.iface && m.iface.up && m.iface.addresses.some((a) => a.address === nextHop));
      if (!next) throw new FsError('EHOSTUNREACH', 'connect');
      for (const rule of ns.nat) {
        if (rule.kind !== 'masquerade' || !inSubnet(source.address, rule.source, rule.prefix)) continue;
        if (rule.notInterface !== undefined && hit.iface.name === rule.notInterface) continue;
        const address = hit.iface.addresses.find((a) => a.family === 'inet')?.address;
        if (address) source = { ...source, address };
        break;
      }
      ns = next.ns;
      arrivedOn = next.iface.name;
    }
    throw new FsError('EHOSTUNREACH', 'connect');
  }

  private find(ns: NetNamespace, protocol: Protocol, dst: SockAddr, ok: (s: Socket) => boolean): Socket | undefined {
    const holders = (ns.bound[protocol].get(dst.port) ?? []).filter(ok);
    return holders.find((s) => s.local!.address === dst.address) ?? holders.find((s) => s.local!.address === '0.0.0.0');
  }

  private queueDatagram(target: Socket, data: Uint8Array, from: SockAddr): void {
    if (target.state === 'closed' || target.inbox.length >= 256) return;
    target.inbox.push({ data: data.slice(), from });
    target.datagrams.wakeAll();
  }

  private flowKey(ns: NetNamespace, addr: SockAddr): string {
    return `${ns.serial}|${addr.address}:${addr.port}`;
  }
}

/**
 * One side of a connection, for code of the emulator rather than a process:
 * read until end-of-file, write, close.
 */
export class KernelStream {
  constructor(readonly socket: Socket) {}

  private readonly io: IoContext = {
    pid: 0,
    pgid: 0,
    sid: 0,
    block: async (queues, ready) => {
      while (!ready()) await Promise.race(queues.map((q) => q.wait()));
    },
    raise: () => undefined,
    raiseGroup: () => undefined,
  };

  /** The next bytes, or an empty array at end-of-file. */
  read(max = 65536): Promise<Uint8Array> {
    return this.socket.read(this.io, max);
  }

  async write(data: Uint8Array): Promise<void> {
    await this.socket.write(this.io, data);
  }

  /** Half-close: the peer reads end-of-file, and may still answer. */
  end(): void {
    this.socket.shutdown('write');
  }

  close(): void {
    this.socket.net.close(this.socket);
  }
}
