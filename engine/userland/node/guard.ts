/**
 * The time budget of one synchronous slice of a learner's JavaScript.
 *
 * Instrumented code (./instrument.ts) calls `check` at the head of every
 * loop iteration, function and catch block. The first call after the JS
 * engine last got a macrotask turn starts a slice and asks for a turn
 * (setTimeout 0); that callback ends the slice. Code that never gives the
 * engine a turn — `while (true) {}`, endless recursion over the tree of
 * fib(60), an async loop of `await null` — keeps its slice open, and once it
 * is older than the budget `check` throws `RunawayScript`. From then on
 * every check throws again, so a `catch` (which starts with a check) or an
 * enclosing loop cannot swallow it; the event loop (./loop.ts) sees
 * `tripped` and ends the process with a message.
 *
 * Real Node would spin for ever; the emulator cannot, since the script
 * shares its thread with the page. README's "emulation differences" says so.
 */

/** How long one synchronous slice may run, in ms. */
export const SLICE_BUDGET_MS = 1500;

export class RunawayScript extends Error {
  override readonly name = 'RunawayScript';
  constructor() {
    super(`the script ran for more than ${SLICE_BUDGET_MS / 1000} s without returning to the event loop`);
  }
}

/** Thrown by checks once the process is ending (process.exit, a fatal error): nothing more of the script runs. */
export class ProcessEnding extends Error {
  override readonly name = 'ProcessEnding';
}

export class Guard {
  tripped = false;
  /** Set when the process is ending for another reason: every check then throws. */
  ending = false;
  /** The stack when the budget ran out: where the loop was. */
  trippedStack = '';
  private start = 0;
  private inSlice = false;
  private calls = 0;

  constructor(private readonly budgetMs = SLICE_BUDGET_MS) {}

  readonly check = (): void => {
    if (this.tripped) throw new RunawayScript();
    if (this.ending) throw new ProcessEnding('exiting');
    if (!this.inSlice) {
      this.inSlice = true;
      this.start = performance.now();
      setTimeout(() => (this.inSlice = false), 0);
      return;
    }
    if ((++this.calls & 63) !== 0) return;
    if (performance.now() - this.start > this.budgetMs) {
      this.tripped = true;
      const err = new RunawayScript();
      this.trippedStack = err.stack ?? '';
      throw err;
    }
  };
}
