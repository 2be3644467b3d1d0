/**
 * The append-only file, as Redis 7 keeps it (`--appendonly yes`): a
 * directory (appendonlydir) of
 *
 *     appendonly.aof.1.base.rdb     the dataset when the AOF began or was last rewritten (RDB format)
 *     appendonly.aof.1.incr.aof     every write since, as RESP commands
 *     appendonly.aof.manifest       which files make up the AOF, in order
 *
 * On start the base is loaded, then each incr file is replayed. BGREWRITEAOF
 * forks a child that writes a new base while writes go to a new incr file;
 * when the child is done the manifest switches over and the old files go.
 */
import { FsError, strerror } from '../../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../../kernel/sys.ts';
import { readFile, writeFile } from '../../lib/io.ts';
import type { Logger } from './log.ts';
import { loadRdbBytes } from './persistence.ts';
import { encodeRdb, type RdbAux } from './rdb.ts';
import { bin, bytesOf, command, parseRequests, ProtocolError } from './resp.ts';
import type { Keyspace } from './store.ts';

interface AofFile {
  name: string;
  seq: number;
}

const secs = (ms: number) => (ms / 1000).toFixed(3);

export class Aof {
  base: AofFile | undefined;
  incr: AofFile[] = [];
  private fd = -1;
  private selectedDb = -1;
  private buffer = '';
  rewrite: { pid: number; tmp: string; base: AofFile } | undefined;

  constructor(
    private readonly sys: Sys,
    private readonly log: Logger,
    readonly dirname: string,
    readonly filename: string,
  ) {}

  private path(name: string): string {
    return `${this.dirname}/${name}`;
  }

  private manifestText(): string {
    let text = '';
    if (this.base) text += `file ${this.base.name} seq ${this.base.seq} type b\n`;
    for (const f of this.incr) text += `file ${f.name} seq ${f.seq} type i\n`;
    return text;
  }

  /** Reads appendonlydir/<filename>.manifest; false when there is none. */
  async readManifest(): Promise<boolean> {
    let text: string;
    try {
      text = bin(await readFile(this.sys, this.path(`${this.filename}.manifest`)));
    } catch (err) {
      if (isProcessControl(err)) throw err;
      return false;
    }
    for (const line of text.split('\n')) {
      const m = /^file (\S+) seq (\d+) type ([bhi])$/.exec(line.trim());
      if (!m) continue;
      const f = { name: m[1]!, seq: Number(m[2]) };
      if (m[3] === 'b') this.base = f;
      else if (m[3] === 'i') this.incr.push(f);
    }
    return true;
  }

  /** loadAppendOnlyFiles: the base, then every incr file through `replay`. */
  async load(ks: Keyspace, replay: (args: string[]) => Promise<void>): Promise<'missing' | 'ok' | 'failed'> {
    if (!this.base && this.incr.length === 0) return 'missing';
    const start = this.sys.now();
    if (this.base) {
      const t = this.sys.now();
      await this.log.log('notice', 'Reading RDB base file on AOF loading...');
      let data: Uint8Array;
      try {
        data = await readFile(this.sys, this.path(this.base.name));
      } catch (err) {
        return this.openFailed(this.base.name, err);
      }
      if (!(await loadRdbBytes(this.sys, this.log, ks, data))) {
        await this.log.log('warning', `Error reading the RDB base file ${this.base.name}, AOF loading aborted`);
        return 'failed';
      }
      await this.log.log('notice', `DB loaded from base file ${this.base.name}: ${secs(this.sys.now() - t)} seconds`);
    }
    for (const f of this.incr) {
      const t = this.sys.now();
      let text: string;
      try {
        text = bin(await readFile(this.sys, this.path(f.name)));
      } catch (err) {
        return this.openFailed(f.name, err);
      }
      let requests: string[][];
      try {
        const parsed = parseRequests(text);
        requests = parsed.requests;
        if (parsed.rest !== '') throw new ProtocolError('truncated');
      } catch (err) {
        if (!(err instanceof ProtocolError)) throw err;
        await this.log.log('warning', `Bad file format reading the append only file ${f.name}: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>`);
        return 'failed';
      }
      for (const args of requests) await replay(args);
      await this.log.log('notice', `DB loaded from incr file ${f.name}: ${secs(this.sys.now() - t)} seconds`);
    }
    await this.log.log('notice', `DB loaded from append only file: ${secs(this.sys.now() - start)} seconds`);
    return 'ok';
  }

  private async openFailed(name: string, err: unknown): Promise<'failed'> {
    if (isProcessControl(err)) throw err;
    const text = err instanceof FsError ? strerror(err.code) : String(err);
    await this.log.log('warning', `Fatal error: can't open the append log file ${name} for reading: ${text}`);
    return 'failed';
  }

  private async persistManifest(): Promise<void> {
    const tmp = this.path(`temp-${this.filename}.manifest`);
    await writeFile(this.sys, tmp, this.manifestText(), 0o644);
    this.sys.rename(tmp, this.path(`${this.filename}.manifest`));
  }

  private openIncr(name: string): void {
    if (this.fd >= 0) this.sys.close(this.fd);
    this.fd = this.sys.open(this.path(name), { read: false, write: true, create: true, append: true }, 0o644);
    this.selectedDb = -1;
  }

  /** aofOpenIfNeededOnServerStart: an empty AOF gets a base file first; then the last incr file is opened for appending. */
  async openOnStart(ks: Keyspace, aux: RdbAux): Promise<boolean> {
    try {
      this.sys.mkdir(this.dirname, 0o755);
    } catch (err) {
      if (isProcessControl(err)) throw err;
      if (!(err instanceof FsError && err.code === 'EEXIST')) {
        await this.log.log('warning', `Can't open or create append-only dir ${this.dirname}: ${err instanceof FsError ? strerror(err.code) : String(err)}`);
        return false;
      }
    }
    const fresh = this.incr.length === 0;
    try {
      if (!this.base && fresh) {
        this.base = { name: `${this.filename}.1.base.rdb`, seq: 1 };
        await writeFile(this.sys, this.path(this.base.name), encodeRdb(ks, { ...aux, aofBase: 1 }), 0o644);
        await this.log.log('notice', `Creating AOF base file ${this.base.name} on server start`);
      }
      if (fresh) this.incr.push({ name: `${this.filename}.${this.base?.seq ?? 1}.incr.aof`, seq: this.base?.seq ?? 1 });
      this.openIncr(this.incr[this.incr.length - 1]!.name);
      await this.persistManifest();
    } catch (err) {
      if (isProcessControl(err)) throw err;
      await this.log.log('warning', `Can't open the append-only file ${this.incr[this.incr.length - 1]?.name ?? ''}: ${err instanceof FsError ? strerror(err.code) : String(err)}`);
      return false;
    }
    await this.log.log('notice', `${fresh ? 'Creating' : 'Opening'} AOF incr file ${this.incr[this.incr.length - 1]!.name} on server start`);
    return true;
  }

  /** feedAppendOnlyFile: a SELECT when the database changes, then the command. */
  feed(db: number, args: string[]): void {
    if (this.fd < 0) return;
    if (db !== this.selectedDb) {
      this.buffer += command(['SELECT', String(db)]);
      this.selectedDb = db;
    }
    this.buffer += command(args);
  }

  /** Writes what was fed since the last flush (the event loop calls it before sleeping, as beforeSleep does). */
  async flush(): Promise<void> {
    if (this.buffer === '' || this.fd < 0) return;
    const data = bytesOf(this.buffer);
    this.buffer = '';
    await this.sys.write(this.fd, data);
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.fd >= 0) this.sys.close(this.fd);
    this.fd = -1;
  }

  /** BGREWRITEAOF: a new incr file takes the writes at once; a child writes the new base. */
  async startRewrite(ks: Keyspace, aux: RdbAux): Promise<number> {
    await this.flush();
    const seq = Math.max(this.base?.seq ?? 0, ...this.incr.map((f) => f.seq)) + 1;
    const incr = { name: `${this.filename}.${seq}.incr.aof`, seq };
    this.incr.push(incr);
    this.openIncr(incr.name);
    await this.persistManifest();
    const copy = ks.snapshot();
    const log = this.log;
    const pid = this.sys.fork(
      async (child) => {
        for (const sig of [1, 2, 3, 15]) child.signal(sig, 'default');
        const tmp = `temp-rewriteaof-bg-${child.pid}.aof`;
        await writeFile(child, `${this.dirname}/${tmp}`, encodeRdb(copy, { ...aux, aofBase: 1 }), 0o644);
        await log.log('notice', `Successfully created the temporary AOF base file ${tmp}`, child, 'C');
        await log.log('notice', 'Fork CoW for AOF rewrite: current 0 MB, peak 0 MB, average 0 MB', child, 'C');
        return 0;
      },
      { comm: 'redis-aof-rewrite' },
    );
    this.rewrite = { pid, tmp: `temp-rewriteaof-bg-${pid}.aof`, base: { name: `${this.filename}.${seq}.base.rdb`, seq } };
    await this.log.log('notice', `Background append only file rewriting started by pid ${pid}`);
    await this.log.log('notice', `Creating AOF incr file ${incr.name} on background rewrite`);
    return pid;
  }

  /** Called by the cron: when the rewrite child has exited, switch the manifest over to the new base. */
  async finishRewrite(): Promise<void> {
    const job = this.rewrite;
    if (!job) return;
    const st = await this.sys.waitpid(job.pid, { nohang: true });
    if (!st) return;
    this.rewrite = undefined;
    if (!(st.kind === 'exited' && st.code === 0)) {
      await this.log.log('warning', 'Background AOF rewrite terminated with error');
      return;
    }
    await this.log.log('notice', 'Background AOF rewrite terminated with success');
    this.sys.rename(this.path(job.tmp), this.path(job.base.name));
    await this.log.log('notice', `Successfully renamed the temporary AOF base file ${job.tmp} into ${job.base.name}`);
    const history = [...(this.base ? [this.base] : []), ...this.incr.filter((f) => f.seq < job.base.seq)];
    this.base = job.base;
    this.incr = this.incr.filter((f) => f.seq >= job.base.seq);
    await this.persistManifest();
    for (const f of history.reverse()) {
      await this.log.log('notice', `Removing the history file ${f.name} in the background`);
      try {
        this.sys.unlink(this.path(f.name));
      } catch (err) {
        if (isProcessControl(err)) throw err;
      }
    }
    await this.log.log('notice', 'Background AOF rewrite finished successfully');
  }
}
