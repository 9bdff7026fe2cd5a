import { createHash } from 'node:crypto';

/**
 * The views the read models answered at their current position, by query: until the position
 * moves, the same query gets the same object, and its JSON is written once (see `asJson`). A view
 * at a past position would stay right, but the whole cache goes when the position moves, which
 * keeps it small and never stale.
 */
export class ViewCache<V extends object> {
  private position = -1;
  private readonly views = new Map<string, V>();

  constructor(private readonly limit = 64) {}

  get(position: number, key: string, make: () => V): V {
    if (position !== this.position) {
      this.views.clear();
      this.position = position;
    }
    let view = this.views.get(key);
    if (view === undefined) {
      if (this.views.size >= this.limit) this.views.clear();
      view = make();
      this.views.set(key, view);
    }
    return view;
  }
}

export interface JsonBody {
  body: string;
  /** A strong validator of exactly these bytes. */
  etag: string;
}

const written = new WeakMap<object, JsonBody>();

/** `view` as JSON text with its ETag, written once per object (views are never changed once made). */
export function asJson(view: object): JsonBody {
  let json = written.get(view);
  if (json === undefined) {
    const body = JSON.stringify(view);
    json = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    written.set(view, json);
  }
  return json;
}

/**
 * If-None-Match against our (strong) ETag, compared weakly as RFC 9110 says for this header; a
 * request's `Cache-Control: no-cache` (which fetch adds to any conditional request) does not
 * stop a 304 from the origin.
 */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
