/**
 * docker network create / ls / inspect / rm / connect / disconnect / prune.
 */
import { ApiError } from '../../api/client.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, list, str } from '../cli.ts';
import { formatRows, renderTemplate } from './formatting.ts';
import { confirm } from './volumes.ts';

interface Network {
  Name: string;
  Id: string;
  Created: string;
  Scope: string;
  Driver: string;
  EnableIPv6: boolean;
  Internal: boolean;
  Labels: Record<string, string> | null;
}

const enc = encodeURIComponent;

export async function runNetworkCreate(cli: Cli, p: Parsed): Promise<number> {
  const subnets = list(p, 'subnet');
  const gateways = list(p, 'gateway');
  const ranges = list(p, 'ip-range');
  const labels: Record<string, string> = {};
  for (const l of list(p, 'label')) labels[l.split('=')[0]!] = l.includes('=') ? l.slice(l.indexOf('=') + 1) : '';
  const r = await cli.api.post<{ Id: string }>('/networks/create', undefined, {
    Name: p.args[0],
    Driver: str(p, 'driver') || 'bridge',
    Internal: bool(p, 'internal'),
    Attachable: bool(p, 'attachable'),
    IPAM: { Driver: 'default', Config: subnets.map((s, i) => ({ Subnet: s, ...(gateways[i] ? { Gateway: gateways[i] } : {}), ...(ranges[i] ? { IPRange: ranges[i] } : {}) })) },
    Labels: labels,
  });
  await cli.out(`${r.Id}\n`);
  return 0;
}

export async function runNetworkLs(cli: Cli, p: Parsed): Promise<number> {
  const filters: Record<string, string[]> = {};
  for (const f of list(p, 'filter')) {
    const i = f.indexOf('=');
    if (i < 0) throw new CommandError('bad format of filter (expected name=value)', 1);
    (filters[f.slice(0, i)] ??= []).push(f.slice(i + 1));
  }
  const nets = await cli.api.get<Network[]>('/networks', { filters: Object.keys(filters).length ? JSON.stringify(filters) : undefined });
  const trunc = !bool(p, 'no-trunc');
  const rows = [...nets]
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0))
    .map((n) => ({ ID: trunc ? n.Id.slice(0, 12) : n.Id, Name: n.Name, Driver: n.Driver, Scope: n.Scope, IPv6: String(n.EnableIPv6), Internal: String(n.Internal), CreatedAt: n.Created, Labels: Object.entries(n.Labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',') }));
  const format = bool(p, 'quiet') ? '{{.ID}}' : str(p, 'format') || 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
  await cli.out(await formatRows(format, rows, { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', Internal: 'INTERNAL', CreatedAt: 'CREATED AT', Labels: 'LABELS' }));
  return 0;
}

export async function runNetworkInspect(cli: Cli, p: Parsed): Promise<number> {
  const found: unknown[] = [];
  let failed = false;
  for (const ref of p.args) {
    try {
      found.push(await cli.api.get(`/networks/${enc(ref)}`));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      await cli.err(`Error response from daemon: ${err.message}\n`);
      failed = true;
    }
  }
  const format = str(p, 'format');
  if (format) for (const n of found) await cli.out(`${await renderTemplate(format, n)}\n`);
  else await cli.out(`${JSON.stringify(found, null, 4)}\n`);
  return failed ? 1 : 0;
}

export async function runNetworkRm(cli: Cli, p: Parsed): Promise<number> {
  let failed = false;
  for (const ref of p.args) {
    try {
      await cli.api.delete(`/networks/${enc(ref)}`);
      await cli.out(`${ref}\n`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (bool(p, 'force') && err.status === 404) continue;
      await cli.err(`Error response from daemon: ${err.message}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

export async function runNetworkConnect(cli: Cli, p: Parsed): Promise<number> {
  const [net, container] = p.args as [string, string];
  await cli.api.post(`/networks/${enc(net)}/connect`, undefined, {
    Container: container,
    EndpointConfig: { IPAMConfig: str(p, 'ip') ? { IPv4Address: str(p, 'ip') } : null, Aliases: list(p, 'alias'), Links: list(p, 'link') },
  });
  return 0;
}

export async function runNetworkDisconnect(cli: Cli, p: Parsed): Promise<number> {
  const [net, container] = p.args as [string, string];
  await cli.api.post(`/networks/${enc(net)}/disconnect`, undefined, { Container: container, Force: bool(p, 'force') });
  return 0;
}

export async function runNetworkPrune(cli: Cli, p: Parsed): Promise<number> {
  if (!(await confirm(cli, p, 'WARNING! This will remove all custom networks not used by at least one container.'))) return 0;
  const r = await cli.api.post<{ NetworksDeleted: string[] | null }>('/networks/prune');
  if (r.NetworksDeleted?.length) await cli.out(`Deleted Networks:\n${r.NetworksDeleted.map((n) => `${n}\n`).join('')}`);
  return 0;
}
