/**
 * The diagrams' facts as text: what a screen reader reads (always there,
 * visually hidden unless asked for) and what a learner who prefers words
 * can show. Every fact a picture draws is here too.
 */
import { describeMount } from './Wiring.tsx';
import { drawnNetwork, fill, humanSize, imageName, members, mountKey, nameOf, portText, published, sharedLayers, type DiagramStrings, type Snapshot } from './model.ts';

export function Facts(props: { snap: Snapshot; s: DiagramStrings; shown: boolean }) {
  const { snap, s } = props;
  const shared = sharedLayers(snap.images);
  const users = (volume: string) => snap.containers.filter((c) => c.Mounts.some((m) => mountKey(m) === `volume:${volume}`));
  const none = <li>{s.none}</li>;
  return (
    <section id="diagram-facts" class={props.shown ? 'facts' : 'facts sr-only'} aria-labelledby="diagram-facts-h">
      <h3 id="diagram-facts-h">{s.facts}</h3>
      <h4>{s.containers}</h4>
      <ul class="facts-containers">
        {snap.containers.length === 0 && none}
        {snap.containers.map((c) => {
          const ports = published(c);
          const nets = Object.entries(c.NetworkSettings.Networks);
          return (
            <li key={c.Id} data-container={nameOf(c)}>
              <strong>{nameOf(c)}</strong>: {c.State}
              {s.states[c.State] !== c.State ? ` (${s.states[c.State]})` : ''}; {c.Image}; {s.writable} {humanSize(c.SizeRw ?? 0)}
              {ports.length > 0 && `; ${s.ports} ${ports.map((p) => `localhost:${portText(p)}`).join(', ')}`}
              {c.Mounts.length > 0 && `; ${s.mounts}: ${c.Mounts.map((m) => describeMount(m, s)).join(', ')}`}
              {nets.length > 0 && `; ${s.networks}: ${nets.map(([n, e]) => `${n} ${e.IPAddress || s.noIp}`).join(', ')}`}
            </li>
          );
        })}
      </ul>
      <h4>{s.images}</h4>
      <ul>
        {snap.images.length === 0 && none}
        {snap.images.map((i) => (
          <li key={i.Id}>{fill(s.layersOf, { name: imageName(i), n: i.layers.length, shared: i.layers.filter((l) => shared.has(l)).length })}</li>
        ))}
      </ul>
      <h4>{s.volumes}</h4>
      <ul class="facts-volumes">
        {snap.volumes.length === 0 && none}
        {snap.volumes.map((v) => {
          const u = users(v.Name);
          return (
            <li key={v.Name}>
              {v.Name}: {u.length ? `${s.usedBy} ${u.map(nameOf).join(', ')}` : s.unused}
            </li>
          );
        })}
      </ul>
      <h4>{s.networks}</h4>
      <ul>
        {snap.networks
          .filter((n) => drawnNetwork(snap, n))
          .map((n) => {
            const m = members(snap, n.Name);
            return (
              <li key={n.Id}>
                {n.Name} ({n.IPAM?.Config?.[0]?.Subnet ?? n.Driver}): {m.length ? m.map((x) => `${nameOf(x.c)} ${x.ip || s.noIp}`).join(', ') : s.unused}
              </li>
            );
          })}
      </ul>
    </section>
  );
}

