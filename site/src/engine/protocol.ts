/**
 * Messages between the page and the engine's Web Worker. The worker owns the
 * emulated machine (host, daemon, Engine API); the page only draws: terminal
 * bytes go in and out, lesson checks and Engine API reads are requests with
 * an id, and the daemon's events are forwarded as they happen.
 */
import type { Check } from '../../../lessons/schema.ts';

export interface LessonSetup {
  pull?: string[];
  commands?: string[];
  cwd?: string;
}

export type ToWorker =
  | {
      type: 'boot';
      /** Where the machine is saved in IndexedDB ('lesson:<id>', 'playground'). */
      machine: string;
      /** Forget the saved machine and start from the lesson's setup (Reset lesson). */
      fresh?: boolean;
      /** Where the site serves the hub's bundled images (hub-seed.bin). */
      hubSeed?: string;
      setup?: LessonSetup;
      files?: Record<string, string>;
      cols: number;
      rows: number;
    }
  /** Save now if anything changed (the page is going away). */
  | { type: 'flush' }
  | { type: 'input'; data: string }
  | { type: 'resize'; cols: number; rows: number }
  | { type: 'check'; id: number; checks: Check[] }
  | { type: 'api'; id: number; path: string; query?: Record<string, string> }
  /** A GET to a port on the emulated host's loopback (what a published port serves: the preview pane). */
  | { type: 'http'; id: number; port: number; path: string };

export type FromWorker =
  /**
   * `restored`: booted from a saved machine (when it was saved), not from the setup.
   * `unreadable`: a saved machine was found but could not be restored (when it was
   * saved); it is kept aside under another key and this one started afresh.
   */
  | { type: 'ready'; restored?: number; unreadable?: number }
  /** Another tab has this machine: the worker asked it to hand over and waits. */
  | { type: 'waiting' }
  /** Another tab asked for this machine: it was saved one last time and handed over; this worker is done. */
  | { type: 'moved' }
  /** The machine was saved to IndexedDB (when, in ms since the epoch). */
  | { type: 'saved'; at: number }
  | { type: 'save-failed'; message: string }
  /** Files the worker has loaded (its code chunks), for the service worker to keep for offline use. */
  | { type: 'resources'; urls: string[] }
  | { type: 'output'; data: Uint8Array }
  | { type: 'checked'; id: number; results: boolean[] }
  | { type: 'api'; id: number; body?: unknown; error?: string }
  | ({ type: 'http'; id: number } & HttpAnswer)
  | { type: 'event'; event: EngineEvent }
  | { type: 'failed'; message: string };

/** A daemon event as GET /events sends it. */
export interface EngineEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  time: number;
}

/** What a GET on the host's loopback got: the page (as text), or an error and its code (ECONNREFUSED, empty, ETIMEDOUT…). */
export interface HttpAnswer {
  status?: number;
  statusText?: string;
  contentType?: string;
  body?: string;
  error?: string;
  code?: string;
}
