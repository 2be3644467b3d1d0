/**
 * nc [OPTIONS] HOST PORT  - connect
 * nc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen
 *
 * Busybox's netcat as Alpine builds it: the netcat 1.10 compatible one
 * (networking/nc_bloaty.c). What a learner meets:
 *
 * - Data flows both ways until *both* standard input and the connection
 *   have ended; at the end of standard input nc shuts down its sending
 *   side (the peer reads end-of-file) and keeps reading.
 * - A refused connection is silent with status 1; -v says "host (ip:port)
 *   open", -vv also reports refusals and "sent N, rcvd M".
 * - A listener is dual-stack on a real kernel, so -v names addresses the
 *   IPv6 way ("listening on [::]:8080 ...", "[::ffff:172.17.0.3]:41234"),
 *   as Alpine's nc prints them; Berth's sockets underneath are IPv4.
 * - -e PROG (which must come last) runs PROG on the connection; -lk -e
 *   serves every connection with a new PROG.
 * - ^C prints "punt!" and ends nc by the signal.
 */
import { FsError, strerror, type Errno } from '../../fs/errno.ts';
import { SIGCHLD, SIGINT, SIGPIPE, SIGQUIT, SIGTERM } from '../../kernel/signals.ts';
import type { SockAddr, Sys } from '../../kernel/sys.ts';
import { applet, fail, type AppletContext } from '../lib/applet.ts';
import { hostAddress, hostName, lookupPort } from '../lib/net-names.ts';
import { errnoOf, inet } from '../lib/net-socket.ts';
import { execvp } from '../lib/system-exec.ts';
import { xatoulRangeSfx } from '../lib/system-format.ts';
import { getoptLong } from '../lib/system-getopt.ts';

const USAGE = `Usage: nc [OPTIONS] HOST PORT  - connect
nc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen

	-e PROG	Run PROG after connect (must be last)
	-l	Listen mode, for inbound connects
	-lk	With -e, provides persistent server
	-p PORT	Local port
	-s ADDR	Local address
	-w SEC	Timeout for connects and final net reads
	-i SEC	Delay interval for lines sent
	-n	Don't do DNS resolution
	-u	UDP mode
	-b	Allow broadcasts
	-v	Verbose
	-o FILE	Hex dump traffic
	-z	Zero-I/O mode (scanning)`;

const BIGSIZ = 8192;

/** A signal caught while nc was blocked: "punt!" and death by it. */
class Punt extends Error {
  constructor(readonly signal: number) {
    super('punt');
  }
}

class Netcat {
  verbose = 0;
  wait = 0;
  interval = 0;
  udp = false;
  numeric = false;
  zero = false;
  /** Bytes written to the network and to stdout (for -vv and -o). */
  wroteNet = 0;
  wroteOut = 0;
  hexFd = -1;
  /** Listening on the dual-stack wildcard (no -s): addresses print as IPv6. */
  dualStack = true;
  caught = 0;
  netfd = -1;

  constructor(readonly ctx: AppletContext) {}

  get sys(): Sys {
    return this.ctx.sys;
  }

  /** The signal handler's part: note it; blocked calls come back with EINTR. */
  catch = (sig: number): void => {
    this.caught = sig;
  };

  checkPunt(): void {
    if (this.caught) throw new Punt(this.caught);
  }

  /** A blocking call, turned into a Punt when a caught signal interrupts it. */
  async blocking<T>(call: () => Promise<T>): Promise<T> {
    this.checkPunt();
    try {
      return await call();
    } catch (err) {
      if (err instanceof FsError && err.code === 'EINTR') this.checkPunt();
      throw err;
    } finally {
      this.checkPunt();
    }
  }

  /** poll in slices, so that a signal handled on the way in still ends the wait. */
  async poll(fds: { fd: number; in: boolean }[], timeoutMs: number | undefined): Promise<{ fd: number; in: boolean; hup: boolean }[]> {
    const deadline = timeoutMs === undefined ? undefined : this.sys.now() + timeoutMs;
    for (;;) {
      const left = deadline === undefined ? 500 : Math.min(500, Math.max(0, deadline - this.sys.now()));
      let ready;
      try {
        ready = await this.blocking(() => this.sys.poll(fds, left));
      } catch (err) {
        if (err instanceof FsError && err.code === 'EINTR') continue;
        throw err;
      }
      if (ready.length > 0 || (deadline !== undefined && this.sys.now() >= deadline)) return ready;
    }
  }

  /** How addresses print: sockaddr2dotted, the IPv4-mapped way on a dual-stack socket. */
  dotted(a: SockAddr): string {
    if (!this.dualStack) return `${a.address}:${a.port}`;
    return a.address === '0.0.0.0' ? `[::]:${a.port}` : `[::ffff:${a.address}]:${a.port}`;
  }

  /** sockaddr2host: the name and port, or the numeric form when no name is known. */
  async named(sys: Sys, a: SockAddr): Promise<string> {
    const name = await hostName(sys, a.address);
    return name ? `${name}:${a.port}` : this.dotted(a);
  }

  /** oprint: the -o hex dump of data sent ('>') or received ('<'). */
  async hexdump(direction: '<' | '>', data: Uint8Array): Promise<void> {
    if (this.hexFd < 0 || data.length === 0) return;
    let offset = direction === '<' ? this.wroteOut : this.wroteNet;
    let text = '';
    for (let i = 0; i < data.length; i += 16) {
      const row = data.subarray(i, i + 16);
      const hex = [...row].map((b) => b.toString(16).toUpperCase().padStart(2, '0') + ' ').join('');
      const ascii = [...row].map((b) => (b > 31 && b < 127 ? String.fromCharCode(b) : '.')).join('');
      text += `${direction} ${offset.toString(16).padStart(8, '0')} ${hex.padEnd(48)}# ${ascii}\n`;
      offset += row.length;
    }
    await this.sys.write(this.hexFd, text);
  }

  /** readwrite: shovel stdin to the net and the net to stdout until both have ended. */
  async readwrite(stdinOpen: boolean, pendingNet?: Uint8Array): Promise<number> {
    const { sys } = this;
    let netOpen = true;
    let netretry = 2;
    if (this.interval) await this.blocking(() => sys.sleep(this.interval * 1000));
    if (pendingNet) await this.toStdout(pendingNet);
    while (stdinOpen || netOpen) {
      const fds: { fd: number; in: boolean }[] = [];
      if (stdinOpen) fds.push({ fd: 0, in: true });
      if (netOpen) fds.push({ fd: this.netfd, in: true });
      const ready = await this.poll(fds, this.wait ? this.wait * 1000 : undefined);
      if (ready.length === 0) {
        if (--netretry === 0) {
          if (this.verbose > 1) await this.ctx.err.write('net timeout\n');
          return 0;
        }
        continue;
      }
      const netReady = ready.find((r) => r.fd === this.netfd);
      if (netOpen && netReady) {
        let data: Uint8Array;
        try {
          data = await this.blocking(() => sys.read(this.netfd, BIGSIZ));
        } catch (err) {
          if (this.verbose > 1) await this.ctx.err.write(`nc: net read: ${strerror(errnoOf(err))}\n`);
          data = new Uint8Array(0);
        }
        if (data.length === 0) netOpen = false;
        else if (!(await this.toStdout(data))) return 1;
      }
      const inReady = ready.find((r) => r.fd === 0);
      if (stdinOpen && inReady) {
        let data: Uint8Array;
        try {
          data = await this.blocking(() => sys.read(0, BIGSIZ));
        } catch (err) {
          errnoOf(err);
          data = new Uint8Array(0);
        }
        if (data.length === 0) {
          stdinOpen = false;
          // Let the peer know we have no more data (nc 1.10 itself did not).
          try {
            sys.shutdown(this.netfd, 'write');
          } catch (err) {
            errnoOf(err);
          }
        } else if (netOpen || this.udp) {
          await this.toNet(data);
        }
      }
    }
    sys.close(this.netfd);
    return 0;
  }

  private async toStdout(data: Uint8Array): Promise<boolean> {
    try {
      await this.sys.write(1, data);
    } catch (err) {
      errnoOf(err);
      if (this.verbose) await this.ctx.err.write('nc: too many output retries\n');
      return false;
    }
    await this.hexdump('<', data);
    this.wroteOut += data.length;
    return true;
  }

  private async toNet(data: Uint8Array): Promise<void> {
    // With -i, one line per interval.
    const pieces: Uint8Array[] = [];
    if (this.interval) {
      let start = 0;
      for (let i = 0; i < data.length; i++) {
        if (data[i] === 10) {
          pieces.push(data.subarray(start, i + 1));
          start = i + 1;
        }
      }
      if (start < data.length) pieces.push(data.subarray(start));
    } else pieces.push(data);
    for (const piece of pieces) {
      try {
        await this.blocking(() => this.sys.write(this.netfd, piece));
        await this.hexdump('>', piece);
        this.wroteNet += piece.length;
      } catch (err) {
        if (err instanceof Punt) throw err;
        errnoOf(err); // the peer is gone (EPIPE, SIGPIPE ignored): the data is dropped
      }
      if (this.interval) await this.blocking(() => this.sys.sleep(this.interval * 1000));
    }
  }
}

/** Finds "-e PROG ARGS…" (or "-<nuvlkz>e PROG"), which ends nc's own arguments. */
function splitProg(argv: readonly string[]): { own: string[]; prog?: string[] } {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-e') return { own: argv.slice(0, i), prog: argv.slice(i + 1) };
    if (a[0] === '-') {
      const m = /^-([nuvlkz]*)e$/.exec(a);
      if (m) return { own: [...argv.slice(0, i), `-${m[1]}`], prog: argv.slice(i + 1) };
    }
  }
  return { own: [...argv] };
}

async function run(ctx: AppletContext, nc: Netcat): Promise<number> {
  const { sys } = ctx;
  const { own, prog } = splitProg(sys.argv);
  const r = getoptLong(own, 'np:s:ubvw:lki:o:z');
  const usage = async () => {
    if ('error' in r) await ctx.err.write(`nc: ${r.error}\n`);
    await ctx.usage();
    return 1;
  };
  if ('error' in r) return usage();
  const operands = r.operands;
  if (operands.length > 2) return usage();
  nc.verbose = r.count('v');
  nc.udp = r.has('u');
  nc.numeric = r.has('n');
  nc.zero = r.has('z');
  if (r.has('w')) nc.wait = xatoulRangeSfx(r.value('w')!, 0, 2147483647);
  if (r.has('i')) nc.interval = xatoulRangeSfx(r.value('i')!, 1, 0xffff);
  let listens = r.count('l');
  if (r.has('k')) listens = 2;
  const proto = nc.udp ? 'udp' : 'tcp';
  let lport = 0;
  if (r.has('p')) {
    const p = await lookupPort(sys, r.value('p')!, proto);
    if (p === undefined) fail(`bad port '${r.value('p')}'`);
    lport = p!;
  }

  // libbb's xhost2sockaddr: "host[:port]", then the name.
  const toAddr = async (hostText: string, port: number): Promise<SockAddr> => {
    let host = hostText;
    const colon = hostText.lastIndexOf(':');
    if (colon >= 0 && hostText.indexOf(':') === colon) {
      host = hostText.slice(0, colon);
      const p = hostText.slice(colon + 1);
      if (!/^\d+$/.test(p) || Number(p) > 65535) fail(`bad port '${p}'`);
      port = Number(p);
    }
    const a = await hostAddress(sys, host);
    if ('error' in a) fail(`bad address '${hostText}'`);
    return inet((a as { address: string }).address, port);
  };

  let them: SockAddr | undefined;
  if (operands[0] !== undefined) {
    let port = 0;
    if (operands[1] !== undefined) {
      const p = await lookupPort(sys, operands[1], proto);
      if (p === undefined) fail(`bad port '${operands[1]}'`);
      port = p!;
    }
    them = await toAddr(operands[0], port);
  }

  let ours = inet('0.0.0.0', lport);
  if (r.has('s')) {
    ours = await toAddr(r.value('s')!, lport);
    nc.dualStack = false;
  } else if (them) {
    // The socket takes the peer's family: IPv4.
    nc.dualStack = false;
  }

  const fd = sys.socket('inet', nc.udp ? 'dgram' : 'stream');
  nc.netfd = fd;
  sys.setsockopt(fd, 'SO_REUSEADDR', true);
  try {
    sys.bind(fd, ours);
  } catch (err) {
    fail(`bind: ${strerror(errnoOf(err))}`);
  }
  if (prog) sys.close(0);
  if (r.has('o') && !prog) {
    const file = r.value('o')!;
    try {
      nc.hexFd = sys.open(file, { read: false, write: true, create: true, truncate: true }, 0o666);
    } catch (err) {
      fail(`can't open '${file}': ${strerror(errnoOf(err))}`);
    }
  }

  if (listens > 0) {
    const pending = await listen(nc, fd, them, listens > 1, prog);
    return nc.readwrite(!prog, pending);
  }

  if (!them) return usage();
  const themDotted = `${them.address}:${them.port}`;
  let errno: Errno | undefined;
  try {
    // -w bounds the connect too; Berth's connect(2) answers at once, so there is nothing to time.
    await nc.blocking(() => sys.connect(fd, them!));
    if (nc.zero && nc.udp) await udptest(nc, them);
  } catch (err) {
    if (err instanceof Punt) throw err;
    errno = errnoOf(err);
  }
  let status: number;
  if (errno === undefined) {
    if (nc.verbose) await ctx.err.write(`${operands[0]} (${themDotted}) open\n`);
    if (prog) await doexec(nc, prog);
    status = nc.zero ? 0 : await nc.readwrite(true);
  } else {
    status = 1;
    if (nc.verbose > 1 || (nc.verbose && errno !== 'ECONNREFUSED')) await ctx.err.write(`nc: ${operands[0]} (${themDotted}): ${strerror(errno)}\n`);
  }
  if (nc.verbose > 1) await ctx.err.write(`sent ${nc.wroteNet}, rcvd ${nc.wroteOut}\n`);
  return status;
}

/** -u -z: a byte, a pause, another byte; the port counts as open when both are sent. */
async function udptest(nc: Netcat, them: SockAddr): Promise<void> {
  const { sys } = nc;
  await sys.write(nc.netfd, new Uint8Array(1));
  if (nc.wait) await nc.blocking(() => sys.sleep(nc.wait * 1000));
  else {
    // the "tcp ping" trick: time a connection to a port that refuses
    const probe = sys.socket('inet', 'stream');
    await sys.connect(probe, { ...them, port: 31337 }).catch((err: unknown) => errnoOf(err));
    sys.close(probe);
  }
  await sys.write(nc.netfd, new Uint8Array(1));
}

/** dolisten: the first acceptable connection (or datagram); runs -e PROG on it. Returns a datagram already read. */
async function listen(nc: Netcat, fd: number, them: SockAddr | undefined, persistent: boolean, prog: string[] | undefined): Promise<Uint8Array | undefined> {
  const { sys, ctx } = nc;
  if (!nc.udp) {
    try {
      sys.listen(fd, 1);
    } catch (err) {
      fail(`listen: ${strerror(errnoOf(err))}`);
    }
  }
  if (nc.verbose) await ctx.err.write(`listening on ${nc.dotted(sys.getsockname(fd))} ...\n`);
  const deadline = nc.wait ? sys.now() + nc.wait * 1000 : undefined;
  const waitReady = async () => {
    const ready = await nc.poll([{ fd, in: true }], deadline === undefined ? undefined : Math.max(0, deadline - sys.now()));
    if (ready.length === 0) fail('timeout');
  };

  let pending: Uint8Array | undefined;
  let peer: SockAddr;
  if (nc.udp) {
    if (them) await sys.connect(fd, them);
    await waitReady();
    const got = await nc.blocking(() => sys.recvfrom(fd, 65536));
    pending = got.data;
    peer = got.from;
    if (!them) await sys.connect(fd, peer);
  } else {
    for (;;) {
      await waitReady();
      const conn = await nc.blocking(() => sys.accept(fd));
      if (them) {
        const portMatches = them.port === 0 || them.port === conn.peer.port;
        if (conn.peer.address !== them.address || !portMatches) {
          if (nc.verbose) await ctx.err.write(`nc: connect from wrong ip/port ${nc.dotted(conn.peer)} ignored\n`);
          sys.close(conn.fd);
          continue;
        }
      }
      if (persistent && prog) {
        // -lk -e: a child per connection runs PROG; the parent goes back to accepting.
        sys.signal(SIGCHLD, 'ignore');
        sys.fork(async (child) => {
          child.signal(SIGCHLD, 'default');
          child.dup2(conn.fd, fd);
          if (conn.fd !== fd) child.close(conn.fd);
          await announce(nc, child, fd, conn.peer);
          await doexec(nc, prog, child);
          return 0;
        });
        sys.close(conn.fd);
        continue;
      }
      sys.dup2(conn.fd, fd);
      if (conn.fd !== fd) sys.close(conn.fd);
      peer = conn.peer;
      break;
    }
  }
  await announce(nc, sys, fd, peer);
  if (prog) await doexec(nc, prog);
  return pending;
}

async function announce(nc: Netcat, sys: Sys, fd: number, peer: SockAddr): Promise<void> {
  if (!nc.verbose) return;
  const local = sys.getsockname(fd);
  const remote = nc.dotted(peer);
  const remoteName = nc.numeric ? remote : await nc.named(sys, peer);
  await sys.write(2, `connect to ${nc.dotted(local)} from ${remoteName} (${remote})\n`);
}

/** doexec: PROG with the connection as its standard input and output. */
async function doexec(nc: Netcat, prog: string[], sys: Sys = nc.sys): Promise<never> {
  sys.dup2(nc.netfd, 0);
  if (nc.netfd !== 0) sys.close(nc.netfd);
  sys.dup2(0, 1);
  const file = prog[0] ?? '';
  try {
    return await execvp(sys, file, prog, [...sys.env]);
  } catch (err) {
    const code = errnoOf(err);
    await sys.write(2, `nc: can't execute '${file}': ${strerror(code)}\n`);
    return sys.exit(code === 'ENOENT' ? 127 : 126);
  }
}

export default applet(USAGE, async (ctx) => {
  const { sys } = ctx;
  const nc = new Netcat(ctx);
  for (const sig of [SIGINT, SIGQUIT, SIGTERM]) sys.signal(sig, nc.catch);
  sys.signal(SIGPIPE, 'ignore');
  try {
    return await run(ctx, nc);
  } catch (err) {
    if (!(err instanceof Punt)) throw err;
    if (nc.verbose > 1) await ctx.err.write(`sent ${nc.wroteNet}, rcvd ${nc.wroteOut}\n`);
    await ctx.err.write('punt!\n');
    sys.signal(err.signal, 'default');
    sys.kill(sys.pid, err.signal);
    await sys.checkpoint();
    return 128 + err.signal;
  }
});

