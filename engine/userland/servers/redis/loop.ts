/**
 * redis-server's event loop: poll(2) over the listening sockets and every
 * client, commands run in the order they arrive, replies written without
 * blocking on a slow reader, and the cron (expiry, save rules, a requested
 * shutdown) `hz` times a second.
 */
import { FsError, strerror } from '../../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../../kernel/sys.ts';
import { resolve, type Client } from './commands.ts';
import type { Logger } from './log.ts';
import { bin, bytesOf, error, parseRequests, ProtocolError } from './resp.ts';
import type { RedisState } from './state.ts';

interface Conn {
  client: Client;
  input: string;
  output: string;
}

export interface LoopOptions {
  sys: Sys;
  state: RedisState;
  log: Logger;
  listeners: number[];
  /** Lines the signal handler wants written (it cannot write itself). */
  pendingRaw: string[];
  /** A second SIGINT: "You insist... exiting now." */
  exitNow: () => boolean;
  requirePass: () => string;
  hz: number;
}

const errText = (err: unknown): string => {
  if (isProcessControl(err)) throw err;
  return err instanceof FsError ? strerror(err.code) : String(err);
};

export function newClient(id: number, fd: number, addr: string, laddr: string, now: number): Client {
  return { id, fd, db: 0, name: '', authenticated: false, addr, laddr, createdMs: now, lastCommand: 'NULL', closeAfterReply: false };
}

export async function eventLoop(o: LoopOptions): Promise<number> {
  const { sys, state, log, listeners, pendingRaw } = o;
  const conns = new Map<number, Conn>();
  let nextId = 3;
  const closeConn = (c: Conn) => {
    conns.delete(c.client.fd);
    state.connected.delete(c.client.id);
    try {
      sys.close(c.client.fd);
    } catch (err) {
      errText(err);
    }
  };
  const flushConn = async (c: Conn) => {
    while (c.output.length > 0) {
      let n: number;
      try {
        n = await sys.write(c.client.fd, bytesOf(c.output.slice(0, 65536)));
      } catch (err) {
        if (err instanceof FsError && err.code === 'EAGAIN') return;
        errText(err);
        closeConn(c);
        return;
      }
      state.stats.netOut += n;
      c.output = c.output.slice(n);
    }
    if (c.client.closeAfterReply) closeConn(c);
  };
  const serve = async (c: Conn) => {
    let parsed: { requests: string[][]; rest: string };
    try {
      parsed = parseRequests(c.input);
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      c.output += error(`ERR ${err.message}`);
      c.client.closeAfterReply = true;
      c.input = '';
      return;
    }
    c.input = parsed.rest;
    for (const args of parsed.requests) {
      if (c.client.closeAfterReply) break;
      const r = resolve(c.client, args, o.requirePass());
      let reply: string;
      if ('error' in r) reply = r.error;
      else {
        c.client.lastCommand = r.fullname;
        state.stats.commands++;
        reply = await r.spec.run(state, c.client, args);
      }
      if (reply.startsWith('-')) {
        const prefix = /^-(\S+)/.exec(reply)?.[1] ?? 'ERR';
        state.stats.errors.set(prefix, (state.stats.errors.get(prefix) ?? 0) + 1);
      }
      c.output += reply;
    }
  };

  let lastCron = sys.now();
  const period = 1000 / Math.max(1, Math.min(500, o.hz));
  for (;;) {
    for (const line of pendingRaw.splice(0)) await log.raw(line);
    if (o.exitNow()) {
      try {
        sys.unlink(`temp-${sys.pid}.rdb`);
      } catch (err) {
        errText(err);
      }
      return 1;
    }
    await state.aof?.flush();
    const wanted = [...listeners.map((fd) => ({ fd, in: true })), ...[...conns.values()].map((c) => ({ fd: c.client.fd, in: !c.client.closeAfterReply, out: c.output.length > 0 }))];
    let ready: { fd: number; in: boolean; out: boolean; hup: boolean }[] = [];
    try {
      ready = await sys.poll(wanted, Math.max(0, period - (sys.now() - lastCron)));
    } catch (err) {
      if (!(err instanceof FsError && err.code === 'EINTR')) throw err;
    }
    for (const r of ready) {
      if (listeners.includes(r.fd)) {
        for (;;) {
          let accepted: { fd: number; peer: { address: string; port: number } };
          try {
            accepted = await sys.accept(r.fd);
          } catch (err) {
            if (err instanceof FsError && (err.code === 'EAGAIN' || err.code === 'EINTR')) break;
            throw err;
          }
          sys.setNonblock(accepted.fd, true);
          const local = sys.getsockname(accepted.fd);
          const client = newClient(nextId++, accepted.fd, `${accepted.peer.address}:${accepted.peer.port}`, `${local.address}:${local.port}`, sys.now());
          conns.set(accepted.fd, { client, input: '', output: '' });
          state.connected.set(client.id, client);
          state.stats.connections++;
        }
        continue;
      }
      const c = conns.get(r.fd);
      if (!c) continue;
      if (r.in || r.hup) {
        let data: Uint8Array;
        try {
          data = await sys.read(c.client.fd, 16384);
        } catch (err) {
          if (err instanceof FsError && (err.code === 'EAGAIN' || err.code === 'EINTR')) continue;
          errText(err);
          closeConn(c);
          continue;
        }
        if (data.length === 0) {
          closeConn(c);
          continue;
        }
        state.stats.netIn += data.length;
        c.input += bin(data);
        await serve(c);
      }
      if (conns.has(r.fd)) await flushConn(c);
    }
    // The signal handler's line, written before anything the shutdown logs.
    for (const line of pendingRaw.splice(0)) await log.raw(line);
    if (sys.now() - lastCron >= period || state.shutdownAsap) {
      lastCron = sys.now();
      await state.cron();
    }
  }
}
