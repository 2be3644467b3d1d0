/**
 * Wait queues: where a blocked process sleeps until something it waits for
 * may have happened (data in a pipe, a child's exit, a signal). Waking is a
 * hint: the sleeper checks its condition again, as in Linux.
 */
export class WaitQueue {
  private readonly sleepers = new Set<() => void>();

  /** Resolves at the next wake-up. */
  wait(): Promise<void> {
    return new Promise((resolve) => this.sleepers.add(resolve));
  }

  /** Adds a sleeper without a promise (for waiting on several queues at once). */
  add(wake: () => void): void {
    this.sleepers.add(wake);
  }

  remove(wake: () => void): void {
    this.sleepers.delete(wake);
  }

  wakeAll(): void {
    if (this.sleepers.size === 0) return;
    const all = [...this.sleepers];
    this.sleepers.clear();
    for (const wake of all) wake();
  }
}
