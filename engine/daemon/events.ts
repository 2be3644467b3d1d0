/**
 * The daemon's event log (`docker events`, and the stream the visualizer
 * subscribes to). Events are kept for replay with `--since`, as moby keeps
 * its last 256.
 */
import type { EngineEvent } from './types.ts';

const KEEP = 256;

export class Events {
  private readonly log: EngineEvent[] = [];
  private readonly listeners = new Set<(e: EngineEvent) => void>();

  constructor(private readonly now: () => number) {}

  emit(type: EngineEvent['Type'], action: string, id: string, attributes: Record<string, string> = {}): EngineEvent {
    const ms = this.now();
    // moby still fills the deprecated status/id/from of container and image events, first.
    const legacy = type === 'container' || type === 'image' ? { status: action, ...(id ? { id } : {}), ...(type === 'container' && attributes.image ? { from: attributes.image } : {}) } : {};
    const e: EngineEvent = { ...legacy, Type: type, Action: action, Actor: { ID: id, Attributes: attributes }, scope: 'local', time: Math.floor(ms / 1000), timeNano: Math.round(ms * 1e6) };
    this.log.push(e);
    if (this.log.length > KEEP) this.log.shift();
    for (const l of this.listeners) l(e);
    return e;
  }

  /** Events since `sinceMs` (inclusive), oldest first. */
  since(sinceMs: number): EngineEvent[] {
    return this.log.filter((e) => e.timeNano / 1e6 >= sinceMs);
  }

  subscribe(listener: (e: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
