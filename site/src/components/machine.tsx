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

/** What the page says about its machine, in the page's language. */
export interface MachineStrings {
  booting: string;
  saved: string;
  saveFailed: string;
  /** With `{time}`. */
  restored: string;
  /** With `{time}`. */
  unreadable: string;
  waiting: string;
  moved: string;
  continueHere: string;
}

export function useMachine(options: MachineOptions) {
  const [boot, setBoot] = useState({ generation: 0, fresh: false });
  const [engine, setEngine] = useState<EngineClient | undefined>();
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState('');
  const [restored, setRestored] = useState<number | undefined>();
  const [unreadable, setUnreadable] = useState<number | undefined>();
  const [handover, setHandover] = useState<'waiting' | 'moved' | undefined>();

  useEffect(() => {
    const e = new EngineClient({ ...options, fresh: boot.fresh });
    let live = true;
    setEngine(e);
    setReady(false);
    setRestored(undefined);
    setUnreadable(undefined);
    setHandover(undefined);
    e.ready.then(
      (r) => {
        if (!live) return;
        setRestored(r.restored);
        setUnreadable(r.unreadable);
        setHandover(undefined);
        setReady(true);
      },
      (err: Error) => live && setFailed(err.message),
    );
    const offHandover = e.onHandover((state) => {
      if (!live) return;
      setHandover(state);
      // Handed over: the machine runs in the other tab now, and this worker has nothing left to do.
      if (state === 'moved') e.terminate();
    });
    const flush = () => {
      if (document.visibilityState === 'hidden') e.flush();
    };
    const leave = () => e.flush();
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', leave);
    return () => {
      live = false;
      offHandover();
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', leave);
      e.terminate();
    };
  }, [boot]);

  return {
    engine,
    ready,
    failed,
    restored,
    unreadable,
    handover,
    reset: () => setBoot((b) => ({ generation: b.generation + 1, fresh: true })),
  };
}

const when = (t: number) => new Date(t).toLocaleString(document.documentElement.lang);

/** The notices above a terminal: starting, failed, restored (or not), and the machine being in another tab. */
export function MachineNotices(props: { machine: ReturnType<typeof useMachine>; strings: MachineStrings }) {
  const { ready, failed, restored, unreadable, handover } = props.machine;
  const s = props.strings;
  if (handover === 'moved')
    return (
      <div class="moved" role="alert">
        <p>{s.moved}</p>
        <button type="button" onClick={() => location.reload()}>
          {s.continueHere}
        </button>
      </div>
    );
  return (
    <>
      {!ready && !failed && (
        <p class="booting" role="status">
          {handover === 'waiting' ? s.waiting : s.booting}
        </p>
      )}
      {failed && (
        <p class="failed" role="alert">
          {failed}
        </p>
      )}
      {restored && <p class="restored">{s.restored.replace('{time}', when(restored))}</p>}
      {unreadable && (
        <p class="restored unreadable" role="status">
          {s.unreadable.replace('{time}', when(unreadable))}
        </p>
      )}
    </>
  );
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
