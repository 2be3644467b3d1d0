/**
 * A loader that runs once: `once(() => import('./x.ts'))` returns the same
 * promise on every call. A dynamic import of a module already loaded is
 * cheap in a bundle but not under a loader hook (tsx asks its worker every
 * time), and commands like `docker build` import on every run.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= load());
}
