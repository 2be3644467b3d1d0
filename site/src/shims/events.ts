/** A small EventEmitter with Node's API, for browser bundles of Node-style packages. */
type Listener = (...args: unknown[]) => void;

export class EventEmitter {
  private readonly handlers = new Map<string | symbol, Listener[]>();
  static defaultMaxListeners = 10;

  on(name: string | symbol, f: Listener): this {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), f]);
    return this;
  }
  addListener(name: string | symbol, f: Listener): this {
    return this.on(name, f);
  }
  prependListener(name: string | symbol, f: Listener): this {
    this.handlers.set(name, [f, ...(this.handlers.get(name) ?? [])]);
    return this;
  }
  once(name: string | symbol, f: Listener): this {
    const w: Listener = (...a) => {
      this.off(name, w);
      f(...a);
    };
    return this.on(name, w);
  }
  off(name: string | symbol, f: Listener): this {
    this.handlers.set(name, (this.handlers.get(name) ?? []).filter((x) => x !== f));
    return this;
  }
  removeListener(name: string | symbol, f: Listener): this {
    return this.off(name, f);
  }
  removeAllListeners(name?: string | symbol): this {
    if (name === undefined) this.handlers.clear();
    else this.handlers.delete(name);
    return this;
  }
  emit(name: string | symbol, ...args: unknown[]): boolean {
    const hs = this.handlers.get(name);
    if (!hs || hs.length === 0) return false;
    for (const h of [...hs]) h.apply(this, args);
    return true;
  }
  listeners(name: string | symbol): Listener[] {
    return [...(this.handlers.get(name) ?? [])];
  }
  listenerCount(name: string | symbol): number {
    return this.handlers.get(name)?.length ?? 0;
  }
  setMaxListeners(): this {
    return this;
  }
  getMaxListeners(): number {
    return EventEmitter.defaultMaxListeners;
  }
  eventNames(): (string | symbol)[] {
    return [...this.handlers.keys()];
  }
}

export default EventEmitter;
