import { ApiError } from './api.js';
import type { Key, Params } from './i18n.js';

/** What to say about a failed load: "server unreachable" or "error 500". */
export function errorDetail(e: unknown): { key: Key; params?: Params } {
  if (e instanceof ApiError && e.status > 0) return { key: 'error.status', params: { status: e.status } };
  return { key: 'error.network' };
}
