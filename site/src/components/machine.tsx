/**
 * The page's hold on its engine: a worker booted from the machine saved
 * under `machine` in IndexedDB (or from the lesson's setup the first time),
 * asked to save once more when the page is hidden, and booted afresh, with
 * the saved machine forgotten, on reset.
 */
import { useEffect, useState } from 'preact/hooks';
import { EngineClient } from '../engine/client.ts';
import type { LessonSetup } from '../engine/protocol.ts';

export interface MachineOptions {
  machine: string;
  setup?: LessonSetup;
  files?: Record<string, string>;
  cols: number;
  rows: number;
}

export function useMachine(options: MachineOptions) {
  const [boot, setBoot] = useState({ generation: 0, fresh: false });
  const [engine, setEngine] = useState<EngineClient | undefined>();
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState('');
  const [restored, setRestored] = useState<number | undefined>();

  useEffect(() => {
    const e = new EngineClient({ ...options, fresh: boot.fresh });
    setEngine(e);
    setReady(false);
    setRestored(undefined);
    e.ready.then(
      (r) => {
        setRestored(r.restored);
        setReady(true);
      },
      (err: Error) => setFailed(err.message),
    );
    const flush = () => {
      if (document.visibilityState === 'hidden') e.flush();
    };
    const leave = () => e.flush();
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', leave);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', leave);
      e.terminate();
    };
  }, [boot]);

  return { engine, ready, failed, restored, reset: () => setBoot((b) => ({ generation: b.generation + 1, fresh: true })) };
}

/** "Saved in this browser", or why not. The time of the last save is in `data-saved-at` (tests wait on it). */
export function SaveStatus(props: { engine: EngineClient; saved: string; failed: string }) {
  const [state, setState] = useState<{ at?: number; error?: string }>({});
  useEffect(() => props.engine.onSaved((m) => setState(m.type === 'saved' ? { at: m.at } : { error: m.message })), [props.engine]);
  if (state.error) return <p class="save-status failed" role="alert" title={state.error}>{props.failed}</p>;
  if (!state.at) return null;
  return (
    <p class="save-status" data-saved-at={state.at}>
      {props.saved}
    </p>
  );
}
