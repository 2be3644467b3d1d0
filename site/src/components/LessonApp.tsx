/**
 * The live side of a lesson page: the engine (in a worker, with the lesson's
 * starting state), the terminal, and the steps. After every change in the
 * engine (a daemon event) or burst of terminal output, the open steps' checks
 * run against the engine's state; the steps are done in order, and a step
 * whose check holds (when the ones before it are done) stays done.
 *
 * Everything survives a reload: progress is kept in IndexedDB by the page,
 * the machine (files, images, containers, volumes) by the worker, under the
 * key `lesson:<id>`. "Reset lesson" forgets both.
 *
 * Commands in the prose are clickable: the page's script sends
 * `berth:run` events, which type the command into the terminal.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LessonSetup } from '../engine/protocol.ts';
import type { Check } from '../../../lessons/schema.ts';
import { Terminal } from './Terminal.tsx';
import { LazyDiagram as Diagram, type DiagramStrings } from './LazyDiagram.tsx';
import { MachineNotices, SaveStatus, useMachine, type MachineStrings } from './machine.tsx';
import { loadProgress, saveProgress, type Progress } from '../store.ts';

export interface AppStep {
  id: string;
  title: string;
  check: Check;
}

export interface AppStrings extends MachineStrings {
  terminal: string;
  /** How the keyboard leaves the terminal. */
  terminalHelp: string;
  steps: string;
  stepDone: string;
  stepTodo: string;
  reset: string;
  resetConfirm: string;
  booting: string;
  allDone: string;
  progress: string;
}

export default function LessonApp(props: { lessonId: string; steps: AppStep[]; setup?: LessonSetup; files?: Record<string, string>; strings: AppStrings; diagram: DiagramStrings }) {
  const [progress, setProgress] = useState<Progress>({ done: [], solutions: [] });
  const progressRef = useRef(progress);
  progressRef.current = progress;
  const machine = useMachine({ machine: `lesson:${props.lessonId}`, setup: props.setup, files: props.files, cols: 80, rows: 24 });
  const { ready, reset: resetMachine } = machine;
  // After a handover to another tab this page has no engine.
  const engine = machine.handover === 'moved' ? undefined : machine.engine;

  useEffect(() => {
    void loadProgress(props.lessonId).then(setProgress);
  }, [props.lessonId]);

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
          void saveProgress(props.lessonId, next);
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
      void saveProgress(props.lessonId, next);
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
    void saveProgress(props.lessonId, cleared);
    setProgress(cleared);
    resetMachine();
  };
  const progressText = useMemo(() => props.strings.progress.replace('{done}', String(done)).replace('{total}', String(props.steps.length)), [done]);

  return (
    <div class="lesson-app">
      <div class="terminal-frame">
        <MachineNotices machine={machine} strings={props.strings} />
        {engine && <Terminal engine={engine} label={props.strings.terminal} help={props.strings.terminalHelp} />}
        {engine && <SaveStatus engine={engine} saved={props.strings.saved} failed={props.strings.saveFailed} />}
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
