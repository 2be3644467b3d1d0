/**
 * Saving and loading dump.rdb, with the log lines Redis prints.
 *
 * A save writes "temp-<pid>.rdb" in the working directory (the `dir`
 * config) and renames it over the dump file, so a reader never sees half a
 * snapshot. BGSAVE does the same in a forked child, from a copy of the
 * keyspace taken at fork time.
 */
import { FsError, strerror } from '../../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../../kernel/sys.ts';
import { readFile } from '../../lib/io.ts';
import type { Logger } from './log.ts';
import { decodeRdb, encodeRdb, RdbError, type RdbAux } from './rdb.ts';
import type { Keyspace } from './store.ts';

const reason = (err: unknown): string => {
  if (isProcessControl(err)) throw err;
  return err instanceof FsError ? strerror(err.code) : String(err);
};

/** rdbSave: writes the snapshot; logs "DB saved on disk" or why it could not. */
export async function rdbSave(sys: Sys, log: Logger, ks: Keyspace, filename: string, aux: RdbAux, role: 'C' | 'M' = 'M'): Promise<boolean> {
  const tmp = `temp-${sys.pid}.rdb`;
  let fd: number;
  try {
    fd = sys.open(tmp, 'w', 0o666);
  } catch (err) {
    await log.log('warning', `Failed opening the temp RDB file ${tmp} (in server root dir ${sys.getcwd()}) for saving: ${reason(err)}`, sys, role);
    return false;
  }
  try {
    await sys.write(fd, encodeRdb(ks, aux));
  } catch (err) {
    const text = reason(err);
    sys.close(fd);
    await log.log('warning', `Write error saving DB on disk: ${text}`, sys, role);
    try {
      sys.unlink(tmp);
    } catch (e) {
      reason(e);
    }
    return false;
  }
  sys.close(fd);
  try {
    sys.rename(tmp, filename);
  } catch (err) {
    await log.log('warning', `Error moving temp DB file ${tmp} on the final destination ${filename} (in server root dir ${sys.getcwd()}): ${reason(err)}`, sys, role);
    try {
      sys.unlink(tmp);
    } catch (e) {
      reason(e);
    }
    return false;
  }
  await log.log('notice', 'DB saved on disk', sys, role);
  return true;
}

export type LoadResult = 'ok' | 'missing' | 'failed';

/**
 * rdbLoad: loads `filename` into `ks`, logging what Redis logs about it
 * (the producing version, age, memory, keys). 'missing' when there is no
 * file, which is not an error.
 */
export async function rdbLoad(sys: Sys, log: Logger, ks: Keyspace, filename: string): Promise<LoadResult> {
  let data: Uint8Array;
  try {
    data = await readFile(sys, filename);
  } catch (err) {
    if (err instanceof FsError && err.code === 'ENOENT') return 'missing';
    await log.log('warning', `Fatal error: can't open the RDB file ${filename} for reading: ${reason(err)}`);
    return 'failed';
  }
  return (await loadRdbBytes(sys, log, ks, data)) ? 'ok' : 'failed';
}

/** Decodes an RDB image (dump.rdb or an AOF base file) into `ks`, with the log lines. */
export async function loadRdbBytes(sys: Sys, log: Logger, ks: Keyspace, data: Uint8Array): Promise<boolean> {
  const lines: string[] = [];
  try {
    const result = decodeRdb(data, ks, (key, value) => {
      if (key === 'redis-ver') lines.push(`Loading RDB produced by version ${value}`);
      else if (key === 'ctime') lines.push(`RDB age ${Math.max(0, Math.floor(sys.now() / 1000) - Number(value))} seconds`);
      else if (key === 'used-mem') lines.push(`RDB memory usage when created ${(Number(value) / (1024 * 1024)).toFixed(2)} Mb`);
    });
    for (const l of lines) await log.log('notice', l);
    await log.log('notice', `Done loading RDB, keys loaded: ${result.loaded}, keys expired: ${result.expired}.`);
    return true;
  } catch (err) {
    if (!(err instanceof RdbError)) throw err;
    for (const l of lines) await log.log('notice', l);
    await log.log('warning', `Internal error in RDB reading offset 0, function at rdb.c:0 -> ${err.message}`);
    return false;
  }
}

export interface BgSave {
  pid: number;
  startedMs: number;
  /** The dirty count when the child was forked: what a successful save clears. */
  dirtyAtFork: number;
}

/**
 * BGSAVE: forks a child that writes a copy of the keyspace as it is now.
 * The parent then logs "Background saving started by pid N" and keeps
 * serving; its cron reaps the child (see `reapBgSave`).
 */
export function bgSave(sys: Sys, log: Logger, ks: Keyspace, filename: string, aux: RdbAux): BgSave {
  const copy = ks.snapshot();
  const startedMs = sys.now();
  const pid = sys.fork(
    async (child) => {
      // The parent's handlers act on the parent's state: a saving child keeps the defaults.
      for (const sig of [1, 2, 3, 15]) child.signal(sig, 'default');
      const ok = await rdbSave(child, log, copy, filename, aux, 'C');
      if (ok) await log.log('notice', 'Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB', child, 'C');
      return ok ? 0 : 1;
    },
    { comm: 'redis-rdb-bgsave' },
  );
  return { pid, startedMs, dirtyAtFork: ks.dirty };
}

/** Checks on a background save: null while it runs, else whether it succeeded (logged). */
export async function reapBgSave(sys: Sys, log: Logger, job: BgSave): Promise<boolean | null> {
  let st;
  try {
    st = await sys.waitpid(job.pid, { nohang: true });
  } catch (err) {
    reason(err);
    return false;
  }
  if (!st) return null;
  if (st.kind === 'exited' && st.code === 0) {
    await log.log('notice', 'Background saving terminated with success');
    return true;
  }
  if (st.kind === 'signaled') await log.log('warning', `Background saving terminated by signal ${st.signal}`);
  else await log.log('warning', 'Background saving error');
  return false;
}
