/**
 * What a program needs to know about the network it runs on before it
 * talks to the outside world (a package mirror, a registry, a web site):
 * whether the name resolves (through /etc/hosts and the namespace's DNS) and
 * whether a connection to it can be made from the process's own network
 * namespace. A container started with `--network none` has only lo, so the
 * answer there is 'dns', as it is for apk and apt on Docker.
 */
import { FsError } from '../../fs/errno.ts';
import { isProcessControl, type Sys } from '../../kernel/sys.ts';
import { resolveHost } from './resolv.ts';

/** Whether `host` can be reached on `port` from the process: 'dns' when the name does not resolve, 'unreachable' when no connection can be made. */
export async function reachable(sys: Sys, host: string, port = 443): Promise<'ok' | 'dns' | 'unreachable'> {
  const r = await resolveHost(sys, host);
  if (!r.ok) return 'dns';
  const fd = sys.socket('inet', 'stream');
  try {
    await sys.connect(fd, { family: 'inet', address: r.addresses[0]!, port });
    return 'ok';
  } catch (err) {
    if (isProcessControl(err) || !(err instanceof FsError)) throw err;
    return 'unreachable';
  } finally {
    sys.close(fd);
  }
}
