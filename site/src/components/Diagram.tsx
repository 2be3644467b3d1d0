/**
 * What the engine holds, drawn from the Engine API alone: images as stacks
 * of layers (a layer two images share has one colour and is marked shared),
 * containers on their image with their state, volumes and networks. It
 * refreshes when the daemon reports an event. Every box is a button that
 * opens its `docker inspect` view; a text list says the same for screen
 * readers.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EngineClient } from '../engine/client.ts';

interface ImageSummary { Id: string; RepoTags: string[] | null; Size: number }
interface ImageInspect { Id: string; RootFS: { Layers?: string[] } }
interface ContainerSummary { Id: string; Names: string[]; Image: string; ImageID: string; State: string; Status: string; Ports: { PrivatePort: number; PublicPort?: number; Type: string }[] }
interface Volume { Name: string }
interface Network { Name: string; Id: string }

interface State {
  images: (ImageSummary & { layers: string[] })[];
  containers: ContainerSummary[];
  volumes: Volume[];
  networks: Network[];
}

export interface DiagramStrings {
  title: string;
  images: string;
  containers: string;
  volumes: string;
  networks: string;
  layers: string;
  shared: string;
  none: string;
  inspect: string;
  close: string;
}

const STATE_COLOR: Record<string, string> = { running: '#1a7f37', created: '#6e7781', paused: '#9a6700', exited: '#cf222e', restarting: '#0969da', dead: '#57606a', removing: '#57606a' };

function colorOf(digest: string): string {
  let h = 0;
  for (const c of digest.slice(7, 19)) h = (h * 31 + c.charCodeAt(0)) % 360;
  return `hsl(${h} 55% 42%)`;
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

export function Diagram(props: { engine: EngineClient; strings: DiagramStrings }) {
  const [state, setState] = useState<State>({ images: [], containers: [], volumes: [], networks: [] });
  const [inspect, setInspect] = useState<{ title: string; body: string } | undefined>();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let alive = true;
    const load = async () => {
      try {
        const [images, containers, volumes, networks] = await Promise.all([
          props.engine.api<ImageSummary[]>('/images/json'),
          props.engine.api<ContainerSummary[]>('/containers/json', { all: '1' }),
          props.engine.api<{ Volumes: Volume[] | null }>('/volumes'),
          props.engine.api<Network[]>('/networks'),
        ]);
        const withLayers = await Promise.all(images.map(async (i) => ({ ...i, layers: (await props.engine.api<ImageInspect>(`/images/${i.Id}/json`)).RootFS.Layers ?? [] })));
        if (alive) setState({ images: withLayers, containers, volumes: volumes.Volumes ?? [], networks });
      } catch {
        // the engine is restarting (reset)
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(load, 150);
    };
    void props.engine.ready.then(load);
    const off = props.engine.onEvent(schedule);
    return () => {
      alive = false;
      clearTimeout(timer);
      off();
    };
  }, [props.engine]);

  const open = async (title: string, path: string) => {
    try {
      setInspect({ title, body: JSON.stringify(await props.engine.api(path), null, 2) });
    } catch (err) {
      setInspect({ title, body: (err as Error).message });
    }
  };

  const layerUse = new Map<string, number>();
  for (const i of state.images) for (const l of new Set(i.layers)) layerUse.set(l, (layerUse.get(l) ?? 0) + 1);
  const s = props.strings;
  const H = 18;

  return (
    <section class="diagram" aria-label={s.title}>
      <h2>{s.title}</h2>
      <div class="diagram-row">
        <div class="diagram-col">
          <h3>{s.images}</h3>
          {state.images.length === 0 && <p class="none">{s.none}</p>}
          <div class="images">
            {state.images.map((img) => {
              const name = img.RepoTags?.[0] ?? `<none> ${short(img.Id)}`;
              const users = state.containers.filter((c) => c.ImageID === img.Id);
              const height = (img.layers.length + users.length) * (H + 2) + 4;
              return (
                <figure class="image" key={img.Id}>
                  <svg width="132" height={height} role="img" aria-label={`${name}: ${img.layers.length} ${s.layers}`}>
                    {users.map((c, k) => (
                      <g key={c.Id}>
                        <rect x="2" y={2 + k * (H + 2)} width="128" height={H} rx="3" fill="#fff" stroke={STATE_COLOR[c.State] ?? '#57606a'} stroke-dasharray="4 2" />
                        <text x="8" y={2 + k * (H + 2) + 13} font-size="11" fill="#17202b">{c.Names[0]?.slice(1)} (rw)</text>
                      </g>
                    ))}
                    {[...img.layers].reverse().map((l, k) => {
                      const y = 2 + (users.length + k) * (H + 2);
                      const shared = (layerUse.get(l) ?? 0) > 1;
                      return (
                        <g key={`${l}-${k}`}>
                          <rect x="2" y={y} width="128" height={H} rx="3" fill={colorOf(l)} stroke={shared ? '#f0a500' : 'none'} stroke-width="2">
                            <title>{`${short(l)}${shared ? ` (${s.shared})` : ''}`}</title>
                          </rect>
                          <text x="8" y={y + 13} font-size="11" fill="#fff">{short(l)}{shared ? ' ★' : ''}</text>
                        </g>
                      );
                    })}
                  </svg>
                  <figcaption>
                    <button type="button" class="linkish" onClick={() => open(name, `/images/${img.Id}/json`)}>{name}</button>
                  </figcaption>
                </figure>
              );
            })}
          </div>
        </div>
        <div class="diagram-col">
          <h3>{s.containers}</h3>
          {state.containers.length === 0 && <p class="none">{s.none}</p>}
          <ul class="containers">
            {state.containers.map((c) => (
              <li key={c.Id}>
                <button type="button" class="card" onClick={() => open(c.Names[0]?.slice(1) ?? short(c.Id), `/containers/${c.Id}/json`)}>
                  <span class="dot" style={{ background: STATE_COLOR[c.State] ?? '#57606a' }} aria-hidden="true" />
                  <strong>{c.Names[0]?.slice(1)}</strong> <span class="state-name">{c.State}</span>
                  <span class="sub">{c.Image}{c.Ports.filter((p) => p.PublicPort).map((p) => ` · ${p.PublicPort}→${p.PrivatePort}/${p.Type}`).join('')}</span>
                </button>
              </li>
            ))}
          </ul>
          <h3>{s.volumes}</h3>
          {state.volumes.length === 0 && <p class="none">{s.none}</p>}
          <ul class="chips">
            {state.volumes.map((v) => (
              <li key={v.Name}><button type="button" class="chip" onClick={() => open(v.Name, `/volumes/${v.Name}`)}>{v.Name.length > 20 ? short(v.Name) : v.Name}</button></li>
            ))}
          </ul>
          <h3>{s.networks}</h3>
          <ul class="chips">
            {state.networks.map((n) => (
              <li key={n.Id}><button type="button" class="chip" onClick={() => open(n.Name, `/networks/${n.Id}`)}>{n.Name}</button></li>
            ))}
          </ul>
        </div>
      </div>
      {inspect && (
        <div class="inspect" role="dialog" aria-modal="false" aria-label={`${s.inspect}: ${inspect.title}`}>
          <div class="inspect-head">
            <strong>{s.inspect}: {inspect.title}</strong>
            <button type="button" onClick={() => setInspect(undefined)}>{s.close}</button>
          </div>
          <pre>{inspect.body}</pre>
        </div>
      )}
    </section>
  );
}
