/**
 * What a program needs to know about the network it runs on before it
 * talks to the outside world (a package mirror, a registry, a web site).
 *
 * PROVISIONAL: the kernel's network namespaces do not yet have interfaces
 * and routes; until they do, every process is treated as on a network with
 * a route out and a working resolver. The kernel-sockets work replaces this
 * body with a lookup in the process's own namespace (so `--network none`
 * fails the way it does on Docker).
 */
import type { Sys } from '../../kernel/sys.ts';

/** Whether `host` can be reached from the process: 'dns' when the name does not resolve, 'unreachable' with no route. */
export async function reachable(sys: Sys, host: string): Promise<'ok' | 'dns' | 'unreachable'> {
  void sys;
  void host;
  return 'ok';
}
