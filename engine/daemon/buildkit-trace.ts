/**
 * BuildKit's progress stream: what a build reports while it runs, as
 * `client.SolveStatus` updates — vertexes (steps) starting, finishing,
 * cached or failed; statuses under a vertex (`transferring context: 2B`);
 * the logs of RUN; warnings from the build checks.
 *
 * moby's POST /build?version=2 sends each update as a JSON message
 * `{"id":"moby.buildkit.trace","aux":…}`; moby encodes the aux as protobuf,
 * Berth as the same structure in JSON (Go's field names, `[]byte` as base64,
 * times as RFC 3339). The client (engine/cli/progressui.ts) prints them as
 * BuildKit's plain or tty display does.
 */
import { rfc3339Nano } from '../common/time.ts';
import { encodeBase64 as base64Encode } from '../common/base64.ts';
import { utf8 } from '../common/bytes.ts';
import type { JsonMessage } from './types.ts';

export interface VertexJson {
  digest: string;
  inputs?: string[];
  name: string;
  started?: string;
  completed?: string;
  cached?: boolean;
  error?: string;
}

export interface StatusJson {
  id: string;
  vertex: string;
  name?: string;
  total?: number;
  current: number;
  timestamp: string;
  started?: string;
  completed?: string;
}

export interface LogJson {
  vertex: string;
  stream: number;
  data: string;
  timestamp: string;
}

export interface WarningJson {
  vertex: string;
  level: number;
  short: string;
  detail?: string[];
  url?: string;
  sourceInfo?: { filename: string; data: string };
  range?: { start: { line: number }; end: { line: number } }[];
}

export interface SolveStatusJson {
  vertexes?: VertexJson[];
  statuses?: StatusJson[];
  logs?: LogJson[];
  warnings?: WarningJson[];
}

export const TRACE_ID = 'moby.buildkit.trace';

/** One step of the build as the progress display shows it. */
export class Vertex {
  private startedAt?: number;
  private ended = false;

  constructor(
    private readonly trace: Trace,
    readonly digest: string,
    readonly name: string,
  ) {}

  start(): this {
    if (this.startedAt === undefined) {
      this.startedAt = this.trace.now();
      this.trace.send({ vertexes: [this.json({ started: this.startedAt })] });
    }
    return this;
  }

  get running(): boolean {
    return this.startedAt !== undefined && !this.ended;
  }

  /** A status line under the vertex that completes at once (`transferring context: 2B done`). */
  status(id: string, current = 0, total = 0, started?: number): void {
    this.start();
    const now = this.trace.now();
    const s = started ?? now;
    this.trace.send({ statuses: [{ id, vertex: this.digest, current, ...(total ? { total } : {}), timestamp: rfc3339Nano(now), started: rfc3339Nano(s), completed: rfc3339Nano(now) }] });
  }

  log(stream: 1 | 2, data: Uint8Array): void {
    this.start();
    this.trace.send({ logs: [{ vertex: this.digest, stream, data: base64Encode(data), timestamp: rfc3339Nano(this.trace.now()) }] });
  }

  done(): void {
    this.finish({});
  }

  cached(): void {
    this.finish({ cached: true });
  }

  fail(message: string): void {
    this.finish({ error: message });
  }

  private finish(extra: { cached?: boolean; error?: string }): void {
    if (this.ended) return;
    this.start();
    this.ended = true;
    this.trace.send({ vertexes: [this.json({ started: this.startedAt!, completed: this.trace.now(), ...extra })] });
  }

  private json(o: { started: number; completed?: number; cached?: boolean; error?: string }): VertexJson {
    const { started, completed, ...rest } = o;
    return { digest: this.digest, name: this.name, ...rest, started: rfc3339Nano(started), ...(completed !== undefined ? { completed: rfc3339Nano(completed) } : {}) };
  }
}

export class Trace {
  private seq = 0;
  readonly vertexes: Vertex[] = [];

  constructor(
    private readonly emit: (m: JsonMessage) => void,
    readonly now: () => number,
    private readonly nonce: string,
  ) {}

  send(status: SolveStatusJson): void {
    this.emit({ id: TRACE_ID, aux: status } as unknown as JsonMessage);
  }

  /** A new vertex; its digest is unique in this build. */
  vertex(name: string): Vertex {
    const v = new Vertex(this, `sha256:${this.nonce}${(this.seq++).toString(16).padStart(8, '0')}`, name);
    this.vertexes.push(v);
    return v;
  }

  warn(v: Vertex | undefined, short: string, detail: string[], url: string, source?: { filename: string; data: string; start: number; end: number }): void {
    this.send({
      warnings: [
        {
          vertex: v?.digest ?? '',
          level: 1,
          short: base64Encode(utf8(short)),
          detail: detail.map((d) => base64Encode(utf8(d))),
          url,
          ...(source ? { sourceInfo: { filename: source.filename, data: base64Encode(utf8(source.data)) }, range: [{ start: { line: source.start }, end: { line: source.end } }] } : {}),
        },
      ],
    });
  }
}
