export interface Watchers {
  /** Adds a listener; the returned function removes it. */
  add(listener: () => void): () => void;
  /** New events may be readable: tell every listener once, soon (bursts coalesce). */
  notify(): void;
  /** Forgets every listener and stops polling. */
  close(): void;
}

/**
 * Listeners told "new events may be readable" once, soon, however many notifications come in a
 * burst. `onFirst` and `onLast` start and stop whatever watches the storage, so it runs only
 * while someone listens. Every adapter's watch() is built on this.
 */
export function createListeners(onFirst: () => void, onLast: () => void) {
  const listeners = new Set<() => void>();
  let scheduled = false;

  const deliver = (): void => {
    scheduled = false;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        // One faulty listener must neither stop the others nor fail the append that woke it.
        process.emitWarning(`event store watch listener failed: ${String(error)}`);
      }
    }
  };
  const notify = (): void => {
    if (scheduled || listeners.size === 0) return;
    scheduled = true;
    setImmediate(deliver);
  };
  const add = (listener: () => void): (() => void) => {
    listeners.add(listener);
    if (listeners.size === 1) onFirst();
    return () => {
      if (listeners.delete(listener) && listeners.size === 0) onLast();
    };
  };
  return { add, notify, clear: () => listeners.clear() };
}

/**
 * Listeners of a store, told after its own writes and whenever `poll` (a change counter of the
 * storage, such as SQLite's data_version) moves, which is how other processes' writes show up.
 * The poll runs on an unref'd timer so it never keeps a process alive.
 */
export function createWatchers(poll: () => number, intervalMs = 200): Watchers {
  let timer: NodeJS.Timeout | undefined;
  let lastSeen = 0;
  const stop = (): void => {
    clearInterval(timer);
    timer = undefined;
  };
  const tick = (): void => {
    let seen: number;
    try {
      seen = poll();
    } catch {
      // The storage is gone (closed): nothing more will change.
      stop();
      return;
    }
    if (seen !== lastSeen) listeners.notify();
    lastSeen = seen;
  };
  const start = (): void => {
    lastSeen = poll();
    timer = setInterval(tick, intervalMs).unref();
  };
  const listeners = createListeners(start, stop);
  const close = (): void => {
    listeners.clear();
    stop();
  };
  return { add: listeners.add, notify: listeners.notify, close };
}
