/**
 * The engine's Web Worker: one emulated machine per page. It boots the
 * learner's host with its Docker daemon, prepares the lesson's starting
 * state, runs a login shell on a pseudo-terminal and answers the page.
 * Everything the page shows comes from here: terminal output, the Engine
 * API (diagrams) and lesson checks.
 */
/// <reference lib="webworker" />
import './polyfill.ts';
import { browserPlatform } from '../../../engine/platform/browser/index.ts';
import { bootLearnerMachine, httpGet, LEARNER, lineBatches, saveMachine, type Machine, type MachineState } from '../../../engine/index.ts';
import { idbDelete, idbGet, idbPut } from '../store.ts';
import { evaluate } from '../../../lessons/checks.ts';
import { prepareMachine } from '../../../lessons/validate.ts';
import type { FromWorker, ToWorker, EngineEvent } from './protocol.ts';

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);
const encoder = new TextEncoder();

let machine: Machine | undefined;
let tty: ReturnType<Machine['host']['machine']['kernel']['createPty']> | undefined;
const pending: ToWorker[] = [];

function startShell(m: Machine, cwd?: string): void {
  const session = m.host.attach(['-sh'], tty!, { path: '/bin/sh', ...(cwd ? { cwd } : {}) });
  // `exit` ends the login shell; a terminal on a page just opens a new one.
  void session.ended.then(() => {
    tty!.emit(encoder.encode('\r\n'));
    startShell(m);
  });
}

async function followEvents(m: Machine): Promise<void> {
  for await (const lines of lineBatches(await m.api.stream('GET', '/events'))) {
    if (saver) saver.events += lines.length;
    for (const line of lines) post({ type: 'event', event: JSON.parse(line) as EngineEvent });
  }
}

/** The machine as it was saved, or undefined (none, or unreadable: then it is kept aside, never overwritten). */
async function savedMachine(key: string, fresh: boolean): Promise<MachineState | undefined> {
  if (fresh) {
    await idbDelete('machines', key).catch(() => undefined);
    return undefined;
  }
  try {
    return await idbGet<MachineState>('machines', key);
  } catch {
    return undefined;
  }
}

/** The hub's bundled images as the site serves them; undefined (build them here) when offline or missing. */
async function fetchSeed(url: string | undefined): Promise<Uint8Array | undefined> {
  if (!url) return undefined;
  try {
    // Revalidated, not refetched: a new site version brings new images.
    const res = await fetch(url, { cache: 'no-cache' });
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  }
}

// ---- one tab per machine ----------------------------------------------------------
//
// A machine is saved by one tab at a time. The worker that runs it holds a Web
// Lock named after its record; a worker that wants it while another tab has
// it asks that tab (over a BroadcastChannel) to hand over. The holder saves one
// last time, stops, and releases the lock; the asker then reads the record, so
// the machine moves to the newest tab with nothing lost. A holder that does not
// answer (a hung tab) is waited for HANDOVER_TIMEOUT_MS, then both run and the
// last save wins, as before this existed.

const HANDOVER_TIMEOUT_MS = 5000;
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('berth-machines') : undefined;
let owned: { key: string; release: () => void } | undefined;
let handoverAsked = false;
let movedAway = false;

/** Takes the machine's lock, from another tab if need be; false when it could not be had in time (or locks are missing). */
async function claim(key: string): Promise<boolean> {
  const locks = (self.navigator as WorkerNavigator & { locks?: LockManager }).locks;
  if (!locks) return false;
  const name = `berth:machine:${key}`;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const take = (options: LockOptions) =>
    new Promise<boolean>((granted) => {
      locks
        .request(name, options, async (lock) => {
          granted(lock !== null);
          if (lock) await held;
        })
        .catch(() => granted(false));
    });
  let got = await take({ ifAvailable: true });
  if (!got) {
    channel?.postMessage({ type: 'handover', machine: key });
    // A worker this tab has just ended (Reset lesson) lets go in a moment; only another tab takes longer.
    const saying = setTimeout(() => post({ type: 'waiting' }), 300);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), HANDOVER_TIMEOUT_MS);
    got = await take({ signal: abort.signal });
    clearTimeout(timer);
    clearTimeout(saying);
    if (!got) console.warn(`berth: another tab keeps the machine "${key}"; both will save it, and the last save wins`);
  }
  if (got) owned = { key, release };
  return got;
}

if (channel) {
  channel.onmessage = (e: MessageEvent<{ type?: string; machine?: string }>) => {
    if (e.data?.type !== 'handover' || !owned || e.data.machine !== owned.key) return;
    // Still booting: hand over once the machine is up and saved.
    if (!saver) handoverAsked = true;
    else void handOver();
  };
}

async function handOver(): Promise<void> {
  if (movedAway || !owned) return;
  movedAway = true;
  await saver?.stop();
  owned.release();
  owned = undefined;
  post({ type: 'moved' });
}

async function boot(msg: Extract<ToWorker, { type: 'boot' }>): Promise<void> {
  const platform = browserPlatform();
  const hubSeed = fetchSeed(msg.hubSeed);
  // The lock comes before the record is read (or forgotten, on reset).
  await claim(msg.machine);
  const saved = await savedMachine(msg.machine, msg.fresh ?? false);
  let m: Machine | undefined;
  let unreadable: number | undefined;
  if (saved) {
    try {
      m = bootLearnerMachine(platform, { state: saved, hubSeed });
      await m.restored;
    } catch (err) {
      // An older or damaged record: keep it under another key and start afresh.
      console.warn(`berth: the saved machine could not be restored: ${(err as Error).message}`);
      await idbPut('machines', `${msg.machine}:unreadable:${saved.savedAt}`, saved).catch(() => undefined);
      unreadable = typeof saved.savedAt === 'number' ? saved.savedAt : Date.now();
      m = undefined;
    }
  }
  const restored = m ? saved!.savedAt : undefined;
  if (!m) {
    const lesson = { id: '00-page', order: 1, chapter: 'basics' as const, concepts: ['page'], steps: [], setup: msg.setup };
    m = await prepareMachine(platform, lesson as never, msg.files ?? {}, { hubSeed });
  }
  machine = m;
  tty = m.host.machine.kernel.createPty();
  tty.resize({ cols: msg.cols, rows: msg.rows });
  tty.onOutput((bytes: Uint8Array) => {
    const copy = bytes.slice();
    post({ type: 'output', data: copy }, [copy.buffer]);
  });
  tty.emit(encoder.encode(m.host.readFile('/etc/motd')));
  startShell(m, msg.setup?.cwd);
  void followEvents(m);
  saver = new Saver(m, msg.machine);
  // A fresh machine is saved at once: a reload right away finds the lesson's start, not a new one.
  if (!restored) void saver.save();
  post({ type: 'ready', ...(restored ? { restored } : {}), ...(unreadable ? { unreadable } : {}) });
  reportResources();
  if (handoverAsked) void handOver();
  for (const p of pending.splice(0)) await handle(p);
}

/**
 * Saves the machine to IndexedDB about twice a second while it changes: the
 * disk (files, layers, volumes), the daemon's events, container output and
 * typing all count as change. One save at a time; a save takes a few
 * milliseconds for a lesson's machine (test/bench/persist.ts). Every save
 * writes the whole machine, so a big one (a learner's 100 MB file takes some
 * 200 ms) is saved less often: the worker spends at most a fifth of its time
 * saving, and the terminal stays quick.
 */
class Saver {
  private lastMark = '';
  private saving: Promise<void> | undefined;
  private stopped = false;
  /** How long the last save took (ms). */
  private lastCost = 0;
  typed = 0;
  events = 0;

  constructor(
    private readonly m: Machine,
    private readonly key: string,
  ) {
    const tick = () => {
      if (this.stopped) return;
      void this.saveIfChanged().finally(() => setTimeout(tick, Math.max(SAVE_INTERVAL_MS, SAVE_COST_FACTOR * this.lastCost)));
    };
    setTimeout(tick, SAVE_INTERVAL_MS);
  }

  /** Saves what changed one last time (after any save under way) and saves no more. */
  async stop(): Promise<void> {
    await this.saving;
    await this.saveIfChanged();
    this.stopped = true;
  }

  private mark(): string {
    let logs = 0;
    for (const c of this.m.daemon.containers.values()) logs += c.logBytes + c.logs.length;
    return `${this.m.host.disk.generation}/${this.events}/${this.typed}/${logs}/${this.m.daemon.containers.size}`;
  }

  async saveIfChanged(): Promise<void> {
    if (this.mark() !== this.lastMark) await this.save();
  }

  save(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return (this.saving ??= this.write().finally(() => (this.saving = undefined)));
  }

  private async write(): Promise<void> {
    const started = performance.now();
    try {
      const mark = this.mark();
      const state = saveMachine(this.m);
      await idbPut('machines', this.key, state);
      this.lastCost = performance.now() - started;
      this.lastMark = mark;
      post({ type: 'saved', at: state.savedAt });
    } catch (err) {
      post({ type: 'save-failed', message: (err as Error).message });
    }
  }
}

const SAVE_INTERVAL_MS = 500;
/** The pause after a save is at least this many times as long as the save took. */
const SAVE_COST_FACTOR = 4;

/** Tells the page what code this worker has loaded since it last asked (the page hands it to the service worker). */
function reportResources(): void {
  let told = 0;
  const tick = () => {
    const entries = performance.getEntriesByType('resource');
    if (entries.length > told) post({ type: 'resources', urls: entries.slice(told).map((e) => e.name) });
    told = entries.length;
    setTimeout(tick, 5000);
  };
  setTimeout(tick, 2000);
}
let saver: Saver | undefined;


async function handle(msg: ToWorker): Promise<void> {
  if (msg.type === 'boot') {
    try {
      await boot(msg);
    } catch (err) {
      post({ type: 'failed', message: (err as Error).message });
    }
    return;
  }
  // Handed over to another tab: this machine neither runs commands nor saves any more.
  if (movedAway) return;
  if (!machine || !tty) {
    pending.push(msg);
    return;
  }
  switch (msg.type) {
    case 'input':
      tty.input(encoder.encode(msg.data));
      if (saver) saver.typed++;
      return;
    case 'flush':
      await saver?.saveIfChanged();
      return;
    case 'resize':
      tty.resize({ cols: msg.cols, rows: msg.rows });
      return;
    case 'check': {
      const ctx = { api: machine.api, host: machine.host, home: LEARNER.home };
      const results: boolean[] = [];
      for (const c of msg.checks) {
        try {
          results.push(await evaluate(c, ctx));
        } catch {
          results.push(false);
        }
      }
      post({ type: 'checked', id: msg.id, results });
      return;
    }
    case 'api':
      try {
        post({ type: 'api', id: msg.id, body: await machine.api.get(msg.path, msg.query) });
      } catch (err) {
        post({ type: 'api', id: msg.id, error: (err as Error).message });
      }
      return;
    case 'http':
      try {
        const r = await httpGet(machine.host.machine.kernel, { port: msg.port, path: msg.path });
        const contentType = r.headers.find(([n]) => n === 'content-type')?.[1] ?? '';
        post({ type: 'http', id: msg.id, status: r.status, statusText: r.statusText, contentType, body: new TextDecoder().decode(r.body) });
      } catch (err) {
        const e = err as Error & { code?: string; kind?: string };
        post({ type: 'http', id: msg.id, error: e.message, code: e.code ?? e.kind ?? '' });
      }
      return;
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => void handle(e.data);
