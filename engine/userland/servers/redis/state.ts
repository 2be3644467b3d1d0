/**
 * One redis-server's state and the work that is not about a single
 * command: persistence (SAVE, BGSAVE, the `save` rules, the AOF), the
 * cron (active expiry, reaping the saving child), shutdown and INFO.
 */
import { isProcessControl, type Sys } from '../../../kernel/sys.ts';
import { Aof } from './aof.ts';
import type { Client, RedisServer } from './commands.ts';
import { checkValue, CONFIG_DEFAULTS, parseMemory, saveRules } from './config.ts';
import { infoText } from './info.ts';
import type { Logger } from './log.ts';
import { bgSave, rdbSave, reapBgSave, type BgSave } from './persistence.ts';
import type { RdbAux } from './rdb.ts';
import { error, status } from './resp.ts';
import type { Keyspace } from './store.ts';

/** used_memory of an empty server (Redis 7.4 on 64-bit Linux reports about this much). */
const BASE_MEMORY = 902_456;

/** How long a failed background save waits before the save rules try again (CONFIG_BGSAVE_RETRY_DELAY). */
const BGSAVE_RETRY_MS = 5000;

export class RedisState implements RedisServer {
  readonly startMs: number;
  readonly runId: string;
  lastSaveMs: number;
  lastBgsaveTryMs = 0;
  lastBgsaveOk = true;
  rdbSaves = 0;
  bgJob: BgSave | undefined;
  aof: Aof | undefined;
  loading = false;
  shutdownAsap = false;
  lastSignal = 0;
  peakMemory = 0;
  connected = new Map<number, Client>();
  loaded = { loaded: 0, expired: 0 };
  stats = { connections: 0, commands: 0, netIn: 0, netOut: 0, forks: 0, errors: new Map<string, number>() };
  configFile = '';
  executable = '';
  /** Called once listening sockets must be closed (shutdown). */
  closeListeners: () => void = () => undefined;

  constructor(
    readonly sys: Sys,
    readonly log: Logger,
    readonly ks: Keyspace,
    readonly config: Map<string, string>,
  ) {
    this.startMs = sys.now();
    this.lastSaveMs = this.startMs;
    this.runId = Array.from({ length: 40 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');
  }

  now(): number {
    return this.sys.now();
  }

  get(name: string): string {
    return this.config.get(name) ?? CONFIG_DEFAULTS[name] ?? '';
  }

  usedMemory(): number {
    let bytes = 0;
    for (const d of this.ks.dbs) {
      for (const [k, v] of d.keys) {
        bytes += 56 + k.length;
        if (v.type === 'string') bytes += v.value.length + 16;
        else if (v.type === 'list') bytes += v.value.reduce((n, e) => n + e.length + 11, 24);
        else if (v.type === 'set') bytes += [...v.value].reduce((n, e) => n + e.length + 11, 24);
        else bytes += [...v.value].reduce((n, [f, e]) => n + f.length + e.length + 22, 24);
      }
    }
    const used = BASE_MEMORY + bytes + this.connected.size * 20_000;
    this.peakMemory = Math.max(this.peakMemory, used);
    return used;
  }

  private aux(): RdbAux {
    return { ctimeSec: Math.floor(this.now() / 1000), usedMem: this.usedMemory() };
  }

  changed(db: number, args: string[], count = 1): void {
    if (this.loading) return;
    this.ks.dirty += count;
    this.aof?.feed(db, args);
  }

  async save(): Promise<boolean> {
    if (this.bgJob) {
      await this.log.log('warning', 'Background save already in progress');
      return false;
    }
    const ok = await rdbSave(this.sys, this.log, this.ks, this.get('dbfilename'), this.aux());
    if (ok) {
      this.ks.dirty = 0;
      this.lastSaveMs = this.now();
      this.rdbSaves++;
    }
    return ok;
  }

  bgsave(schedule: boolean): string {
    if (this.bgJob) return error('ERR Background save already in progress');
    if (this.aof?.rewrite) return schedule ? status('Background saving scheduled') : error("ERR Background append only file rewriting in progress, use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");
    void this.startBgsave();
    return status('Background saving started');
  }

  private async startBgsave(): Promise<void> {
    this.lastBgsaveTryMs = this.now();
    this.stats.forks++;
    this.bgJob = bgSave(this.sys, this.log, this.ks, this.get('dbfilename'), this.aux());
    await this.log.log('notice', `Background saving started by pid ${this.bgJob.pid}`);
  }

  async bgrewriteaof(): Promise<string> {
    if (this.aof?.rewrite) return error('ERR Background append only file rewriting already in progress');
    if (this.bgJob) return status('Background append only file rewriting scheduled');
    const aof = this.aof ?? new Aof(this.sys, this.log, this.get('appenddirname'), this.get('appendfilename'));
    if (!this.aof) {
      await aof.readManifest();
      this.aof = aof;
      if (!(await aof.openOnStart(this.ks, this.aux()))) return error('ERR Background append only file rewriting failed');
    }
    this.stats.forks++;
    await aof.startRewrite(this.ks, this.aux());
    return status('Background append only file rewriting started');
  }

  lastSaveSec(): number {
    return Math.floor(this.lastSaveMs / 1000);
  }

  /** Bytes of the dataset already accounted to the process's memory (its cgroup sees them). */
  private charged = 0;

  /** serverCron, hz times a second: expiry, the save rules, children, a requested shutdown. */
  async cron(): Promise<void> {
    this.ks.activeExpire();
    // The dataset lives in the process's memory: `docker stats` shows it, and -m limits it (the OOM killer).
    const dataset = this.usedMemory() - BASE_MEMORY;
    if (dataset !== this.charged) {
      this.sys.memory(dataset - this.charged);
      this.charged = dataset;
    }
    if (this.shutdownAsap) {
      this.shutdownAsap = false;
      const reply = await this.shutdown({});
      // Could not shut down (a failed save): keep serving, as Redis does.
      if (reply) await this.log.log('warning', 'SIGTERM received but errors trying to shut down the server, check the logs for more information');
      return;
    }
    if (this.bgJob) {
      const done = await reapBgSave(this.sys, this.log, this.bgJob);
      if (done !== null) {
        if (done) {
          this.ks.dirty = Math.max(0, this.ks.dirty - this.bgJob.dirtyAtFork);
          this.lastSaveMs = this.bgJob.startedMs;
          this.rdbSaves++;
        }
        this.lastBgsaveOk = done;
        this.bgJob = undefined;
      }
      return;
    }
    if (this.aof?.rewrite) {
      await this.aof.finishRewrite();
      return;
    }
    const now = this.now();
    for (const [seconds, changes] of saveRules(this.get('save'))) {
      if (this.ks.dirty < changes || now - this.lastSaveMs <= seconds * 1000) continue;
      if (!this.lastBgsaveOk && now - this.lastBgsaveTryMs <= BGSAVE_RETRY_MS) continue;
      await this.log.log('notice', `${changes} changes in ${seconds} seconds. Saving...`);
      await this.startBgsave();
      break;
    }
  }

  /** prepareForShutdown + finishShutdown. Exits the process; returns an error reply when it cannot. */
  async shutdown(flags: { save?: boolean; nosave?: boolean; force?: boolean; abort?: boolean }): Promise<string> {
    if (flags.abort) return error('ERR No shutdown in progress.');
    await this.log.log('notice', 'User requested shutdown...');
    if (this.bgJob) {
      await this.log.log('warning', 'There is a child saving an .rdb. Killing it!');
      try {
        this.sys.kill(this.bgJob.pid, 9);
        await this.sys.waitpid(this.bgJob.pid);
        this.sys.unlink(`temp-${this.bgJob.pid}.rdb`);
      } catch (err) {
        if (isProcessControl(err)) throw err;
      }
      this.bgJob = undefined;
    }
    if (this.aof) {
      await this.log.log('notice', 'Calling fsync() on the AOF file.');
      await this.aof.close();
    }
    if ((saveRules(this.get('save')).length > 0 && !flags.nosave) || flags.save) {
      await this.log.log('notice', 'Saving the final RDB snapshot before exiting.');
      if (!(await rdbSave(this.sys, this.log, this.ks, this.get('dbfilename'), this.aux()))) {
        if (flags.force) await this.log.log('warning', 'Error trying to save the DB. Exit anyway.');
        else {
          await this.log.log('warning', "Error trying to save the DB, can't exit.");
          await this.log.log('warning', 'Errors trying to shut down the server. Check the logs for more information.');
          return error('ERR Errors trying to SHUTDOWN. Check logs.');
        }
      }
    }
    if (this.get('pidfile') !== '') {
      await this.log.log('notice', 'Removing the pid file.');
      try {
        this.sys.unlink(this.get('pidfile'));
      } catch (err) {
        if (isProcessControl(err)) throw err;
      }
    }
    this.closeListeners();
    await this.log.log('warning', 'Redis is now ready to exit, bye bye...');
    return this.sys.exit(0);
  }

  clients(): Client[] {
    return [...this.connected.values()];
  }

  info(sections: string[]): string {
    const u = this.sys.uname();
    return infoText(sections, {
      pid: this.sys.pid,
      port: Number(this.get('port')),
      runId: this.runId,
      startMs: this.startMs,
      nowMs: this.now(),
      os: `${u.sysname} ${u.release} ${u.machine}`,
      executable: this.executable,
      configFile: this.configFile,
      hz: Number(this.get('hz')),
      clients: this.connected.size,
      usedMemory: this.usedMemory(),
      peakMemory: this.peakMemory,
      maxmemory: parseMemory(this.get('maxmemory')) ?? 0,
      maxmemoryPolicy: this.get('maxmemory-policy'),
      ks: this.ks,
      lastSaveSec: this.lastSaveSec(),
      bgsaveInProgress: this.bgJob !== undefined,
      lastBgsaveOk: this.lastBgsaveOk,
      rdbSaves: this.rdbSaves,
      loaded: this.loaded,
      aofEnabled: this.aof !== undefined && this.get('appendonly') === 'yes',
      aofRewriteInProgress: this.aof?.rewrite !== undefined,
      connectionsReceived: this.stats.connections,
      commandsProcessed: this.stats.commands,
      netInput: this.stats.netIn,
      netOutput: this.stats.netOut,
      totalForks: this.stats.forks,
      cpuSeconds: (this.now() - this.startMs) / 200_000,
      errorReplies: this.stats.errors,
    });
  }

  async applyConfig(name: string, value: string): Promise<string | undefined> {
    const problem = checkValue(name, value);
    if (problem) return problem;
    if (name === 'dir') {
      try {
        this.sys.chdir(value);
      } catch (err) {
        if (isProcessControl(err)) throw err;
        return 'No such file or directory';
      }
      this.config.set('dir', this.sys.getcwd());
      return undefined;
    }
    if (name === 'appendonly') {
      const on = value.toLowerCase() === 'yes';
      if (on && !this.aof) {
        const aof = new Aof(this.sys, this.log, this.get('appenddirname'), this.get('appendfilename'));
        await aof.readManifest();
        this.aof = aof;
        if (!(await aof.openOnStart(this.ks, this.aux()))) return "Unable to turn on AOF. Check server logs.";
      } else if (!on && this.aof) {
        await this.aof.close();
        this.aof = undefined;
      }
    }
    if (name === 'loglevel') this.log.verbosity = value.toLowerCase() as Logger['verbosity'];
    this.config.set(name, value);
    return undefined;
  }
}
