/**
 * The daemon's networks, as libnetwork keeps them: the predefined `bridge`
 * (docker0, 172.17.0.0/16), `host` and `none`, and user-defined bridge
 * networks (172.18.0.0/16, 172.19.0.0/16, …) whose containers find each
 * other by name through the embedded DNS at 127.0.0.11.
 *
 * The Engine API shapes (GET /networks, POST /networks/create, …) and the
 * endpoints of `docker inspect` are made here; the plumbing in the emulated
 * kernel (bridges, veths, MASQUERADE, docker-proxy, the DNS server) is
 * engine/network/bridge.ts.
 *
 * When things happen, following moby:
 * - create (attach): the container gets an endpoint, with its address, on
 *   every network it joins; the address stays until the container is removed;
 * - the runtime makes its network namespace (setupNetwork): the veths are
 *   plugged, the embedded DNS starts, the host ports are checked;
 * - started: the published ports listen on the host; stopped: they close and
 *   the veths come out.
 */
import { rfc3339Nano } from '../common/time.ts';
import { EngineError } from '../errors.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { NetNamespace, Socket } from '../kernel/net.ts';
import type { Platform } from '../platform/types.ts';
import { Bridge, hostPortFree, indexInSubnet, internalResolvConf, macFor, nameservers, nthAddress, parseCidr, publishTcp, serveEmbeddedDns, subnetSize, type PortProxy } from '../network/bridge.ts';
import type { Container } from './container.ts';
import type { DaemonNetworks } from './daemon.ts';
import type { Events } from './events.ts';
import { randomHex } from './ids.ts';
import type { EndpointSettings } from './types.ts';

export interface IpamConfig {
  Subnet?: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses?: Record<string, string>;
}

/** A network as GET /networks/{id} shows it. */
export interface NetworkResource {
  Name: string;
  Id: string;
  Created: string;
  Scope: 'local';
  Driver: string;
  EnableIPv4: boolean;
  EnableIPv6: boolean;
  IPAM: { Driver: string; Options: Record<string, string> | null; Config: IpamConfig[] };
  Internal: boolean;
  Attachable: boolean;
  Ingress: boolean;
  ConfigFrom: { Network: string };
  ConfigOnly: boolean;
  Containers: Record<string, { Name: string; EndpointID: string; MacAddress: string; IPv4Address: string; IPv6Address: string }>;
  Options: Record<string, string>;
  Labels: Record<string, string>;
}

export interface CreateNetworkBody {
  Name: string;
  Driver?: string;
  Internal?: boolean;
  Attachable?: boolean;
  EnableIPv6?: boolean;
  IPAM?: { Driver?: string; Config?: IpamConfig[]; Options?: Record<string, string> };
  Options?: Record<string, string>;
  Labels?: Record<string, string>;
  CheckDuplicate?: boolean;
}

interface Net {
  id: string;
  name: string;
  driver: 'bridge' | 'host' | 'null';
  created: number;
  predefined: boolean;
  internal: boolean;
  attachable: boolean;
  labels: Record<string, string>;
  options: Record<string, string>;
  ipamOptions: Record<string, string> | null;
  /** Bridge networks: subnet, gateway, the host bridge, the addresses in use. */
  subnet?: { network: string; prefix: number; gateway: string };
  ipamConfig: IpamConfig[];
  bridge?: Bridge;
  used: Set<string>;
  /** Containers with an endpoint here, by id. */
  endpoints: Set<string>;
}

/** A network as a restarting daemon finds it (GET /networks keeps its ID and subnet). */
export type SavedNetwork = Omit<Net, 'bridge' | 'used' | 'endpoints'>;

interface Attached {
  c: Container;
  ns?: NetNamespace;
  dns?: Socket;
  proxies: PortProxy[];
  published: { PrivatePort: number; PublicPort: number; Type: string }[];
  /** Interface names used in the namespace, by network id. */
  ifnames: Map<string, string>;
}

export interface NetworksOptions {
  kernel: Kernel;
  platform: Platform;
  /** The host's /etc/resolv.conf. */
  hostResolvConf(): string;
  /** Writes a host file (the container's resolv.conf under /var/lib/docker). */
  writeFile(path: string, content: string): void;
}

const DEFAULT_BRIDGE_OPTIONS = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

export class Networks implements DaemonNetworks {
  private readonly nets = new Map<string, Net>();
  private readonly attached = new Map<string, Attached>();
  /** Set by the composition once the daemon exists: events and the container table. */
  events?: Events;
  findContainer?: (ref: string) => Container | undefined;

  constructor(
    private readonly options: NetworksOptions,
    saved?: SavedNetwork[],
  ) {
    const now = options.platform.now();
    if (saved) {
      for (const n of saved) {
        const cfg = n.ipamConfig[0];
        this.add({
          id: n.id,
          name: n.name,
          driver: n.driver,
          predefined: n.predefined,
          created: n.created,
          ...(n.subnet ? { subnet: `${n.subnet.network}/${n.subnet.prefix}`, gateway: n.subnet.gateway } : {}),
          ...(cfg?.IPRange ? { ipRange: cfg.IPRange } : {}),
          ...(n.predefined && n.name === 'bridge' ? { ifname: 'docker0' } : {}),
          options: n.options,
          labels: n.labels,
          internal: n.internal,
          attachable: n.attachable,
          ipamOptions: n.ipamOptions,
        }).ipamConfig = n.ipamConfig;
      }
      return;
    }
    this.add({ name: 'bridge', driver: 'bridge', predefined: true, created: now, subnet: '172.17.0.0/16', options: { ...DEFAULT_BRIDGE_OPTIONS }, ifname: 'docker0' });
    this.add({ name: 'host', driver: 'host', predefined: true, created: now });
    this.add({ name: 'none', driver: 'null', predefined: true, created: now });
  }

  private get kernel(): Kernel {
    return this.options.kernel;
  }

  /** The networks as plain data, for a daemon that restarts (its containers keep their endpoints). */
  dump(): SavedNetwork[] {
    return [...this.nets.values()].map((n) => ({
      id: n.id,
      name: n.name,
      driver: n.driver,
      created: n.created,
      predefined: n.predefined,
      internal: n.internal,
      attachable: n.attachable,
      labels: { ...n.labels },
      options: { ...n.options },
      ipamOptions: n.ipamOptions,
      ipamConfig: n.ipamConfig.map((c) => ({ ...c })),
      ...(n.subnet ? { subnet: { ...n.subnet } } : {}),
    }));
  }

  /** A container the daemon restored: its endpoints hold their addresses again. */
  adopt(c: Container): void {
    this.record(c);
    for (const ep of Object.values(c.networks)) {
      const n = this.findNetwork(ep.NetworkID);
      if (!n) continue;
      if (ep.IPAddress) n.used.add(ep.IPAddress);
      n.endpoints.add(c.id);
    }
  }

  private add(o: { id?: string; name: string; driver: Net['driver']; predefined: boolean; created: number; subnet?: string; gateway?: string; ifname?: string; options?: Record<string, string>; labels?: Record<string, string>; internal?: boolean; attachable?: boolean; ipamOptions?: Record<string, string> | null; ipRange?: string }): Net {
    const id = o.id ?? randomHex(this.options.platform);
    const net: Net = {
      id,
      name: o.name,
      driver: o.driver,
      created: o.created,
      predefined: o.predefined,
      internal: o.internal ?? false,
      attachable: o.attachable ?? false,
      labels: o.labels ?? {},
      options: o.options ?? {},
      ipamOptions: o.ipamOptions === undefined ? null : o.ipamOptions,
      ipamConfig: [],
      used: new Set(),
      endpoints: new Set(),
    };
    if (o.driver === 'bridge' && o.subnet) {
      const cidr = parseCidr(o.subnet)!;
      const gateway = o.gateway ?? nthAddress(cidr.network, 1);
      net.subnet = { ...cidr, gateway };
      net.ipamConfig = [{ Subnet: `${cidr.network}/${cidr.prefix}`, ...(o.ipRange ? { IPRange: o.ipRange } : {}), Gateway: gateway }];
      net.bridge = new Bridge(this.kernel, { ifname: o.ifname ?? `br-${id.slice(0, 12)}`, network: cidr.network, prefix: cidr.prefix, gateway });
      if (o.internal) this.kernel.rootNet.nat = this.kernel.rootNet.nat.filter((r) => !(r.kind === 'masquerade' && r.source === cidr.network && r.prefix === cidr.prefix));
    }
    this.nets.set(id, net);
    return net;
  }

  // ---- finding ---------------------------------------------------------------

  /** A network by full id, name, or unique id prefix (libnetwork's order). */
  network(ref: string): Net {
    const n = this.findNetwork(ref);
    if (!n) throw new EngineError('NotFound', `network ${ref} not found`);
    return n;
  }

  findNetwork(ref: string): Net | undefined {
    if (!ref) return undefined;
    const byId = this.nets.get(ref);
    if (byId) return byId;
    for (const n of this.nets.values()) if (n.name === ref) return n;
    const matches = [...this.nets.values()].filter((n) => n.id.startsWith(ref));
    if (matches.length > 1) throw new EngineError('InvalidArgument', `network ${ref} is ambiguous (${matches.length} matches found based on ID prefix)`);
    return matches[0];
  }

  // ---- API shapes --------------------------------------------------------------

  resource(n: Net, withContainers = true): NetworkResource {
    const containers: NetworkResource['Containers'] = {};
    if (withContainers) {
      for (const id of n.endpoints) {
        const a = this.attached.get(id);
        const ep = a?.c.networks[n.name];
        if (!a || !ep || !a.ns) continue; // Docker lists running containers' endpoints
        containers[id] = { Name: a.c.name.slice(1), EndpointID: ep.EndpointID, MacAddress: ep.MacAddress, IPv4Address: ep.IPAddress ? `${ep.IPAddress}/${ep.IPPrefixLen}` : '', IPv6Address: '' };
      }
    }
    return {
      Name: n.name,
      Id: n.id,
      Created: rfc3339Nano(n.created),
      Scope: 'local',
      Driver: n.driver,
      EnableIPv4: true,
      EnableIPv6: false,
      IPAM: { Driver: 'default', Options: n.ipamOptions, Config: n.ipamConfig.map((c) => ({ ...c })) },
      Internal: n.internal,
      Attachable: n.attachable,
      Ingress: false,
      ConfigFrom: { Network: '' },
      ConfigOnly: false,
      Containers: containers,
      Options: { ...n.options },
      Labels: { ...n.labels },
    };
  }

  /** GET /networks (with filters name, id, driver, type, label). */
  list(filters: Record<string, string[]> = {}): NetworkResource[] {
    for (const k of Object.keys(filters)) if (!['name', 'id', 'driver', 'type', 'label', 'scope', 'dangling'].includes(k)) throw new EngineError('InvalidArgument', `invalid filter '${k}'`);
    return [...this.nets.values()]
      .filter((n) => !filters.name || filters.name.some((x) => n.name.includes(x)))
      .filter((n) => !filters.id || filters.id.some((x) => n.id.startsWith(x)))
      .filter((n) => !filters.driver || filters.driver.includes(n.driver))
      .filter((n) => !filters.type || filters.type.some((t) => (t === 'builtin') === n.predefined))
      .filter((n) => !filters.scope || filters.scope.includes('local'))
      .filter((n) => !filters.dangling || filters.dangling.some((d) => (d === 'true' || d === '1') === (n.endpoints.size === 0 && !n.predefined)))
      .filter((n) => !filters.label || filters.label.every((l) => (l.includes('=') ? n.labels[l.slice(0, l.indexOf('='))] === l.slice(l.indexOf('=') + 1) : l in n.labels)))
      .map((n) => this.resource(n, false));
  }

  inspect(ref: string): NetworkResource {
    return this.resource(this.network(ref));
  }

  /** POST /networks/create. */
  create(body: CreateNetworkBody): { Id: string; Warning: string } {
    const name = body?.Name;
    if (!name) throw new EngineError('InvalidArgument', 'network name must not be empty');
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) throw new EngineError('InvalidArgument', `invalid network name "${name}"`);
    if (['bridge', 'host', 'none'].includes(name)) throw new EngineError('PermissionDenied', `${name} is a pre-defined network and cannot be created`);
    if ([...this.nets.values()].some((n) => n.name === name)) throw new EngineError('Conflict', `network with name ${name} already exists`);
    const driver = body.Driver || 'bridge';
    if (driver === 'host' || driver === 'null') throw new EngineError('PermissionDenied', `only one instance of "${driver}" network is allowed`);
    if (driver !== 'bridge') throw new EngineError('NotFound', `plugin "${driver}" not found`);
    const config = body.IPAM?.Config ?? [];
    let subnet: string;
    let gateway: string | undefined;
    let ipRange: string | undefined;
    if (config[0]?.Subnet) {
      const cidr = parseCidr(config[0].Subnet);
      if (!cidr) throw new EngineError('InvalidArgument', `invalid CIDR address: ${config[0].Subnet}`);
      for (const n of this.nets.values()) {
        if (n.subnet && overlaps(n.subnet, cidr)) throw new EngineError('PermissionDenied', `invalid pool request: Pool overlaps with other one on this address space`);
      }
      subnet = `${cidr.network}/${cidr.prefix}`;
      if (config[0].Gateway) {
        if (!inCidr(config[0].Gateway, cidr)) throw new EngineError('InvalidArgument', `no matching subnet for gateway ${config[0].Gateway}`);
        gateway = config[0].Gateway;
      }
      ipRange = config[0].IPRange;
    } else {
      subnet = this.freeSubnet();
    }
    const n = this.add({
      name,
      driver: 'bridge',
      predefined: false,
      created: this.options.platform.now(),
      subnet,
      gateway,
      ipRange,
      options: body.Options ?? {},
      labels: body.Labels ?? {},
      internal: body.Internal,
      attachable: body.Attachable,
      ipamOptions: body.IPAM?.Options ?? {},
    });
    this.events?.emit('network', 'create', n.id, { name, type: 'bridge' });
    return { Id: n.id, Warning: '' };
  }

  /** Docker's default address pools: 172.17–31.0.0/16, then 192.168.0.0/20 steps. */
  private freeSubnet(): string {
    const candidates: string[] = [];
    for (let b = 18; b <= 31; b++) candidates.push(`172.${b}.0.0/16`);
    for (let c = 0; c < 256; c += 16) candidates.push(`192.168.${c}.0/20`);
    for (const s of candidates) {
      const cidr = parseCidr(s)!;
      if (![...this.nets.values()].some((n) => n.subnet && overlaps(n.subnet, cidr))) return s;
    }
    throw new EngineError('Unavailable', 'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network');
  }

  /** DELETE /networks/{id}. */
  remove(ref: string): void {
    const n = this.network(ref);
    if (n.predefined) throw new EngineError('PermissionDenied', `${n.name} is a pre-defined network and cannot be removed`);
    if (n.endpoints.size) {
      const list = [...n.endpoints].map((id) => `name:"${this.attached.get(id)?.c.name.slice(1) ?? ''}" id:"${id.slice(0, 12)}"`).join(', ');
      throw new EngineError('PermissionDenied', `error while removing network: network ${n.name} has active endpoints (${list})`);
    }
    n.bridge?.remove();
    this.nets.delete(n.id);
    this.events?.emit('network', 'destroy', n.id, { name: n.name, type: n.driver });
  }

  /** POST /networks/prune: user networks nobody uses. */
  prune(): { NetworksDeleted: string[] } {
    const deleted: string[] = [];
    for (const n of [...this.nets.values()]) {
      if (n.predefined || n.endpoints.size) continue;
      this.remove(n.id);
      deleted.push(n.name);
    }
    return { NetworksDeleted: deleted };
  }

  /** POST /networks/{id}/connect. */
  connect(ref: string, containerRef: string, config: Partial<EndpointSettings> = {}): void {
    const n = this.network(ref);
    const c = this.container(containerRef);
    const mode = c.hostConfig.NetworkMode;
    if (n.driver !== 'bridge' || mode === 'host' || mode === 'none' || mode.startsWith('container:')) {
      throw new EngineError('PermissionDenied', 'container cannot be disconnected from host network or connected to host network');
    }
    if (c.networks[n.name]) throw new EngineError('PermissionDenied', `endpoint with name ${c.name.slice(1)} already exists in network ${n.name}`);
    const a = this.record(c);
    this.join(c, n, config);
    if (a.ns) this.plugOne(a, n, false);
    this.events?.emit('network', 'connect', n.id, { container: c.id, name: n.name, type: n.driver });
  }

  /** POST /networks/{id}/disconnect. */
  disconnect(ref: string, containerRef: string, force = false): void {
    const n = this.network(ref);
    const c = force ? this.findContainerOrUndefined(containerRef) : this.container(containerRef);
    if (!c) return;
    if (n.driver === 'host') throw new EngineError('PermissionDenied', 'container cannot be disconnected from host network or connected to host network');
    if (!c.networks[n.name]) throw new EngineError('PermissionDenied', `container ${c.id} is not connected to network ${n.name}`);
    this.leave(c, n);
    this.events?.emit('network', 'disconnect', n.id, { container: c.id, name: n.name, type: n.driver });
  }

  private container(ref: string): Container {
    const c = this.findContainerOrUndefined(ref);
    if (!c) throw new EngineError('NotFound', `No such container: ${ref}`);
    return c;
  }

  private findContainerOrUndefined(ref: string): Container | undefined {
    const fromDaemon = this.findContainer?.(ref);
    if (fromDaemon) return fromDaemon;
    const a = this.attached.get(ref) ?? [...this.attached.values()].find((x) => x.c.name === `/${ref}` || x.c.name === ref);
    return a?.c;
  }

  private record(c: Container): Attached {
    let a = this.attached.get(c.id);
    if (!a) {
      a = { c, proxies: [], published: [], ifnames: new Map() };
      this.attached.set(c.id, a);
    }
    return a;
  }

  // ---- endpoints ------------------------------------------------------------------

  private allocate(n: Net, wanted?: string): string {
    const s = n.subnet!;
    if (wanted) {
      if (!inCidr(wanted, s)) throw new EngineError('InvalidArgument', `invalid address ${wanted}: it does not belong to any of this network's subnets`);
      if (n.used.has(wanted) || wanted === s.gateway) throw new EngineError('Conflict', `Address already in use`);
      n.used.add(wanted);
      return wanted;
    }
    const size = subnetSize(s.prefix);
    for (let i = 1; i < size - 1; i++) {
      const addr = nthAddress(s.network, i);
      if (addr === s.gateway || n.used.has(addr)) continue;
      n.used.add(addr);
      return addr;
    }
    throw new EngineError('Unavailable', `no available IPv4 addresses on this network's address pools: ${n.name} (${n.id})`);
  }

  private join(c: Container, n: Net, config: Partial<EndpointSettings> = {}): void {
    const ep: EndpointSettings = {
      IPAMConfig: config.IPAMConfig ?? null,
      Links: config.Links ?? null,
      Aliases: config.Aliases ?? null,
      MacAddress: '',
      NetworkID: n.id,
      EndpointID: '',
      Gateway: '',
      IPAddress: '',
      IPPrefixLen: 0,
      IPv6Gateway: '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      DNSNames: null,
    };
    if (n.driver === 'bridge') {
      const ip = this.allocate(n, config.IPAMConfig?.IPv4Address);
      ep.IPAddress = ip;
      ep.IPPrefixLen = n.subnet!.prefix;
      ep.Gateway = n.subnet!.gateway;
      ep.MacAddress = macFor(ip);
      ep.EndpointID = randomHex(this.options.platform);
      if (!n.predefined) ep.DNSNames = [c.name.slice(1), ...(ep.Aliases ?? []), c.id.slice(0, 12)];
    } else {
      ep.EndpointID = randomHex(this.options.platform);
    }
    c.networks[n.name] = ep;
    n.endpoints.add(c.id);
  }

  private leave(c: Container, n: Net): void {
    const ep = c.networks[n.name];
    if (ep?.IPAddress) n.used.delete(ep.IPAddress);
    delete c.networks[n.name];
    n.endpoints.delete(c.id);
    const a = this.attached.get(c.id);
    const ifname = a?.ifnames.get(n.id);
    if (a?.ns && ifname) {
      try {
        a.ns.removeInterface(ifname);
      } catch {
        // gone already
      }
      a.ifnames.delete(n.id);
    }
  }

  // ---- DaemonNetworks ------------------------------------------------------------------

  attach(c: Container): void {
    const mode = c.hostConfig.NetworkMode;
    if (mode.startsWith('container:')) return;
    const n = this.network(mode);
    this.record(c);
    const asked = c.endpointsConfig[mode] ?? c.endpointsConfig[n.name] ?? c.endpointsConfig.default ?? {};
    // Links on a user network are aliases of the linked container, resolved by the embedded DNS.
    this.join(c, n, asked);
  }

  /** The runtime made the container's namespace: plug it in (EmulatedRuntime's setupNetwork). */
  setupNetwork(id: string, ns: NetNamespace): void {
    const a = this.attached.get(id);
    if (!a) return;
    const c = a.c;
    // Published ports are claimed before anything runs: a taken port fails the start.
    const wanted = this.wantedPorts(c);
    const claimed = new Set<number>();
    for (const w of wanted) {
      if (w.hostPort === 0) continue;
      const takenByUs = [...this.attached.values()].some((o) => o !== a && o.published.some((p) => p.PublicPort === w.hostPort && p.Type === w.type));
      if (takenByUs || claimed.has(w.hostPort) || !hostPortFree(this.kernel, w.hostPort)) {
        const ep = Object.values(c.networks)[0];
        throw new EngineError('Internal', `driver failed programming external connectivity on endpoint ${c.name.slice(1)} (${ep?.EndpointID ?? ''}): Bind for 0.0.0.0:${w.hostPort} failed: port is already allocated`);
      }
      claimed.add(w.hostPort);
    }
    a.ns = ns;
    a.ifnames.clear();
    let first = true;
    for (const name of Object.keys(c.networks)) {
      const n = this.findNetwork(c.networks[name]!.NetworkID);
      if (!n || n.driver !== 'bridge') continue;
      this.plugOne(a, n, first);
      first = false;
    }
    if (this.usesInternalDns(c)) {
      this.options.writeFile(`/var/lib/docker/containers/${c.id}/resolv.conf`, internalResolvConf(this.options.hostResolvConf()));
      a.dns = serveEmbeddedDns(
        this.kernel,
        ns,
        (name) => this.resolve(c, name),
        () => nameservers(this.options.hostResolvConf()),
        (ms, f) => this.options.platform.timer(ms, f),
      );
    }
  }

  private usesInternalDns(c: Container): boolean {
    return Object.keys(c.networks).some((name) => {
      const n = this.findNetwork(c.networks[name]!.NetworkID);
      return n && !n.predefined && n.driver === 'bridge';
    });
  }

  private plugOne(a: Attached, n: Net, defaultRoute: boolean): void {
    const ep = a.c.networks[n.name];
    if (!a.ns || !n.bridge || !ep) return;
    let i = 0;
    while (a.ns.interface(`eth${i}`)) i++;
    const ifname = `eth${i}`;
    n.bridge.plug(a.ns, ifname, ep.IPAddress, ep.MacAddress, defaultRoute || i === 0);
    a.ifnames.set(n.id, ifname);
  }

  /** Names the embedded DNS answers for a container: running containers on a user network it shares. */
  private resolve(asker: Container, name: string): string[] | undefined {
    const out: string[] = [];
    for (const netName of Object.keys(asker.networks)) {
      const n = this.findNetwork(asker.networks[netName]!.NetworkID);
      if (!n || n.predefined) continue;
      for (const id of n.endpoints) {
        const other = this.attached.get(id);
        const ep = other?.c.networks[n.name];
        if (!other?.ns || !ep?.IPAddress) continue;
        const names = [other.c.name.slice(1), other.c.id.slice(0, 12), ...(ep.Aliases ?? []), ...(ep.DNSNames ?? [])].map((x) => x.toLowerCase());
        if (names.includes(name) && !out.includes(ep.IPAddress)) out.push(ep.IPAddress);
      }
    }
    return out.length ? out : undefined;
  }

  private wantedPorts(c: Container): { privatePort: number; type: string; hostPort: number }[] {
    const out: { privatePort: number; type: string; hostPort: number }[] = [];
    const bindings = c.hostConfig.PortBindings ?? {};
    const keys = new Set(Object.keys(bindings));
    if (c.hostConfig.PublishAllPorts) for (const k of Object.keys(c.config.ExposedPorts ?? {})) keys.add(k);
    for (const key of keys) {
      const [port, type = 'tcp'] = key.split('/');
      const list = bindings[key] ?? [{ HostIp: '', HostPort: '' }];
      for (const b of list.length ? list : [{ HostIp: '', HostPort: '' }]) {
        const hp = b?.HostPort ? Number(String(b.HostPort).split('-')[0]) : 0;
        out.push({ privatePort: Number(port), type, hostPort: Number.isFinite(hp) ? hp : 0 });
      }
    }
    return out;
  }

  private ephemeralPort(): number {
    for (let p = EPHEMERAL_FIRST; p <= EPHEMERAL_LAST; p++) {
      if (hostPortFree(this.kernel, p) && ![...this.attached.values()].some((a) => a.published.some((x) => x.PublicPort === p))) return p;
    }
    throw new EngineError('Unavailable', 'no free host port');
  }

  started(c: Container): void {
    const a = this.attached.get(c.id);
    if (!a?.ns) return;
    const ep = Object.values(c.networks).find((e) => e.IPAddress);
    if (!ep) return;
    for (const w of this.wantedPorts(c)) {
      const hostPort = w.hostPort || this.ephemeralPort();
      a.published.push({ PrivatePort: w.privatePort, PublicPort: hostPort, Type: w.type });
      if (w.type !== 'tcp') continue; // UDP forwarding is not emulated; the mapping is still listed
      try {
        a.proxies.push(publishTcp(this.kernel, hostPort, { address: ep.IPAddress, port: w.privatePort }));
      } catch {
        // raced by another listener: the mapping stays listed, as docker-proxy would have failed the start earlier
      }
    }
  }

  stopped(c: Container): void {
    const a = this.attached.get(c.id);
    if (!a) return;
    for (const p of a.proxies.splice(0)) p.close();
    a.published = [];
    if (a.dns) {
      this.kernel.net.unserve(a.dns);
      a.dns = undefined;
    }
    if (a.ns) {
      for (const ifname of a.ifnames.values()) {
        try {
          a.ns.removeInterface(ifname);
        } catch {
          // gone already
        }
      }
      a.ifnames.clear();
      a.ns = undefined;
    }
  }

  detach(c: Container): void {
    this.stopped(c);
    for (const name of Object.keys(c.networks)) {
      const n = this.findNetwork(c.networks[name]!.NetworkID);
      if (n) this.leave(c, n);
      else delete c.networks[name];
    }
    this.attached.delete(c.id);
  }

  ports(c: Container): { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[] {
    const a = this.attached.get(c.id);
    const out: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[] = [];
    const published = a?.ns ? a.published : [];
    for (const p of published) {
      out.push({ IP: '0.0.0.0', PrivatePort: p.PrivatePort, PublicPort: p.PublicPort, Type: p.Type });
      out.push({ IP: '::', PrivatePort: p.PrivatePort, PublicPort: p.PublicPort, Type: p.Type });
    }
    return out;
  }

  /** Byte and packet counters of the container's interfaces but lo (`docker stats` NET I/O). */
  interfaceStats(c: Container): { name: string; rxBytes: number; rxPackets: number; txBytes: number; txPackets: number }[] {
    const ns = this.attached.get(c.id)?.ns;
    return (ns?.interfaces ?? []).filter((i) => i.kind !== 'loopback').map((i) => ({ name: i.name, ...i.stats }));
  }

  /** The container's address on a network (tests, lessons). */
  address(c: Container, network = 'bridge'): string | undefined {
    return c.networks[network]?.IPAddress || undefined;
  }
}

function inCidr(address: string, cidr: { network: string; prefix: number }): boolean {
  const i = indexInSubnet(address, cidr.network);
  return i < subnetSize(cidr.prefix);
}

function overlaps(a: { network: string; prefix: number }, b: { network: string; prefix: number }): boolean {
  return inCidr(a.network, b) || inCidr(b.network, a);
}
