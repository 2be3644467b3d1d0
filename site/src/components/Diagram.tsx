/**
 * What the engine holds, drawn from the Engine API alone: containers with
 * their volumes, bind mounts, networks and published ports; one container's
 * lifecycle on the daemon's state machine; images as stacks of layers with
 * each container's writable layer on top. It redraws when the daemon
 * reports an event, and when the terminal goes quiet (a writable layer grows
 * without one). Everything drawn opens its `docker inspect` view; a
 * published port opens a preview of what it serves; the same facts are
 * there as text for screen readers (and on request for everyone).
 *
 * Loaded after the terminal is ready (LazyDiagram.tsx); the preview pane
 * loads when first opened.
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EngineClient } from '../engine/client.ts';
import { Facts } from './diagram/Facts.tsx';
import { Layers } from './diagram/Layers.tsx';
import { Lifecycle, type Transition } from './diagram/Lifecycle.tsx';
import { Wiring } from './diagram/Wiring.tsx';
import { nameOf, published, short, type Container, type ContainerState, type DiagramStrings, type Image, type Network, type Snapshot, type Volume } from './diagram/model.ts';
import type { PreviewProps } from './Preview.tsx';

/** The state a container event leaves a container in. */
const ACTION_STATE: Record<string, ContainerState> = { create: 'created', start: 'running', restart: 'running', unpause: 'running', pause: 'paused', die: 'exited', destroy: 'removing' };

/** The container whose lifecycle is drawn: the one things last happened to, unless the learner picked one. */
interface Followed {
  id: string;
  name: string;
  pinned: boolean;
  removed: boolean;
  last?: Transition;
}

export function Diagram(props: { engine: EngineClient; strings: DiagramStrings }) {
  const s = props.strings;
  const [snap, setSnap] = useState<Snapshot>({ images: [], containers: [], volumes: [], networks: [] });
  const [inspect, setInspect] = useState<{ title: string; body: string } | undefined>();
  const [asText, setAsText] = useState(false);
  const [followed, setFollowed] = useState<Followed | undefined>();
  const [preview, setPreview] = useState<{ port: number; name: string } | undefined>();
  const [PreviewPane, setPreviewPane] = useState<ComponentType<PreviewProps> | undefined>();
  const known = useRef(new Map<string, ContainerState>());
  const closeRef = useRef<HTMLButtonElement>(null);
  // What opened the inspect view gets the focus back when it closes.
  const opener = useRef<HTMLElement | SVGElement | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let alive = true;
    // A new engine (the lesson was reset): nothing of the old one's holds.
    known.current.clear();
    setSnap({ images: [], containers: [], volumes: [], networks: [] });
    setFollowed(undefined);
    setInspect(undefined);
    setPreview(undefined);
    // A container moved to `to`: remember it, and follow it unless the learner chose another.
    const moved = (id: string, name: string, to: ContainerState) => {
      const from = known.current.get(id);
      known.current.set(id, to);
      if (from === to) return;
      setFollowed((f) => {
        if (f?.pinned && f.id !== id) return f;
        const last = from ? { from, to } : f?.id === id ? f.last : undefined;
        return { id, name, pinned: f?.id === id && f.pinned, removed: to === 'removing', ...(last ? { last } : {}) };
      });
    };
    const load = async () => {
      try {
        const [images, containers, volumes, networks] = await Promise.all([
          props.engine.api<Omit<Image, 'layers'>[]>('/images/json'),
          props.engine.api<Container[]>('/containers/json', { all: '1', size: '1' }),
          props.engine.api<{ Volumes: Volume[] | null }>('/volumes'),
          props.engine.api<Network[]>('/networks'),
        ]);
        const withLayers = await Promise.all(images.map(async (i) => ({ ...i, layers: (await props.engine.api<{ RootFS: { Layers?: string[] } }>(`/images/${i.Id}/json`)).RootFS.Layers ?? [] })));
        if (!alive) return;
        setSnap({ images: withLayers, containers, volumes: volumes.Volumes ?? [], networks });
        for (const c of containers) {
          if (!known.current.has(c.Id)) known.current.set(c.Id, c.State);
          else moved(c.Id, nameOf(c), c.State);
        }
        // Nothing followed yet, or it went without a word: the newest container.
        setFollowed((f) => (f && (f.removed || containers.some((c) => c.Id === f.id)) ? f : containers[0] ? { id: containers[0].Id, name: nameOf(containers[0]), pinned: false, removed: false } : undefined));
      } catch {
        // the engine is restarting (reset)
      }
    };
    const schedule = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(load, ms);
    };
    void props.engine.ready.then(load);
    const offEvent = props.engine.onEvent((e) => {
      const to = e.Type === 'container' ? ACTION_STATE[e.Action] : undefined;
      if (to) moved(e.Actor.ID, e.Actor.Attributes.name ?? short(e.Actor.ID), to);
      schedule(150);
    });
    const offOutput = props.engine.onOutput(() => schedule(700));
    return () => {
      alive = false;
      clearTimeout(timer);
      offEvent();
      offOutput();
    };
  }, [props.engine]);

  useEffect(() => closeRef.current?.focus(), [inspect?.title]);

  const open = async (title: string, target: string) => {
    opener.current = document.activeElement as HTMLElement | SVGElement | null;
    const [path = '', qs] = target.split('?');
    try {
      const body = await props.engine.api(path, qs ? Object.fromEntries(new URLSearchParams(qs)) : undefined);
      setInspect({ title, body: JSON.stringify(body, null, 2) });
    } catch (err) {
      setInspect({ title, body: (err as Error).message });
    }
  };

  const openPreview = (port: number, name: string) => {
    setPreview({ port, name });
    if (!PreviewPane) void import('./Preview.tsx').then((m) => setPreviewPane(() => m.Preview));
  };

  const current = followed && snap.containers.find((c) => c.Id === followed.id);
  const state: ContainerState | undefined = followed?.removed ? 'removing' : current?.State;
  const previews = snap.containers.filter((c) => c.State === 'running').flatMap((c) => published(c).filter((p) => p.proto === 'tcp').map((p) => ({ c, p })));

  return (
    <section class="diagram" aria-labelledby="diagram-title">
      <div class="diagram-head">
        <h2 id="diagram-title">{s.title}</h2>
        <button type="button" class="toggle" aria-pressed={asText} aria-controls="diagram-facts" onClick={() => setAsText(!asText)}>
          {s.asText}
        </button>
      </div>
      {inspect && (
        <div class="inspect" role="region" aria-label={`${s.inspect}: ${inspect.title}`}>
          <div class="inspect-head">
            <strong>
              {s.inspect}: {inspect.title}
            </strong>
            <button
              type="button"
              ref={closeRef}
              onClick={() => {
                setInspect(undefined);
                if (opener.current?.isConnected) opener.current.focus();
              }}
            >
              {s.close}
            </button>
          </div>
          <pre tabIndex={0}>{inspect.body}</pre>
        </div>
      )}
      <h3>{s.containers}</h3>
      <Wiring snap={snap} s={s} open={open} />
      {previews.length > 0 && (
        <ul class="previews">
          {previews.map(({ c, p }) => (
            <li key={`${c.Id}-${p.host}`}>
              <button type="button" class="preview-open" aria-pressed={preview?.port === p.host} onClick={() => openPreview(p.host, nameOf(c))}>
                ▶ {s.preview}: http://localhost:{p.host}/ ({nameOf(c)} :{p.port})
              </button>
            </li>
          ))}
        </ul>
      )}
      {preview && PreviewPane && <PreviewPane key={preview.port} engine={props.engine} port={preview.port} name={preview.name} strings={s} onClose={() => setPreview(undefined)} />}
      <h3>{s.lifecycle}</h3>
      {snap.containers.length > 0 && (
        <label class="lc-pick">
          {s.lifecycleFor}{' '}
          <select
            value={followed?.id}
            onChange={(e) => {
              const c = snap.containers.find((x) => x.Id === (e.currentTarget as HTMLSelectElement).value);
              if (c) setFollowed({ id: c.Id, name: nameOf(c), pinned: true, removed: false });
            }}
          >
            {followed?.removed && <option value={followed.id}>{`${followed.name} (${s.removed})`}</option>}
            {snap.containers.map((c) => (
              <option key={c.Id} value={c.Id}>
                {nameOf(c)}
              </option>
            ))}
          </select>
        </label>
      )}
      <Lifecycle name={followed?.name} state={state} removed={followed?.removed} last={followed?.last} s={s} />
      <h3>{s.images}</h3>
      <Layers snap={snap} s={s} open={open} />
      <Facts snap={snap} s={s} shown={asText} />
    </section>
  );
}
