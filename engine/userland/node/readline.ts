/**
 * The `readline` module: an Interface that splits an input stream into
 * 'line' events, asks `question`s, and shows a prompt. Line editing is the
 * terminal's own (canonical mode), as with Node when input is not a TTY.
 */
import type { NodeContext } from './context.ts';
import { EventEmitter, emitterInit, type EventEmitter as Emitter } from './events.ts';

type Stream = Emitter & { write?: (s: string) => unknown; pause?: () => unknown; resume?: () => unknown; setEncoding?: (e: string) => unknown };

export function makeReadline(ctx: NodeContext) {
  class Interface extends (EventEmitter as unknown as new () => Emitter) {
    line = '';
    terminal: boolean;
    closed = false;
    private buffer = '';
    private promptText = '> ';
    private asking: ((answer: string) => void) | undefined;
    private readonly queue: string[] = [];
    private waiting: ((r: IteratorResult<string>) => void) | undefined;

    constructor(readonly input: Stream, readonly output?: Stream, _completer?: unknown, terminal?: boolean) {
      super();
      emitterInit(this);
      this.terminal = !!terminal;
      const onData = (chunk: unknown) => {
        this.buffer += String(chunk);
        let nl: number;
        while ((nl = this.buffer.indexOf('\n')) >= 0) {
          const line = this.buffer.slice(0, nl).replace(/\r$/, '');
          this.buffer = this.buffer.slice(nl + 1);
          this.deliver(line);
        }
      };
      const onEnd = () => {
        if (this.buffer) this.deliver(this.buffer);
        this.buffer = '';
        this.close();
      };
      input.on('data', onData);
      input.on('end', onEnd);
      this.once('close', () => {
        input.removeListener('data', onData);
        input.removeListener('end', onEnd);
        input.pause?.();
      });
    }

    private deliver(line: string): void {
      if (this.closed) return;
      const ask = this.asking;
      if (ask) {
        this.asking = undefined;
        ask(line);
        return;
      }
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = undefined;
        w({ value: line, done: false });
      } else if (this.listenerCount('line') === 0 && this.iterating) this.queue.push(line);
      this.emit('line', line);
    }
    private iterating = false;

    setPrompt(p: string): void {
      this.promptText = p;
    }
    getPrompt(): string {
      return this.promptText;
    }
    prompt(): void {
      this.output?.write?.(this.promptText);
      this.input.resume?.();
    }
    question(query: string, options?: unknown, cb?: (answer: string) => void): void {
      if (typeof options === 'function') cb = options as (answer: string) => void;
      this.output?.write?.(query);
      this.asking = cb;
      this.input.resume?.();
    }
    write(data: string): void {
      this.output?.write?.(data);
    }
    pause(): this {
      this.input.pause?.();
      this.emit('pause');
      return this;
    }
    resume(): this {
      this.input.resume?.();
      this.emit('resume');
      return this;
    }
    close(): void {
      if (this.closed) return;
      this.closed = true;
      this.emit('close');
      this.waiting?.({ value: undefined, done: true });
    }
    [Symbol.asyncIterator](): AsyncIterator<string> {
      this.iterating = true;
      return {
        next: () => {
          const line = this.queue.shift();
          if (line !== undefined) return Promise.resolve({ value: line, done: false });
          if (this.closed) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve) => (this.waiting = resolve));
        },
        return: () => {
          this.close();
          return Promise.resolve({ value: undefined, done: true });
        },
      };
    }
  }

  const createInterface = (input: Stream | { input: Stream; output?: Stream; terminal?: boolean; prompt?: string }, output?: Stream) => {
    const o = 'input' in input && !('on' in input) ? input : { input: input as Stream, output };
    const rl = new Interface(o.input, o.output, undefined, (o as { terminal?: boolean }).terminal);
    if ((o as { prompt?: string }).prompt !== undefined) rl.setPrompt((o as { prompt: string }).prompt);
    return rl;
  };
  const escapes = {
    clearLine: (s: Stream, dir = 0) => s.write?.(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K'),
    cursorTo: (s: Stream, x: number, y?: number) => s.write?.(y === undefined ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`),
    moveCursor: (s: Stream, dx: number, dy: number) => s.write?.(`${dx ? `\x1b[${Math.abs(dx)}${dx > 0 ? 'C' : 'D'}` : ''}${dy ? `\x1b[${Math.abs(dy)}${dy > 0 ? 'B' : 'A'}` : ''}`),
    clearScreenDown: (s: Stream) => s.write?.('\x1b[0J'),
    emitKeypressEvents: () => undefined,
  };
  const promises = {
    Interface,
    createInterface: (...args: Parameters<typeof createInterface>) => {
      const rl = createInterface(...args);
      const ask = rl.question.bind(rl);
      (rl as unknown as { question: (q: string) => Promise<string> }).question = (q: string) => new ctx.Promise((resolve) => ask(q, resolve));
      return rl;
    },
  };
  return { Interface, createInterface, promises, ...escapes };
}
