/**
 * Heavy pieces of one page made one at a time, each in a task of its own after the one before has
 * been painted: the first runs at once, the rest wait their turn. Laying out and drawing every
 * chart of the overview in one task kept the first chart off the screen until all were done.
 */
export interface Turns {
  /** Runs `work` now when nothing waits, else in its turn; the returned function cancels it if not yet run. */
  take(work: () => void): () => void;
}

/** `next(run)` calls `run` later, once the screen has been updated (in the browser: a frame, then a task). */
export function createTurns(next: (run: () => void) => void): Turns {
  const waiting: Array<() => void> = [];
  let busy = false;

  const runNext = (): void => {
    const work = waiting.shift();
    if (work === undefined) {
      busy = false;
      return;
    }
    next(runNext);
    work();
  };

  return {
    take(work) {
      if (!busy) {
        busy = true;
        next(runNext);
        work();
        return () => undefined;
      }
      waiting.push(work);
      return () => {
        const at = waiting.indexOf(work);
        if (at >= 0) waiting.splice(at, 1);
      };
    },
  };
}

/** After the next frame has been painted (a frame callback, then a task: the paint comes between). */
export function afterPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0));
}
