/**
 * A read that follows the view's moment: it re-runs when the moment changes and, for a view of
 * now, when live updates report a new log position. The last answer stays shown while the next
 * one loads (nobody loses their place); an answer to an older question is dropped.
 * Call during a component's initialisation.
 */
import { isAbort } from './api.js';
import { live } from './live.svelte.js';
import { momentQuery, type Moment } from './time-travel.js';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  retry: () => void;
}

export function loadAtMoment<T>(moment: () => Moment, fetch: (query: Record<string, string>, signal: AbortSignal) => Promise<T>): Loaded<T> {
  let attempt = $state(0);
  const state = $state<Loaded<T>>({ data: null, error: null, retry: () => attempt++ });
  $effect(() => {
    void attempt;
    const m = moment();
    const query = momentQuery(m, m.live ? live.position : undefined);
    const controller = new AbortController();
    fetch(query, controller.signal)
      .then((data) => {
        state.data = data;
        state.error = null;
      })
      .catch((e) => isAbort(e) || (state.error = e));
    return () => controller.abort();
  });
  return state;
}
