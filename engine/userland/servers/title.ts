/**
 * Servers rename their processes (setproctitle): ps and `docker top` show
 * "nginx: master process nginx -g daemon off;", "nginx: worker process",
 * "redis-server *:6379". Berth's kernel has no setproctitle, so a process
 * that wants a title
 * execs its own binary with the title as argv and picks up where it left
 * off: the state waits here, keyed by pid and checked against a descriptor
 * the process holds (its inode), so no other process can take it.
 */
import { isProcessControl, type Program, type Sys } from '../../kernel/sys.ts';

interface Waiting {
  fd: number;
  ino: number;
  run: Program;
}

const waiting = new Map<number, Waiting[]>();

/**
 * Continues `run` in this process under `title`. `marker` is a descriptor
 * of this process that survives the exec (a pipe of its own). If the exec
 * cannot be done, `run` simply goes on without the title.
 */
export async function retitle(sys: Sys, title: string, marker: number, run: Program): Promise<number> {
  let exe: string;
  try {
    exe = sys.readlink('/proc/self/exe');
  } catch (err) {
    if (isProcessControl(err)) throw err;
    return run(sys);
  }
  const entry: Waiting = { fd: marker, ino: sys.fstat(marker).ino, run };
  waiting.set(sys.pid, [...(waiting.get(sys.pid) ?? []), entry]);
  try {
    return await sys.exec(exe, [title], [...sys.env]);
  } catch (err) {
    if (isProcessControl(err)) throw err;
    forget(sys.pid, entry);
    return run(sys);
  }
}

/** After the exec: the state this process left for itself, if any. */
export function resume(sys: Sys): Program | undefined {
  for (const entry of waiting.get(sys.pid) ?? []) {
    let ino: number;
    try {
      ino = sys.fstat(entry.fd).ino;
    } catch (err) {
      if (isProcessControl(err)) throw err;
      continue;
    }
    if (ino !== entry.ino) continue;
    forget(sys.pid, entry);
    return entry.run;
  }
  return undefined;
}

function forget(pid: number, entry: Waiting): void {
  const rest = (waiting.get(pid) ?? []).filter((e) => e !== entry);
  if (rest.length > 0) waiting.set(pid, rest);
  else waiting.delete(pid);
}
