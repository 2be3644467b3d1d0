/**
 * redis-cli 7.4.1: Redis's command-line client.
 *
 *     redis-cli                       interactive: "127.0.0.1:6379> " and redis-cli's reply formats
 *     redis-cli SET a b               one command; the reply on stdout
 *     redis-cli -h cache -p 6380 -n 1 --raw GET a
 *     echo PING | redis-cli           commands from a pipe, one per line
 *
 * Replies print as redis-cli prints them: on a terminal `OK`, `"value"`,
 * `(integer) 1`, `(nil)`, `1) "a"`, `(error) ERR …`, `(empty array)`; to a
 * pipe or file, raw (the bare values, one per line), as with --raw.
 */
import { FsError, strerror } from '../../../fs/errno.ts';
import { isProcessControl, type Program, type Sys } from '../../../kernel/sys.ts';
import { readAll } from '../../lib/io.ts';
import { hostAddress } from '../../lib/net-names.ts';
import { GAI_MESSAGES } from '../../lib/resolv.ts';
import { LineEditor } from '../../lineedit.ts';
import { bin, binUtf8, bytesOf, command, parseReply, splitArgs, type Reply } from './resp.ts';

const HELP = `redis-cli 7.4.1
To get help about Redis commands type:
      "help @<group>" to get a list of commands in <group>
      "help <command>" for help on <command>
      "help <tab>" to get a list of possible help topics
      "quit" to exit

To set redis-cli preferences:
      ":set hints" enable online hints
      ":set nohints" disable online hints
Set your preferences in ~/.redisclirc
`;

const USAGE = `redis-cli 7.4.1

Usage: redis-cli [OPTIONS] [cmd [arg [arg ...]]]
  -h <hostname>      Server hostname (default: 127.0.0.1).
  -p <port>          Server port (default: 6379).
  -a <password>      Password to use when connecting to the server.
  -n <db>            Database number.
  -r <repeat>        Execute specified command N times.
  -i <interval>      When -r is used, waits <interval> seconds per command.
  -x                 Read last argument from STDIN.
  -e                 Return exit error code when command execution fails.
  --raw              Use raw formatting for replies (default when STDOUT is
                     not a tty).
  --no-raw           Force formatted output even when STDOUT is not a tty.
  --version          Output version and exit.

Examples:
  redis-cli -h localhost -p 6380 ping
  redis-cli -n 1 incr a
  redis-cli -r 100 lpush mylist x
  echo "hello" | redis-cli -x set mykey

When no command is given, redis-cli starts in interactive mode.
Type "help" in interactive mode for information on available commands
and settings.

`;

/** sdscatrepr: a bulk string as redis-cli quotes it on a terminal. */
export function repr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\\' || ch === '"') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (c >= 32 && c < 127) out += ch;
    else out += '\\x' + c.toString(16).padStart(2, '0');
  }
  return out + '"';
}

/** cliFormatReplyTTY */
export function formatTty(r: Reply, prefix = ''): string {
  switch (r.type) {
    case 'error':
      return `(error) ${r.value}\n`;
    case 'status':
      return `${r.value}\n`;
    case 'integer':
      return `(integer) ${r.value}\n`;
    case 'bulk':
      return r.value === null ? '(nil)\n' : `${repr(r.value)}\n`;
    case 'array': {
      if (r.value === null) return '(nil)\n';
      if (r.value.length === 0) return '(empty array)\n';
      const width = String(r.value.length).length;
      const inner = prefix + ' '.repeat(width + 2);
      return r.value.map((e, i) => `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}) ${formatTty(e, inner)}`).join('');
    }
  }
}

/** cliFormatReplyRaw (the caller adds the command delimiter, "\n"). */
export function formatRaw(r: Reply): string {
  switch (r.type) {
    case 'error':
      return `${r.value}\n`;
    case 'status':
      return r.value;
    case 'integer':
      return String(r.value);
    case 'bulk':
      return r.value ?? '';
    case 'array':
      return (r.value ?? []).map(formatRaw).join('\n');
  }
}

/** Commands whose replies redis-cli prints as they are, even on a terminal (cliSendCommand's output_raw). */
function verbatim(args: string[]): boolean {
  const [cmd = '', sub = ''] = args.map((a) => a.toLowerCase());
  return cmd === 'info' || cmd === 'lolwut' || (cmd === 'client' && (sub === 'list' || sub === 'info')) || (cmd === 'memory' && (sub === 'doctor' || sub === 'malloc-stats'));
}

interface Options {
  host: string;
  port: number;
  password?: string;
  db: number;
  repeat: number;
  intervalMs: number;
  stdinArg: boolean;
  errCode: boolean;
  raw: boolean;
  args: string[];
}

class Connection {
  private buffer = '';
  constructor(
    private readonly sys: Sys,
    readonly fd: number,
  ) {}

  async send(args: string[]): Promise<void> {
    await this.sys.write(this.fd, bytesOf(command(args)));
  }

  /** The next reply; null when the server closed the connection. */
  async reply(): Promise<Reply | null> {
    for (;;) {
      const parsed = parseReply(this.buffer);
      if (parsed) {
        this.buffer = this.buffer.slice(parsed.end);
        return parsed.reply;
      }
      const data = await this.sys.read(this.fd, 16384);
      if (data.length === 0) return null;
      this.buffer += bin(data);
    }
  }

  close(): void {
    this.sys.close(this.fd);
  }
}

const errText = (err: unknown): string => {
  if (isProcessControl(err)) throw err;
  return err instanceof FsError ? strerror(err.code) : String(err);
};

export const redisCli: Program = async (sys) => {
  const o: Options = { host: '127.0.0.1', port: 6379, db: 0, repeat: 1, intervalMs: 0, stdinArg: false, errCode: false, raw: !sys.isatty(1), args: [] };
  const argv = sys.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => argv[++i] ?? '';
    if (a === '-h' && i + 1 < argv.length) o.host = next();
    else if (a === '-p' && i + 1 < argv.length) o.port = Number(next()) || 0;
    else if (a === '-a' && i + 1 < argv.length) o.password = next();
    else if (a === '-n' && i + 1 < argv.length) o.db = Number(next()) || 0;
    else if (a === '-r' && i + 1 < argv.length) o.repeat = Number(next()) || 0;
    else if (a === '-i' && i + 1 < argv.length) o.intervalMs = Number(next()) * 1000 || 0;
    else if (a === '-x') o.stdinArg = true;
    else if (a === '-e') o.errCode = true;
    else if (a === '--raw') o.raw = true;
    else if (a === '--no-raw') o.raw = false;
    else if (a === '-v' || a === '--version') {
      await sys.write(1, 'redis-cli 7.4.1\n');
      return 0;
    } else if (a === '--help') {
      await sys.write(2, USAGE);
      return 0;
    } else if (a.startsWith('-') && o.args.length === 0 && a !== '-') {
      await sys.write(2, `Unrecognized option or bad number of args for: '${a}'\n`);
      return 1;
    } else {
      o.args = argv.slice(i).map(binUtf8);
      break;
    }
  }
  if (o.password !== undefined) await sys.write(2, "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n");

  const out = (s: string) => sys.write(1, bytesOf(s));
  let db = o.db;

  /** cliConnect: a TCP connection, AUTH and SELECT as configured. Prints why it failed. */
  const connect = async (quiet = false): Promise<Connection | null> => {
    const resolved = await hostAddress(sys, o.host);
    let why: string;
    if ('error' in resolved) why = GAI_MESSAGES[resolved.error];
    else {
      const fd = sys.socket('inet', 'stream');
      try {
        await sys.connect(fd, { family: 'inet', address: resolved.address, port: o.port });
        const conn = new Connection(sys, fd);
        if (o.password !== undefined) {
          await conn.send(['AUTH', binUtf8(o.password)]);
          const r = await conn.reply();
          if (r?.type === 'error') await sys.write(2, `AUTH failed: ${r.value}\n`);
        }
        if (db !== 0) {
          await conn.send(['SELECT', String(db)]);
          const r = await conn.reply();
          if (r?.type === 'error') db = 0;
        }
        return conn;
      } catch (err) {
        why = errText(err);
        sys.close(fd);
      }
    }
    if (!quiet) await sys.write(2, `Could not connect to Redis at ${o.host}:${o.port}: ${why}\n`);
    return null;
  };

  /** Sends one command and prints its reply; false when the connection is gone. */
  const issue = async (conn: Connection, args: string[], interactive: boolean): Promise<'ok' | 'lost' | 'error' | 'closed'> => {
    try {
      await conn.send(args);
    } catch (err) {
      errText(err);
      return 'lost';
    }
    const reply = await conn.reply();
    // A server that shuts down closes the connection instead of answering: not an error.
    if (!reply) return args[0]!.toLowerCase() === 'shutdown' ? 'closed' : 'lost';
    if (reply.type !== 'error' && args[0]!.toLowerCase() === 'select' && args[1] !== undefined) db = Number(args[1]) || 0;
    if (!interactive && o.errCode && reply.type === 'error') {
      await sys.write(2, `${reply.value}\n`);
      return 'error';
    }
    await out(verbatim(args) ? formatRaw(reply) : o.raw ? formatRaw(reply) + '\n' : formatTty(reply));
    return reply.type === 'error' ? 'error' : 'ok';
  };

  // One command from the command line.
  if (o.args.length > 0) {
    const args = [...o.args];
    if (o.stdinArg) args.push(bin(await readAll(sys, 0)));
    const conn = await connect();
    if (!conn) return 1;
    for (let n = 0; o.repeat <= 0 || n < o.repeat; n++) {
      const r = await issue(conn, args, false);
      if (r === 'lost') {
        await sys.write(2, 'Error: Server closed the connection\n');
        return 1;
      }
      if (r === 'error' && o.errCode) return 1;
      if (o.intervalMs > 0) await sys.sleep(o.intervalMs);
    }
    conn.close();
    return 0;
  }

  // The REPL: a line editor on a terminal, plain lines from a pipe.
  const interactive = sys.isatty(0);
  let conn = await connect();
  const editor = interactive ? new LineEditor(sys, 0, [], {}) : undefined;
  let pending = '';
  const readLine = async (): Promise<string | null> => {
    const prompt = `${conn ? `${o.host}:${o.port}` : 'not connected'}${conn && db !== 0 ? `[${db}]` : ''}> `;
    if (editor) {
      const line = await editor.readLine({ text: prompt, visible: prompt.length });
      if (line === null || line === '') return null;
      return line.replace(/\n$/, '');
    }
    for (;;) {
      const nl = pending.indexOf('\n');
      if (nl >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        return line;
      }
      const data = await sys.read(0, 4096);
      if (data.length === 0) {
        if (pending === '') return null;
        const line = pending;
        pending = '';
        return line;
      }
      pending += bin(data);
    }
  };

  for (;;) {
    const line = await readLine();
    if (line === null) break;
    if (line.trim() === '') continue;
    const args = splitArgs(editor ? binUtf8(line) : line);
    if (args === null) {
      await out('Invalid argument(s)\n');
      continue;
    }
    if (args.length === 0) continue;
    if (editor) editor.history.push(line);
    const name = args[0]!.toLowerCase();
    if (name === 'quit' || name === 'exit') break;
    if (name === 'help' || name === '?') {
      await out(HELP);
      continue;
    }
    if (name === 'clear') {
      await out('\x1b[H\x1b[2J');
      continue;
    }
    let times = 1;
    if (args.length > 1 && /^\d+$/.test(args[0]!)) {
      times = Number(args.shift());
    }
    if (!conn) conn = await connect();
    if (!conn) continue;
    for (let n = 0; n < times && conn; n++) {
      let r = await issue(conn, args, true);
      if (r === 'lost') {
        conn.close();
        conn = await connect(true);
        r = conn ? await issue(conn, args, true) : 'lost';
        if (r === 'lost') {
          if (args[0]!.toLowerCase() !== 'shutdown') await sys.write(2, `Could not connect to Redis at ${o.host}:${o.port}: Connection refused\n`);
          conn?.close();
          conn = null;
        }
      } else if (r === 'closed') {
        conn.close();
        conn = null;
      }
    }
  }
  conn?.close();
  return 0;
};
