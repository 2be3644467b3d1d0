/**
 * The live side of a lesson page: the engine (in a worker, with the lesson's
 * starting state), the terminal, and the steps. After every change in the
 * engine (a daemon event) or burst of terminal output, the open steps' checks
 * run against the engine's state; the steps are done in order, and a step
 * whose check holds (when the ones before it are done) stays done. Progress is kept in the browser (localStorage).
 *
 * Commands in the prose are clickable: the page's script sends
 * `berth:run` events, which type the command into the terminal.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EngineClient } from '../engine/client.ts';
import type { LessonSetup } from '../engine/protocol.ts';
import type { Check } from '../../../lessons/schema.ts';
import { Terminal } from './Terminal.tsx';
import { Diagram, type DiagramStrings } from './Diagram.tsx';

export interface AppStep {
  id: string;
  title: string;
  check: Check;
}

export interface AppStrings {
  terminal: string;
  steps: string;
  stepDone: string;
  stepTodo: string;
  reset: string;
  resetConfirm: string;
  booting: string;
  allDone: string;
  progress: string;
}

interface Progress {
  done: string[];
  solutions: string[];
}

const key = (id: string) => `berth:progress:${id}`;

export function loadProgress(id: string): Progress {
  try {
    const p = JSON.parse(localStorage.getItem(key(id)) ?? '') as Progress;
    return { done: p.done ?? [], solutions: p.solutions ?? [] };
  } catch {
    return { done: [], solutions: [] };
  }
}

function saveProgress(id: string, p: Progress): void {
  localStorage.setItem(key(id), JSON.stringify(p));
}

export default function LessonApp(props: { lessonId: string; steps: AppStep[]; setup?: LessonSetup; files?: Record<string, string>; strings: AppStrings; diagram: DiagramStrings }) {
  const [engine, setEngine] = useState<EngineClient | undefined>();
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState('');
  const [progress, setProgress] = useState<Progress>({ done: [], solutions: [] });
  const [generation, setGeneration] = useState(0);
  const progressRef = useRef(progress);
  progressRef.current = progress;

  useEffect(() => setProgress(loadProgress(props.lessonId)), [props.lessonId]);

  useEffect(() => {
    const e = new EngineClient({ setup: props.setup, files: props.files, cols: 80, rows: 24 });
    setEngine(e);
    setReady(false);
    e.ready.then(() => setReady(true), (err: Error) => setFailed(err.message));
    return () => e.terminate();
  }, [generation]);

  // Checks: after engine events and terminal output, debounced.
  useEffect(() => {
    if (!engine || !ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let again = false;
    const evaluate = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      // Steps complete in order: a later step's state can hold early (a container that is absent
      // before it was ever made), so only the run of open steps that hold from the first one counts.
      const open = props.steps.filter((s) => !progressRef.current.done.includes(s.id));
      if (open.length > 0) {
        const results = await engine.check(open.map((s) => s.check));
        const firstFalse = results.indexOf(false);
        const newly = open.slice(0, firstFalse < 0 ? open.length : firstFalse).map((s) => s.id);
        if (newly.length > 0) {
          const next = { ...progressRef.current, done: [...progressRef.current.done, ...newly] };
          saveProgress(props.lessonId, next);
          setProgress(next);
        }
      }
      running = false;
      if (again) {
        again = false;
        void evaluate();
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(evaluate, 250);
    };
    const offEvent = engine.onEvent(schedule);
    const offOut = engine.onOutput(schedule);
    schedule();
    return () => {
      clearTimeout(timer);
      offEvent();
      offOut();
    };
  }, [engine, ready]);

  // Clickable commands and viewed solutions, from the prose.
  useEffect(() => {
    if (!engine) return;
    const onRun = (e: Event) => {
      engine.run((e as CustomEvent<string>).detail);
      window.dispatchEvent(new Event('berth:focus-terminal'));
    };
    const onSolution = (e: Event) => {
      const id = (e as CustomEvent<string>).detail;
      const p = progressRef.current;
      if (p.solutions.includes(id)) return;
      const next = { ...p, solutions: [...p.solutions, id] };
      saveProgress(props.lessonId, next);
      setProgress(next);
    };
    window.addEventListener('berth:run', onRun);
    window.addEventListener('berth:solution', onSolution);
    return () => {
      window.removeEventListener('berth:run', onRun);
      window.removeEventListener('berth:solution', onSolution);
    };
  }, [engine]);

  // The prose's step sections show their state too.
  useEffect(() => {
    for (const s of props.steps) {
      const section = document.getElementById(`step-${s.id}`);
      if (!section) continue;
      section.dataset.state = progress.done.includes(s.id) ? 'done' : 'todo';
      section.dataset.solution = progress.solutions.includes(s.id) ? 'shown' : '';
    }
  }, [progress]);

  const done = props.steps.filter((s) => progress.done.includes(s.id)).length;
  const current = props.steps.find((s) => !progress.done.includes(s.id));
  const reset = () => {
    if (!confirm(props.strings.resetConfirm)) return;
    const cleared = { done: [], solutions: [] };
    saveProgress(props.lessonId, cleared);
    setProgress(cleared);
    setGeneration((g) => g + 1);
  };
  const progressText = useMemo(() => props.strings.progress.replace('{done}', String(done)).replace('{total}', String(props.steps.length)), [done]);

  return (
    <div class="lesson-app">
      <div class="terminal-frame">
        {!ready && !failed && <p class="booting" role="status">{props.strings.booting}</p>}
        {failed && <p class="failed" role="alert">{failed}</p>}
        {engine && <Terminal engine={engine} label={props.strings.terminal} />}
      </div>
      <section class="steps" aria-label={props.strings.steps}>
        <div class="steps-head">
          <h2>{props.strings.steps}</h2>
          <p class="progress" role="status" aria-live="polite">
            {done === props.steps.length ? props.strings.allDone : progressText}
          </p>
          <button type="button" class="reset" onClick={reset}>
            {props.strings.reset}
          </button>
        </div>
        <ol>
          {props.steps.map((s) => {
            const isDone = progress.done.includes(s.id);
            return (
              <li key={s.id} class={`${isDone ? 'done' : 'todo'}${current?.id === s.id ? ' current' : ''}`} data-step={s.id}>
                <a href={`#step-${s.id}`}>{s.title}</a>
                <span class="state">{isDone ? `✓ ${props.strings.stepDone}` : props.strings.stepTodo}</span>
              </li>
            );
          })}
        </ol>
      </section>
      {engine && ready && <Diagram engine={engine} strings={props.diagram} />}
    </div>
  );
}
