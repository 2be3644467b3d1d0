/**
 * hostname [-sidf] [HOSTNAME | -F FILE]: show or (as root) set the host
 * name of this UTS namespace — a container has its own. -f, -d and -i look
 * the name up as musl's gethostbyname does (/etc/hosts, then DNS). Also
 * `dnsdomainname`, which is hostname -d.
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { FsError, strerror } from '../../fs/errno.ts';
import type { Sys } from '../../kernel/sys.ts';
import { applet, fail } from '../lib/applet.ts';
import { parseOptions } from '../lib/system-getopt.ts';
import { readFile } from '../lib/io.ts';
import { resolveHost } from '../lib/resolv.ts';

/** gethostbyname(name): /etc/hosts, then DNS (IPv4): the canonical name and the addresses. */
async function lookupHost(sys: Sys, name: string): Promise<{ canon: string; addresses: string[] } | undefined> {
  const r = await resolveHost(sys, name);
  return r.ok ? { canon: r.canonical, addresses: r.addresses } : undefined;
}

function setHostname(sys: Sys, name: string): void {
  try {
    sys.sethostname(name);
  } catch (err) {
    if (err instanceof FsError) fail(`sethostname: ${strerror(err.code)}`);
    throw err;
  }
}

export default applet(
  'Usage: hostname [-sidf] [HOSTNAME | -F FILE]\n\nShow or set hostname or DNS domain name\n\n\t-s\tShort\n\t-i\tAddresses for the hostname\n\t-d\tDNS domain name\n\t-f\tFully qualified domain name\n\t-F FILE\tUse FILE\'s content as hostname',
  async (ctx) => {
    const { sys, out } = ctx;
    const o = await parseOptions(ctx, 'dfisF:v', { domain: ['d', 0], fqdn: ['f', 0], file: ['F', 1] });
    const dns = ctx.name.startsWith('d');
    const want = { d: dns || o.has('d'), f: !dns && o.has('f'), i: !dns && o.has('i'), s: !dns && o.has('s') };
    const buf = sys.uname().nodename;
    if (want.d || want.f || want.i) {
      const host = (await lookupHost(sys, buf)) ?? fail(`${buf}: Host not found`);
      const dot = host!.canon.indexOf('.');
      if (want.f) await out.write(host!.canon + '\n');
      else if (want.s) await out.write((dot < 0 ? host!.canon : host!.canon.slice(0, dot)) + '\n');
      else if (want.d) {
        if (dot >= 0) await out.write(host!.canon.slice(dot + 1) + '\n');
      } else await out.write(host!.addresses.join(' ') + '\n');
    } else if (want.s) {
      await out.write(buf.split('.')[0] + '\n');
    } else if (!dns && o.has('F')) {
      const file = o.value('F')!;
      let text: string;
      try {
        text = fromUtf8(await readFile(sys, file));
      } catch (err) {
        if (err instanceof FsError) fail(`can't open '${file}': ${strerror(err.code)}`);
        throw err;
      }
      for (const line of text.split('\n')) {
        const token = line.replace(/#.*/, '').trim().split(/[ \t]+/)[0];
        if (token) setHostname(sys, token);
      }
    } else if (!dns && o.operands[0] !== undefined) {
      setHostname(sys, o.operands[0]);
    } else {
      await out.write(buf + '\n');
    }
    return 0;
  },
);
