import { ApiError } from './api.js';
import type { Key, Params } from './i18n.js';

/** What to say about a failed load: "server unreachable" or "error 500". */
export function errorDetail(e: unknown): { key: Key; params?: Params } {
  if (e instanceof ApiError && e.status > 0) return { key: 'error.status', params: { status: e.status } };
  return { key: 'error.network' };
}

type Translate = (key: Key, params?: Params) => string;

/**
 * What a form shows when a command fails: each problem+json field error under its field (when
 * `fieldOf` knows the path), and one message at the top for the rest, in the user's language.
 */
export function refusalOf(
  e: unknown,
  fieldOf: (path: string) => string | undefined,
  t: Translate,
): { message: string; fieldErrors: Record<string, string> } {
  if (e instanceof ApiError && e.status === 400 && e.problem?.errors?.length) {
    const general: string[] = [];
    const fieldErrors: Record<string, string> = {};
    for (const { path, message } of e.problem.errors) {
      const field = fieldOf(path);
      if (field) fieldErrors[field] = t('form.error.field', { message });
      else general.push(message);
    }
    // The fields say what is wrong; the server's English summary would only repeat it.
    const message = general.length > 0 ? t('form.error.refused', { message: general.join(' ') }) : t('form.error.invalid');
    return { message, fieldErrors };
  }
  if (e instanceof ApiError && [400, 404, 409].includes(e.status))
    return { message: t('form.error.refused', { message: e.problem?.detail ?? e.message }), fieldErrors: {} };
  const d = errorDetail(e);
  return { message: t('form.error.other', { detail: t(d.key, d.params) }), fieldErrors: {} };
}
