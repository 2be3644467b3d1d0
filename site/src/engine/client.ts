/**
 * The page's side of the engine: starts the worker and offers what the
 * islands need — terminal bytes, typing a command, lesson checks, Engine API
 * reads and the daemon's events.
 */
import type { Check } from '../../../lessons/schema.ts';
import type { EngineEvent, FromWorker, HttpAnswer, LessonSetup, ToWorker } from './protocol.ts';

export class EngineClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (m: FromWorker) => void>();
  private readonly outputs = new Set<(data: Uint8Array) => void>();
  private readonly events = new Set<(e: EngineEvent) => void>();
  private readonly saves = new Set<(m: Extract<FromWorker, { type: 'saved' | 'save-failed' }>) => void>();
  private readonly handovers = new Set<(state: 'waiting' | 'moved') => void>();
  /**
   * Resolves when the terminal accepts input: with the time the machine was
   * saved when it was restored, or the time of a saved machine that could not be.
   */
  readonly ready: Promise<{ restored?: number; unreadable?: number }>;

  constructor(options: { machine: string; fresh?: boolean; setup?: LessonSetup; files?: Record<string, string>; cols: number; rows: number }) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    let resolveReady!: (r: { restored?: number; unreadable?: number }) => void;
    let rejectReady!: (e: Error) => void;
    this.ready = new Promise((res, rej) => ((resolveReady = res), (rejectReady = rej)));
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'ready') resolveReady({ ...(m.restored ? { restored: m.restored } : {}), ...(m.unreadable ? { unreadable: m.unreadable } : {}) });
      else if (m.type === 'waiting' || m.type === 'moved') for (const f of this.handovers) f(m.type);
      else if (m.type === 'saved' || m.type === 'save-failed') for (const f of this.saves) f(m);
      else if (m.type === 'resources') window.dispatchEvent(new CustomEvent('berth:cache', { detail: m.urls }));
      else if (m.type === 'failed') rejectReady(new Error(m.message));
      else if (m.type === 'output') for (const f of this.outputs) f(m.data);
      else if (m.type === 'event') for (const f of this.events) f(m.event);
      else if (m.type === 'checked' || m.type === 'api' || m.type === 'http') {
        this.waiting.get(m.id)?.(m);
        this.waiting.delete(m.id);
      }
    };
    this.send({ type: 'boot', hubSeed: new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}hub-seed.bin`, location.href).href, ...options });
  }

  private send(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  onOutput(f: (data: Uint8Array) => void): () => void {
    this.outputs.add(f);
    return () => this.outputs.delete(f);
  }

  /** Each save of the machine to IndexedDB (or its failure). */
  onSaved(f: (m: Extract<FromWorker, { type: 'saved' | 'save-failed' }>) => void): () => void {
    this.saves.add(f);
    return () => this.saves.delete(f);
  }

  /** The machine is open in another tab: this one waits for it (`waiting`), or has handed it over (`moved`). */
  onHandover(f: (state: 'waiting' | 'moved') => void): () => void {
    this.handovers.add(f);
    return () => this.handovers.delete(f);
  }

  /** Asks the worker to save now if anything changed (the page is going away). */
  flush(): void {
    this.send({ type: 'flush' });
  }

  onEvent(f: (e: EngineEvent) => void): () => void {
    this.events.add(f);
    return () => this.events.delete(f);
  }

  input(data: string): void {
    this.send({ type: 'input', data });
  }

  /** Types a command at the prompt and presses Enter. */
  run(command: string): void {
    this.input(`${command.replace(/\n/g, '\r')}\r`);
  }

  resize(cols: number, rows: number): void {
    this.send({ type: 'resize', cols, rows });
  }

  check(checks: Check[]): Promise<boolean[]> {
    const id = this.nextId++;
    return new Promise((res) => {
      this.waiting.set(id, (m) => res(m.type === 'checked' ? m.results : []));
      this.send({ type: 'check', id, checks });
    });
  }

  api<T>(path: string, query?: Record<string, string>): Promise<T> {
    const id = this.nextId++;
    return new Promise((res, rej) => {
      this.waiting.set(id, (m) => (m.type === 'api' && m.error === undefined ? res(m.body as T) : rej(new Error(m.type === 'api' ? m.error : 'no answer'))));
      this.send({ type: 'api', id, path, ...(query ? { query } : {}) });
    });
  }

  /** GET http://localhost:PORT/PATH from the emulated host, as `curl` there would (published ports answer). */
  http(port: number, path = '/'): Promise<HttpAnswer> {
    const id = this.nextId++;
    return new Promise((res) => {
      this.waiting.set(id, (m) => res(m.type === 'http' ? m : { error: 'no answer' }));
      this.send({ type: 'http', id, port, path });
    });
  }

  terminate(): void {
    this.worker.terminate();
  }
}
