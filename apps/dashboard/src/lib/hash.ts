/**
 * URLs of the dashboard's views, as pure functions: `#/indicator/1.1?asOf=2015-06-30&lang=en`.
 * The path names the page; the query carries everything the page shows.
 */
export type Params = Record<string, string>;

export interface Route {
  /** The path's segments: [] for the overview, ['indicator', '1.1'] for a detail page. */
  segments: string[];
  params: Params;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const cut = raw.indexOf('?');
  const path = cut < 0 ? raw : raw.slice(0, cut);
  const segments = path.split('/').filter(Boolean).map(safeDecode);
  const params: Params = {};
  for (const [k, v] of new URLSearchParams(cut < 0 ? '' : raw.slice(cut + 1))) if (v !== '') params[k] = v;
  return { segments, params };
}

/** The hash of a route; parameters in a stable order, so that one view has one URL. */
export function formatHash(segments: readonly string[], params: Params): string {
  const query = new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ).toString();
  return `#/${segments.map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
