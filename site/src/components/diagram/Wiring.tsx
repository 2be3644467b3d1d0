/**
 * Containers and what they are attached to: volumes, bind mounts and tmpfs
 * on the left (a line per mount, labelled with where it appears inside),
 * networks on the right (a line per endpoint, labelled with the container's
 * address there), published ports on the container. Every box is a button
 * (Enter or a click) that opens its inspect view.
 */
import type { JSX } from 'preact';
import { drawnNetwork, members, mountKey, mountLabel, nameOf, portText, published, STATE_COLOR, type Container, type DiagramStrings, type MountPoint, type Snapshot } from './model.ts';

const WIDTH = 560;
const LX = 4;
const LW = 144;
const CX = 188;
const CW = 176;
const NX = 446;
const NW = 110;
const CH = 70;
const C_PITCH = 84;
const SH = 48;
const S_PITCH = 60;

const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, Math.max(1, n - 1))}…` : text);

function button(label: string, act: () => void): JSX.SVGAttributes<SVGGElement> {
  return {
    role: 'button',
    // An SVG element takes attributes as written: `tabindex`, not the DOM property `tabIndex`.
    tabindex: 0,
    'aria-label': label,
    onClick: act,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        act();
      }
    },
  };
}

interface Side {
  key: string;
  label: string;
  kind: string;
  /** Inspect path. */
  path: string;
  users: { c: Container; text: string }[];
}

export function describeMount(m: MountPoint, s: DiagramStrings): string {
  const kind = m.Type === 'volume' ? s.volume : m.Type === 'bind' ? s.bind : s.tmpfs;
  return `${kind} ${m.Type === 'volume' ? (m.Name ?? m.Source) : m.Source} → ${m.Destination}${m.RW ? '' : ' (ro)'}`;
}

export function Wiring(props: { snap: Snapshot; s: DiagramStrings; open: (title: string, path: string) => void }) {
  const { snap, s, open } = props;
  const left = new Map<string, Side>();
  for (const c of snap.containers) {
    for (const m of c.Mounts) {
      const key = mountKey(m);
      let side = left.get(key);
      if (!side) {
        const kind = m.Type === 'volume' ? s.volume : m.Type === 'bind' ? s.bind : s.tmpfs;
        side = { key, label: mountLabel(m), kind, path: m.Type === 'volume' ? `/volumes/${encodeURIComponent(m.Name ?? '')}` : `/containers/${c.Id}/json`, users: [] };
        left.set(key, side);
      }
      side.users.push({ c, text: m.Destination });
    }
  }
  for (const v of snap.volumes) {
    const key = `volume:${v.Name}`;
    if (!left.has(key)) left.set(key, { key, label: mountLabel({ Type: 'volume', Name: v.Name, Source: '', Destination: '', RW: true }), kind: s.volume, path: `/volumes/${encodeURIComponent(v.Name)}`, users: [] });
  }
  const nets = snap.networks.filter((n) => drawnNetwork(snap, n));
  const order = (name: string) => {
    const i = snap.containers.findIndex((c) => name in c.NetworkSettings.Networks);
    return i < 0 ? snap.containers.length : i;
  };
  nets.sort((a, b) => order(a.Name) - order(b.Name));
  const sides = [...left.values()];
  const height = 12 + Math.max(snap.containers.length * C_PITCH, sides.length * S_PITCH, nets.length * S_PITCH, S_PITCH);
  const cy = (i: number) => 8 + i * C_PITCH;
  const sy = (i: number) => 8 + i * S_PITCH;
  const ci = new Map(snap.containers.map((c, i) => [c.Id, i]));
  // Where a container's lines meet it: spread along its edge.
  const at = (i: number, k: number, n: number) => cy(i) + CH / 2 + (k - (n - 1) / 2) * 17;
  // Where a mount appears inside, said once in its box when every user sees it at the same path.
  const common = (side: Side) => (new Set(side.users.map((u) => u.text)).size === 1 ? side.users[0]!.text : undefined);

  return (
    <svg class="wiring" viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label={s.wiring}>
      <g aria-hidden="true" class="wires">
        {snap.containers.flatMap((c) => {
          const i = ci.get(c.Id)!;
          const mine = sides.filter((side) => side.users.some((u) => u.c === c));
          return mine.flatMap((side, k) => {
            const j = sides.indexOf(side);
            const y2 = at(i, k, mine.length);
            const label = common(side) === undefined;
            return side.users
              .filter((u) => u.c === c)
              .map((u) => (
                <g key={`${side.key}-${c.Id}-${u.text}`} class="wire mount" data-container={nameOf(c)} data-mount={side.label}>
                  <path d={`M${LX + LW} ${sy(j) + SH / 2} C${CX - 40} ${sy(j) + SH / 2} ${LX + LW + 40} ${y2} ${CX} ${y2}`} />
                  {label && (
                    <text x={CX - 6} y={y2 - 4} text-anchor="end">
                      {clip(u.text, 8)}
                    </text>
                  )}
                </g>
              ));
          });
        })}
        {snap.containers.flatMap((c) => {
          const i = ci.get(c.Id)!;
          const mine = nets.filter((n) => n.Name in c.NetworkSettings.Networks);
          return mine.map((n, k) => {
            const j = nets.indexOf(n);
            const y1 = at(i, k, mine.length);
            const ip = c.NetworkSettings.Networks[n.Name]?.IPAddress;
            return (
              <g key={`${n.Id}-${c.Id}`} class="wire net" data-container={nameOf(c)} data-network={n.Name}>
                <path d={`M${CX + CW} ${y1} C${NX - 30} ${y1} ${CX + CW + 30} ${sy(j) + SH / 2} ${NX} ${sy(j) + SH / 2}`} />
                <text x={CX + CW + 6} y={y1 - 4}>
                  {ip || ''}
                </text>
              </g>
            );
          });
        })}
      </g>
      {sides.map((side, j) => {
        const y = sy(j);
        const users = side.users.map((u) => `${nameOf(u.c)} ${u.text}`).join(', ');
        return (
          <g key={side.key} class={side.users.length ? 'node mount-node' : 'node mount-node unused'} data-mount={side.label} {...button(`${side.kind} ${side.label}: ${users ? `${s.usedBy} ${users}` : s.unused}`, () => open(side.label, side.path))}>
            {side.kind === s.volume ? (
              <path class="box" d={`M${LX} ${y + 7} a${LW / 2} 7 0 0 1 ${LW} 0 v${SH - 14} a${LW / 2} 7 0 0 1 ${-LW} 0 z M${LX} ${y + 7} a${LW / 2} 7 0 0 0 ${LW} 0`} />
            ) : (
              <rect class="box" x={LX} y={y} width={LW} height={SH} rx="4" stroke-dasharray="6 3" />
            )}
            <text x={LX + 10} y={y + 27} class="strong">
              {clip(side.label, 16)}
            </text>
            <text x={LX + 10} y={y + 42} class="muted">
              {common(side) ? `${side.kind} → ${clip(common(side)!, 19 - side.kind.length)}` : side.kind}
            </text>
          </g>
        );
      })}
      {snap.containers.map((c, i) => {
        const y = cy(i);
        const ports = published(c);
        const color = STATE_COLOR[c.State];
        const label = [
          `${nameOf(c)}: ${s.states[c.State]}`,
          c.Image,
          ports.length ? `${s.ports} ${ports.map(portText).join(', ')}` : '',
          ...c.Mounts.map((m) => describeMount(m, s)),
          ...Object.entries(c.NetworkSettings.Networks).map(([n, e]) => `${n} ${e.IPAddress || s.noIp}`),
        ]
          .filter(Boolean)
          .join('; ');
        return (
          <g key={c.Id} class="node container-node" data-container={nameOf(c)} data-state={c.State} style={{ '--c': color }} {...button(label, () => open(nameOf(c), `/containers/${c.Id}/json?size=1`))}>
            <rect class="box" x={CX} y={y} width={CW} height={CH} rx="8" />
            <rect x={CX} y={y} width="8" height={CH} rx="3" fill={color} />
            <text x={CX + 16} y={y + 21} class="strong">
              {clip(nameOf(c), 16)}
            </text>
            <text x={CX + 16} y={y + 40}>
              <tspan class="state" fill={color}>
                {c.State}
              </tspan>
              <tspan class="muted"> · {clip(c.Image, 19 - c.State.length)}</tspan>
            </text>
            {ports.length > 0 && (
              <text x={CX + 16} y={y + 60} class="port">
                {clip(ports.map(portText).join(' '), 20)}
              </text>
            )}
          </g>
        );
      })}
      {nets.map((n, j) => {
        const y = sy(j);
        const who = members(snap, n.Name);
        const subnet = n.IPAM?.Config?.[0]?.Subnet ?? n.Driver;
        return (
          <g key={n.Id} class="node net-node" data-network={n.Name} {...button(`${s.network} ${n.Name} (${subnet}): ${who.length ? who.map((m) => `${nameOf(m.c)} ${m.ip || s.noIp}`).join(', ') : s.unused}`, () => open(n.Name, `/networks/${n.Id}`))}>
            <rect class="box" x={NX} y={y} width={NW} height={SH} rx="6" />
            <text x={NX + 10} y={y + 21} class="strong">
              {clip(n.Name, 12)}
            </text>
            <text x={NX + 10} y={y + 39} class="muted">
              {subnet}
            </text>
          </g>
        );
      })}
      {snap.containers.length === 0 && (
        <text x={CX + CW / 2} y={40} text-anchor="middle" class="muted">
          {s.none}
        </text>
      )}
    </svg>
  );
}
