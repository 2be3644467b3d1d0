/**
 * dpkg and dpkg-query, the querying half (dpkg 1.21 / 1.22): -l, -L, -s,
 * -S, -W with --showformat, --print-architecture, --get-selections. Read
 * from /var/lib/dpkg/status and info/*.list; installing and removing go
 * through apt-get (dpkgrun.ts).
 */
import { isProcessControl, type Program } from '../../../kernel/sys.ts';
import { stdio } from '../../lib/io.ts';
import { dpkgName } from './index.ts';
import { isInstalled, readList, readStatus, type StatusEntry } from './state.ts';

const ABBREV: Record<string, string> = { install: 'i', deinstall: 'r', purge: 'p', hold: 'h', unknown: 'u' };
const STATE: Record<string, string> = { installed: 'i', 'config-files': 'c', unpacked: 'U', 'half-configured': 'F', 'half-installed': 'H', 'not-installed': 'n', 'triggers-awaited': 'W', 'triggers-pending': 't' };

const abbrev = (e: StatusEntry) => {
  const [want = 'unknown', , state = 'not-installed'] = e.status.split(' ');
  return `${ABBREV[want] ?? 'u'}${STATE[state] ?? 'n'} `;
};

function glob(pattern: string): RegExp {
  return new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
}

function showFormat(format: string, e: StatusEntry): string {
  const unescaped = format.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  return unescaped.replace(/\$\{([^}:;]+(?::[A-Za-z-]+)?)(?:;(-?\d+))?\}/g, (_, key: string, width?: string) => {
    let v: string;
    switch (key) {
      case 'binary:Package':
        v = dpkgName(e);
        break;
      case 'db:Status-Abbrev':
        v = abbrev(e);
        break;
      case 'db:Status-Status':
        v = e.status.split(' ')[2] ?? '';
        break;
      case 'binary:Summary':
        v = e.description;
        break;
      default: {
        const m = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ?(.*)$`, 'm').exec(e.paragraph);
        v = m?.[1] ?? '';
      }
    }
    if (width) {
      const w = Number(width);
      v = w < 0 ? v.padStart(-w) : v.padEnd(w);
    }
    return v;
  });
}

export const dpkg: Program = async (sys) => {
  const { out, err } = stdio(sys);
  const tool = (sys.argv[0] ?? '').split('/').pop() === 'dpkg-query' ? 'dpkg-query' : 'dpkg';
  const args = sys.argv.slice(1);
  let action: string | undefined;
  let format = '${binary:Package}\t${Version}\n';
  const operands: string[] = [];
  const ACTIONS: Record<string, string> = {
    '-l': 'list', '--list': 'list', '-L': 'listfiles', '--listfiles': 'listfiles', '-s': 'status', '--status': 'status',
    '-S': 'search', '--search': 'search', '-W': 'show', '--show': 'show', '--print-architecture': 'arch', '--get-selections': 'selections',
    '-i': 'install', '--install': 'install', '-r': 'remove', '--remove': 'remove', '-P': 'purge', '--purge': 'purge', '--version': 'version',
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-f') && a.length > 2) format = a.slice(2);
    else if (a === '-f' || a === '--showformat') format = args[++i] ?? format;
    else if (a.startsWith('--showformat=')) format = a.slice('--showformat='.length);
    else if (ACTIONS[a]) action = ACTIONS[a];
    else if (/^-[lLsSW]+$/.test(a) && ACTIONS[`-${a[1]}`]) action = ACTIONS[`-${a[1]}`];
    else if (a.startsWith('-') && a !== '-') {
      await err.write(`${tool}: error: unknown option ${a}\n\nUse --help for help about querying packages.\n`);
      return 2;
    } else operands.push(a);
  }
  try {
    const status = await readStatus(sys);
    const find = (name: string) => status.find((e) => e.name === name || dpkgName(e) === name);
    switch (action) {
      case 'version':
        await out.write(`Debian '${tool}' package management program query tool version 1.21.22 (amd64).\n`);
        break;
      case 'arch':
        await out.write('amd64\n');
        break;
      case 'list': {
        const shown = operands.length ? status.filter((e) => operands.some((p) => glob(p).test(e.name) || glob(p).test(dpkgName(e)))) : status.filter((e) => e.status.split(' ')[2] !== 'not-installed');
        if (shown.length === 0) {
          await out.flush();
          await err.write(`dpkg-query: no packages found matching ${operands.join(' ')}\n`);
          return 1;
        }
        let nw = 14;
        let vw = 12;
        let aw = 12;
        let dw = 33;
        for (const e of shown) {
          nw = Math.max(nw, dpkgName(e).length);
          vw = Math.max(vw, e.version.length);
          aw = Math.max(aw, e.arch.length);
          dw = Math.max(dw, e.description.length);
        }
        await out.write('Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n');
        await out.write(`||/ ${'Name'.padEnd(nw)} ${'Version'.padEnd(vw)} ${'Architecture'.padEnd(aw)} Description\n`);
        await out.write(`+++-${'='.repeat(nw)}-${'='.repeat(vw)}-${'='.repeat(aw)}-${'='.repeat(dw)}\n`);
        for (const e of [...shown].sort((a, b) => (a.name < b.name ? -1 : 1))) {
          await out.write(`${abbrev(e)} ${dpkgName(e).padEnd(nw)} ${e.version.padEnd(vw)} ${e.arch.padEnd(aw)} ${e.description}\n`);
        }
        break;
      }
      case 'listfiles': {
        let code = 0;
        for (const name of operands) {
          const e = find(name);
          const list = e && isInstalled(e) ? await readList(sys, e) : undefined;
          if (!e || !isInstalled(e)) {
            await out.flush();
            await err.write(`dpkg-query: package '${name}' is not installed\nUse dpkg --contents (= dpkg-deb --contents) to list archive files contents.\n`);
            code = 1;
            continue;
          }
          if (!list) {
            await out.write(`Package '${name}' does not contain any files (!)\n`);
            continue;
          }
          for (const p of list) await out.write(p + '\n');
        }
        await out.flush();
        return code;
      }
      case 'status': {
        let code = 0;
        for (const name of operands) {
          const e = find(name);
          if (!e) {
            await out.flush();
            await err.write(`dpkg-query: package '${name}' is not installed and no information is available\nUse dpkg --info (= dpkg-deb --info) to examine archive files.\n`);
            code = 1;
            continue;
          }
          await out.write(e.paragraph + (operands.length > 1 ? '\n' : ''));
        }
        await out.flush();
        return code;
      }
      case 'search': {
        const found: string[] = [];
        for (const e of status) {
          const list = (await readList(sys, e)) ?? [];
          const hits = list.filter((p) => operands.some((o) => (o.includes('*') ? glob(o).test(p) : p.includes(o))));
          for (const h of hits) found.push(`${dpkgName(e)}: ${h}`);
        }
        if (found.length === 0) {
          await out.flush();
          await err.write(`dpkg-query: no path found matching pattern *${operands[0] ?? ''}*\n`);
          return 1;
        }
        for (const f of found.sort()) await out.write(f + '\n');
        break;
      }
      case 'show': {
        const shown = operands.length ? status.filter((e) => operands.some((p) => glob(p).test(e.name))) : status;
        if (operands.length && shown.length === 0) {
          await out.flush();
          await err.write(`dpkg-query: no packages found matching ${operands.join(' ')}\n`);
          return 1;
        }
        for (const e of shown) await out.write(showFormat(format, e));
        break;
      }
      case 'selections':
        for (const e of status) await out.write(`${dpkgName(e).padEnd(48, '\t').replace(/\t+$/, '')}${'\t'.repeat(Math.max(1, Math.ceil((48 - dpkgName(e).length) / 8)))}${e.status.split(' ')[0]}\n`);
        break;
      case 'install':
      case 'remove':
      case 'purge':
        await err.write(`dpkg: error: Berth's dpkg installs and removes through apt-get; use apt-get ${action === 'install' ? 'install' : action}\n`);
        return 2;
      default:
        await err.write(`${tool}: error: need an action option\n\nUse --help for help about querying packages.\n`);
        return 2;
    }
  } catch (e) {
    if (isProcessControl(e)) throw e;
    throw e;
  }
  await out.flush();
  return 0;
};
