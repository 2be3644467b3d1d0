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
import { LEARNER, lineBatches, type Machine } from '../../../engine/index.ts';
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
    for (const line of lines) post({ type: 'event', event: JSON.parse(line) as EngineEvent });
  }
}

async function boot(msg: Extract<ToWorker, { type: 'boot' }>): Promise<void> {
  const lesson = { id: '00-page', order: 1, chapter: 'basics' as const, concepts: ['page'], steps: [], setup: msg.setup };
  const m = await prepareMachine(browserPlatform(), lesson as never, msg.files ?? {});
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
  post({ type: 'ready' });
  for (const p of pending.splice(0)) await handle(p);
}

async function handle(msg: ToWorker): Promise<void> {
  if (msg.type === 'boot') {
    try {
      await boot(msg);
    } catch (err) {
      post({ type: 'failed', message: (err as Error).message });
    }
    return;
  }
  if (!machine || !tty) {
    pending.push(msg);
    return;
  }
  switch (msg.type) {
    case 'input':
      tty.input(encoder.encode(msg.data));
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
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => void handle(e.data);
