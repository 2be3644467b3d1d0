/**
 * Connection and server commands: PING, ECHO, SELECT, AUTH, QUIT, CLIENT,
 * the persistence commands (SAVE, BGSAVE, LASTSAVE, FLUSHALL), INFO,
 * CONFIG, COMMAND and SHUTDOWN.
 */
import { commandNames, intArg, lookup, NOT_INTEGER, register, SYNTAX, type Client, type CommandSpec, type Handler } from './commands.ts';
import { CONFIG_DEFAULTS, IMMUTABLE, configNames } from './config.ts';
import { array, bulk, bulks, error, integer, OK, status } from './resp.ts';
import { globMatch } from './store.ts';

const flushall: Handler = async (s, c, args) => {
  const mode = args[1]?.toUpperCase();
  if (args.length > 2 || (mode !== undefined && mode !== 'ASYNC' && mode !== 'SYNC')) return SYNTAX;
  const db = args[0]!.toLowerCase() === 'flushdb' ? c.db : undefined;
  const n = db === undefined ? s.ks.dbs.reduce((sum, _d, i) => sum + s.ks.size(i), 0) : s.ks.size(db);
  s.ks.flush(db);
  s.changed(c.db, args, n + 1);
  // FLUSHALL with save points configured saves the (now empty) dataset at once, as Redis does.
  if (db === undefined && (s.config.get('save') ?? '') !== '') await s.save();
  return OK;
};

function clientInfo(s: Parameters<Handler>[0], c: Client): string {
  const now = s.now();
  const age = Math.floor((now - c.createdMs) / 1000);
  return (
    `id=${c.id} addr=${c.addr} laddr=${c.laddr} fd=${c.fd} name=${c.name} age=${age} idle=0 flags=N db=${c.db} sub=0 psub=0 ssub=0 multi=-1 watch=0 ` +
    `qbuf=26 qbuf-free=20448 argv-mem=10 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=0 omem=0 tot-mem=22426 events=r cmd=${c.lastCommand} user=default redir=-1 resp=2 lib-name= lib-ver=`
  );
}

const client: Record<string, CommandSpec> = {
  setname: {
    arity: 3,
    flags: ['no_auth_check'],
    run: (_s, c, [, , name]) => {
      if ([...name!].some((ch) => ch < '!' || ch > '~')) return error('ERR Client names cannot contain spaces, newlines or special characters.');
      c.name = name!;
      return OK;
    },
  },
  getname: { arity: 2, flags: [], run: (_s, c) => bulk(c.name === '' ? null : c.name) },
  id: { arity: 2, flags: [], run: (_s, c) => integer(c.id) },
  info: { arity: 2, flags: [], run: (s, c) => bulk(clientInfo(s, c) + '\n') },
  list: { arity: -2, flags: [], run: (s) => bulk(s.clients().map((x) => clientInfo(s, x) + '\n').join('')) },
  help: {
    arity: 2,
    flags: [],
    run: () =>
      array(
        ['CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:', 'GETNAME', '    Return the name of the current connection.', 'ID', '    Return the ID of the current connection.', 'INFO', '    Return information about the current client connection.', 'LIST', '    Return information about client connections.', 'SETNAME <name>', '    Assign the name <name> to the current connection.', 'HELP', '    Print this help.'].map(status),
      ),
  },
};

const config: Record<string, CommandSpec> = {
  get: {
    arity: -3,
    flags: [],
    run: (s, _c, args) => {
      const out: string[] = [];
      const seen = new Set<string>();
      for (const pattern of args.slice(2)) {
        for (const name of configNames()) {
          if (seen.has(name) || !globMatch(pattern, name, true)) continue;
          seen.add(name);
          out.push(name, s.config.get(name) ?? CONFIG_DEFAULTS[name] ?? '');
        }
      }
      return bulks(out);
    },
  },
  set: {
    arity: -4,
    flags: [],
    run: async (s, _c, args) => {
      if (args.length % 2 !== 0) return error("ERR wrong number of arguments for 'config|set' command");
      for (let i = 2; i < args.length; i += 2) {
        const name = args[i]!.toLowerCase();
        if (!configNames().includes(name)) return error(`ERR Unknown option or number of arguments for CONFIG SET - '${args[i]}'`);
        if (IMMUTABLE.has(name)) return error(`ERR CONFIG SET failed (possibly related to argument '${args[i]}') - can't set immutable config`);
      }
      for (let i = 2; i < args.length; i += 2) {
        const problem = await s.applyConfig(args[i]!.toLowerCase(), args[i + 1]!);
        if (problem) return error(`ERR CONFIG SET failed (possibly related to argument '${args[i]}') - ${problem}`);
      }
      return OK;
    },
  },
  resetstat: { arity: 2, flags: [], run: () => OK },
  rewrite: { arity: 2, flags: [], run: () => error('ERR The server is running without a config file') },
  help: {
    arity: 2,
    flags: [],
    run: () =>
      array(['CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:', 'GET <pattern>', '    Return parameters matching the glob-like <pattern> and their values.', 'SET <directive> <value>', '    Set the configuration <directive> to <value>.', 'RESETSTAT', '    Reset statistics reported by the INFO command.', 'REWRITE', '    Rewrite the configuration file.', 'HELP', '    Print this help.'].map(status)),
  },
};

/** COMMAND's description of one command: name, arity, flags, first key, last key, step, ACL categories, tips, key specs, subcommands. */
function describe(name: string): string {
  const spec = lookup(name)!;
  const keyed = spec.flags.includes('write') || spec.flags.includes('readonly');
  const last = keyed && ['del', 'exists', 'unlink', 'mget', 'sinter', 'sunion'].includes(name) ? -1 : keyed ? 1 : 0;
  return array([bulk(name), integer(spec.arity), array(spec.flags.filter((f) => !f.includes('_check')).map(status)), integer(keyed ? 1 : 0), integer(last), integer(keyed ? (name === 'mset' ? 2 : 1) : 0), array([]), array([]), array([]), array([])]);
}

const command: Record<string, CommandSpec> = {
  count: { arity: 2, flags: [], run: () => integer(commandNames().length) },
  list: { arity: -2, flags: [], run: () => bulks(commandNames()) },
  info: { arity: -2, flags: [], run: (_s, _c, args) => array((args.length > 2 ? args.slice(2) : commandNames()).map((n) => (lookup(n) && !n.includes('|') ? describe(n.toLowerCase()) : array(null)))) },
  docs: { arity: -2, flags: [], run: () => array([]) },
};

const shutdown: Handler = async (s, _c, args) => {
  const flags: { save?: boolean; nosave?: boolean; force?: boolean; abort?: boolean; now?: boolean } = {};
  for (const a of args.slice(1)) {
    const f = a.toLowerCase();
    if (f !== 'save' && f !== 'nosave' && f !== 'force' && f !== 'abort' && f !== 'now') return SYNTAX;
    flags[f] = true;
  }
  if ((flags.save && flags.nosave) || (flags.abort && args.length > 2)) return SYNTAX;
  return s.shutdown(flags);
};

register({
  ping: {
    arity: -1,
    flags: [],
    run: (_s, _c, args) => (args.length > 2 ? error("ERR wrong number of arguments for 'ping' command") : args.length === 2 ? bulk(args[1]!) : status('PONG')),
  },
  echo: { arity: 2, flags: [], run: (_s, _c, [, m]) => bulk(m!) },
  quit: {
    arity: -1,
    flags: ['no_auth'],
    run: (_s, c) => {
      c.closeAfterReply = true;
      return OK;
    },
  },
  select: {
    arity: 2,
    flags: [],
    run: (s, c, [, n]) => {
      const db = intArg(n!);
      if (db === undefined) return NOT_INTEGER;
      if (db < 0 || db >= s.ks.dbs.length) return error('ERR DB index is out of range');
      c.db = db;
      return OK;
    },
  },
  auth: {
    arity: -2,
    flags: ['no_auth'],
    run: (s, c, args) => {
      if (args.length > 3) return SYNTAX;
      const pass = s.config.get('requirepass') ?? '';
      if (pass === '' && args.length === 2) return error('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
      const user = args.length === 3 ? args[1]! : 'default';
      const given = args[args.length - 1]!;
      if (user !== 'default' || given !== pass) return error('WRONGPASS invalid username-password pair or user is disabled.');
      c.authenticated = true;
      return OK;
    },
  },
  client: { arity: -2, flags: [], run: () => SYNTAX, sub: client },
  config: { arity: -2, flags: [], run: () => SYNTAX, sub: config },
  command: { arity: -1, flags: [], run: () => array(commandNames().map(describe)), sub: command },
  flushall: { arity: -1, flags: ['write'], run: flushall },
  flushdb: { arity: -1, flags: ['write'], run: flushall },
  save: { arity: 1, flags: [], run: async (s) => ((await s.save()) ? OK : error('ERR')) },
  bgsave: {
    arity: -1,
    flags: [],
    run: (s, _c, args) => {
      if (args.length > 2 || (args[1] !== undefined && args[1].toUpperCase() !== 'SCHEDULE')) return SYNTAX;
      return s.bgsave(args.length === 2);
    },
  },
  bgrewriteaof: { arity: 1, flags: [], run: (s) => s.bgrewriteaof() },
  lastsave: { arity: 1, flags: [], run: (s) => integer(s.lastSaveSec()) },
  time: {
    arity: 1,
    flags: [],
    run: (s) => {
      const now = s.now();
      return bulks([String(Math.floor(now / 1000)), String((now % 1000) * 1000 + Math.floor(Math.random() * 1000))]);
    },
  },
  info: { arity: -1, flags: [], run: (s, _c, args) => bulk(s.info(args.slice(1).map((a) => a.toLowerCase()))) },
  shutdown: { arity: -1, flags: [], run: shutdown },
});
