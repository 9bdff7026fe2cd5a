/** The trainings table's filters and sort, read from the URL, as pure functions. */
import type { TrainingRow } from '@jalon/contracts';
import type { Params } from './hash.js';

export const SORT_KEYS = ['date', 'audience', 'region', 'participants', 'tested'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface TableState {
  audience?: string;
  region?: string;
  /** Inclusive date bounds (a donor's grouped rows are filtered by their quarter's dates). */
  from?: string;
  to?: string;
  sort: SortKey;
  descending: boolean;
}

export function tableStateOf(params: Params): TableState {
  const sort = (SORT_KEYS as readonly string[]).includes(params.sort ?? '') ? (params.sort as SortKey) : 'date';
  return { audience: params.audience, region: params.region, from: params.from, to: params.to, sort, descending: params.dir !== 'asc' };
}

/** The row's date for filtering and sorting: its own, or its quarter's first day. */
export function rowDate(r: TrainingRow): string {
  if (r.heldOn) return r.heldOn;
  const [year, q] = r.quarter.split('-Q');
  return `${year}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

const value = (r: TrainingRow, key: SortKey): string | number =>
  key === 'date' ? rowDate(r) : key === 'participants' ? r.female + r.male : key === 'tested' ? r.tested : r[key];

export function visibleRows(rows: readonly TrainingRow[], s: TableState): TrainingRow[] {
  const kept = rows.filter(
    (r) =>
      (!s.audience || r.audience === s.audience) &&
      (!s.region || r.region === s.region) &&
      (!s.from || rowDate(r) >= s.from) &&
      (!s.to || rowDate(r) <= s.to),
  );
  const sign = s.descending ? -1 : 1;
  return kept.sort((a, b) => {
    const x = value(a, s.sort);
    const y = value(b, s.sort);
    return (x < y ? -1 : x > y ? 1 : 0) * sign || (rowDate(a) < rowDate(b) ? 1 : -1);
  });
}

export function totalsOf(rows: readonly TrainingRow[]) {
  const t = { trainings: 0, female: 0, male: 0, tested: 0, improved: 0 };
  for (const r of rows) for (const k of Object.keys(t) as Array<keyof typeof t>) t[k] += r[k];
  return t;
}
