/**
 * A small hash router: `#/indicator/1.1?asOf=2015-06-30&at=120&lang=en`. The path names the page,
 * the query carries everything the page shows (so a pasted link opens the same view), and the
 * browser's history does back and forward. The hash keeps the server out of it: the API serves
 * one index.html and never sees the view's state.
 */
import { formatHash, parseHash, type Params, type Route } from './hash.js';

export type { Params, Route };

/** Parameters every page keeps when the user moves between pages. */
export const GLOBAL_PARAMS = ['asOf', 'at', 'atTime', 'lang'] as const;

export const route = $state<Route>(parseHash(globalThis.location?.hash ?? ''));

globalThis.addEventListener?.('hashchange', () => {
  const next = parseHash(location.hash);
  route.segments = next.segments;
  route.params = next.params;
});

/** A link to a page, keeping the global parameters (date, known-at, language) of the current view. */
export function href(segments: readonly string[], params: Params = {}): string {
  const kept: Params = {};
  for (const name of GLOBAL_PARAMS) if (route.params[name]) kept[name] = route.params[name];
  return formatHash(segments, { ...kept, ...params });
}

/** Changes parameters of the current page; `undefined` removes one. A new history entry unless `replace`. */
export function setParams(changes: Record<string, string | undefined>, replace = false): void {
  const params: Params = { ...route.params };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') delete params[k];
    else params[k] = v;
  }
  const next = formatHash(route.segments, params);
  if (next === location.hash) return;
  if (replace) history.replaceState(history.state, '', next);
  else history.pushState(history.state, '', next);
  route.params = parseHash(next).params;
}
