/**
 * The command table and how a request is checked before it runs, in the
 * order Redis's processCommand checks: the command exists (else "unknown
 * command"), the argument count fits its arity (negative: at least that
 * many), the client is authenticated.
 *
 * A handler receives the server's state and the client, and returns the
 * encoded reply (see resp.ts). Write commands report what they changed
 * with `s.changed(db, args)`: that counts towards the save rules and
 * feeds the append-only file.
 */
import type { Keyspace } from './store.ts';
import { error } from './resp.ts';

export interface Client {
  id: number;
  fd: number;
  db: number;
  name: string;
  authenticated: boolean;
  addr: string;
  laddr: string;
  createdMs: number;
  lastCommand: string;
  /** Close once the reply is written (QUIT, protocol errors). */
  closeAfterReply: boolean;
}

export interface RedisServer {
  ks: Keyspace;
  now(): number;
  config: Map<string, string>;
  /** Records a change to the dataset (dirty count, AOF). */
  changed(db: number, args: string[], count?: number): void;
  /** SAVE: a synchronous RDB save; false when it failed (logged). */
  save(): Promise<boolean>;
  /** BGSAVE: forks a child that saves. The reply. */
  bgsave(schedule: boolean): string;
  bgrewriteaof(): Promise<string>;
  lastSaveSec(): number;
  /** SHUTDOWN: an error reply when it cannot; otherwise the process exits. */
  shutdown(flags: { save?: boolean; nosave?: boolean; force?: boolean; abort?: boolean }): Promise<string>;
  info(sections: string[]): string;
  clients(): Client[];
  /** CONFIG SET side effects (save rules, appendonly…); an error message or undefined. */
  applyConfig(name: string, value: string): Promise<string | undefined>;
}

export type Handler = (s: RedisServer, c: Client, args: string[]) => string | Promise<string>;

export interface CommandSpec {
  arity: number;
  flags: string[];
  run: Handler;
  /** Container commands (CONFIG, CLIENT, COMMAND): subcommand name → spec. */
  sub?: Record<string, CommandSpec>;
}

// ---- shared replies and argument parsing -----------------------------------------

export const WRONGTYPE = error('WRONGTYPE Operation against a key holding the wrong kind of value');
export const SYNTAX = error('ERR syntax error');
export const NOT_INTEGER = error('ERR value is not an integer or out of range');

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** Redis's string2ll: canonical decimal only (no "+", spaces or leading zeros), within 64 bits. */
export function toInt64(s: string): bigint | undefined {
  if (!/^(0|-?[1-9]\d*)$/.test(s) || s.length > 20) return undefined;
  const v = BigInt(s);
  return v > INT64_MAX || v < INT64_MIN ? undefined : v;
}

export const fitsInt64 = (v: bigint): boolean => v <= INT64_MAX && v >= INT64_MIN;

/** A number argument as getLongLongFromObjectOrReply parses it. */
export function intArg(s: string): number | undefined {
  const v = toInt64(s);
  return v === undefined ? undefined : Number(v);
}

// ---- dispatch -------------------------------------------------------------------

const table: Record<string, CommandSpec> = {};

/** Adds commands to the table (each command file calls this). */
export function register(specs: Record<string, CommandSpec>): void {
  Object.assign(table, specs);
}

export function commandNames(): string[] {
  return Object.keys(table);
}

export function lookup(name: string): CommandSpec | undefined {
  return table[name.toLowerCase()];
}

/** What processCommand would answer before running the command, or the command and its full name. */
export function resolve(c: Client, args: string[], requirePass: string): { error: string } | { spec: CommandSpec; fullname: string } {
  const name = args[0]!;
  let spec = lookup(name);
  let fullname = name.toLowerCase();
  if (spec?.sub && args.length >= 2) {
    const sub = spec.sub[args[1]!.toLowerCase()];
    if (!sub) return { error: error(`ERR unknown subcommand '${args[1]!.slice(0, 128)}'. Try ${name.toUpperCase()} HELP.`.replace(/[\r\n]/g, ' ')) };
    spec = sub;
    fullname = `${fullname}|${args[1]!.toLowerCase()}`;
  }
  if (!spec) {
    let list = '';
    for (let i = 1; i < args.length && list.length < 128; i++) list += `'${args[i]!.slice(0, 128 - list.length)}' `;
    return { error: error(`ERR unknown command '${name.slice(0, 128)}', with args beginning with: ${list}`.replace(/[\r\n]/g, ' ')) };
  }
  if ((spec.arity > 0 && spec.arity !== args.length) || args.length < -spec.arity) {
    return { error: error(`ERR wrong number of arguments for '${fullname}' command`) };
  }
  if (requirePass !== '' && !c.authenticated && !spec.flags.includes('no_auth')) return { error: error('NOAUTH Authentication required.') };
  return { spec, fullname };
}
