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
  | { type: 'boot'; setup?: LessonSetup; files?: Record<string, string>; cols: number; rows: number }
  | { type: 'input'; data: string }
  | { type: 'resize'; cols: number; rows: number }
  | { type: 'check'; id: number; checks: Check[] }
  | { type: 'api'; id: number; path: string; query?: Record<string, string> };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'output'; data: Uint8Array }
  | { type: 'checked'; id: number; results: boolean[] }
  | { type: 'api'; id: number; body?: unknown; error?: string }
  | { type: 'event'; event: EngineEvent }
  | { type: 'failed'; message: string };

/** A daemon event as GET /events sends it. */
export interface EngineEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  time: number;
}
