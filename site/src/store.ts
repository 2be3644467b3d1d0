/**
 * The browser's IndexedDB, as Berth keeps things in it: one database with a
 * store for saved machines (the engine's whole state, one record per lesson
 * and one for the playground; the worker writes them) and a store for lesson
 * progress (the page writes it). Without IndexedDB (some private windows),
 * reads find nothing and writes are dropped: the site still works, it only
 * forgets on reload.
 */
const DB_NAME = 'berth';
const DB_VERSION = 1;
export type StoreName = 'machines' | 'progress';

let opening: Promise<IDBDatabase | undefined> | undefined;

function open(): Promise<IDBDatabase | undefined> {
  return (opening ??= new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB_NAME, DB_VERSION);
    } catch {
      resolve(undefined);
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of ['machines', 'progress']) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(undefined);
    req.onblocked = () => resolve(undefined);
  }));
}

function request<T>(store: StoreName, mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        if (!db) {
          resolve(undefined);
          return;
        }
        const tx = db.transaction(store, mode);
        const req = op(tx.objectStore(store));
        // A write counts once its transaction has committed.
        tx.oncomplete = () => resolve(req.result as T);
        tx.onerror = () => reject(tx.error ?? req.error);
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

export const idbGet = <T>(store: StoreName, key: string) => request<T>(store, 'readonly', (s) => s.get(key));
export const idbPut = (store: StoreName, key: string, value: unknown) => request<IDBValidKey>(store, 'readwrite', (s) => s.put(value, key)).then(() => undefined);
export const idbDelete = (store: StoreName, key: string) => request<undefined>(store, 'readwrite', (s) => s.delete(key)).then(() => undefined);

/** Every record of a store, by key (one transaction, so keys and values agree). */
export async function idbEntries<T>(store: StoreName): Promise<[string, T][]> {
  const db = await open();
  if (!db) return [];
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readonly');
    const keys = tx.objectStore(store).getAllKeys();
    const values = tx.objectStore(store).getAll();
    tx.oncomplete = () => resolve(keys.result.map((k, i) => [String(k), values.result[i] as T]));
    tx.onerror = () => reject(tx.error);
  });
}

// ---- lesson progress ------------------------------------------------------------

export interface Progress {
  done: string[];
  /** Steps whose solution the learner opened (noted, not hidden). */
  solutions: string[];
}

export async function loadProgress(lessonId: string): Promise<Progress> {
  try {
    const p = await idbGet<Progress>('progress', lessonId);
    return { done: p?.done ?? [], solutions: p?.solutions ?? [] };
  } catch {
    return { done: [], solutions: [] };
  }
}

export function saveProgress(lessonId: string, p: Progress): Promise<void> {
  return idbPut('progress', lessonId, { done: [...p.done], solutions: [...p.solutions] }).catch(() => undefined);
}

export async function allProgress(): Promise<Map<string, Progress>> {
  try {
    return new Map(await idbEntries<Progress>('progress'));
  } catch {
    return new Map();
  }
}
