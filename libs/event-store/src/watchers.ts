export interface Watchers {
  /** Adds a listener; the returned function removes it. */
  add(listener: () => void): () => void;
  /** New events may be readable: tell every listener once, soon (bursts coalesce). */
  notify(): void;
  /** Forgets every listener and stops polling. */
  close(): void;
}

/**
 * Listeners of a store, told after its own writes and whenever `poll` (a change counter of the
 * storage, such as SQLite's data_version) moves, which is how other processes' writes show up.
 * The poll runs only while someone listens, on an unref'd timer so it never keeps a process alive.
 */
export function createWatchers(poll: () => number, intervalMs = 200): Watchers {
  const listeners = new Set<() => void>();
  let timer: NodeJS.Timeout | undefined;
  let scheduled = false;
  let lastSeen = 0;

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
  const tick = (): void => {
    let seen: number;
    try {
      seen = poll();
    } catch {
      // The storage is gone (closed): nothing more will change.
      stop();
      return;
    }
    if (seen !== lastSeen) notify();
    lastSeen = seen;
  };
  const stop = (): void => {
    clearInterval(timer);
    timer = undefined;
  };
  const add = (listener: () => void): (() => void) => {
    listeners.add(listener);
    if (timer === undefined) {
      lastSeen = poll();
      timer = setInterval(tick, intervalMs).unref();
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) stop();
    };
  };
  const close = (): void => {
    listeners.clear();
    stop();
  };
  return { add, notify, close };
}
