import type { LogFilter, LogOrder } from './log-filter.js';
import { COLUMNS, SQLITE_BUSINESS_DATE, SQLITE_RECORDED_AT, SQLITE_RECORDED_BY } from './sqlite-schema.js';

export interface SqlQuery {
  sql: string;
  params: Record<string, unknown>;
}

/** WHERE of a filter, with named parameters; the expressions are those the indexes are built on. */
function where(filter: LogFilter): SqlQuery {
  const terms = ['position > @after'];
  const params: Record<string, unknown> = { after: filter.after ?? 0 };
  const add = (term: string, name: string, value: unknown) => {
    if (value === undefined) return;
    terms.push(term);
    params[name] = value;
  };
  add('position < @before', 'before', filter.before);
  if (filter.types !== undefined) {
    filter.types.forEach((type, i) => (params[`type${i}`] = type));
    terms.push(`type IN (${filter.types.map((_, i) => `@type${i}`).join(', ')})`);
  }
  add('stream_id = @streamId', 'streamId', filter.streamId);
  if (filter.streamPrefix !== undefined) {
    // A range on the (binary-ordered) stream index: ids from the prefix up to its successor.
    const prefix = filter.streamPrefix;
    const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    add('stream_id >= @prefix', 'prefix', prefix);
    if (prefix !== '') add('stream_id < @prefixEnd', 'prefixEnd', end);
  }
  add(`${SQLITE_RECORDED_BY} = @recordedBy`, 'recordedBy', filter.recordedBy);
  add(`${SQLITE_RECORDED_AT} >= @recordedFrom`, 'recordedFrom', filter.recordedFrom);
  add(`${SQLITE_RECORDED_AT} <= @recordedTo`, 'recordedTo', filter.recordedTo);
  add(`${SQLITE_BUSINESS_DATE} >= @businessFrom`, 'businessFrom', filter.businessFrom);
  add(`${SQLITE_BUSINESS_DATE} <= @businessTo`, 'businessTo', filter.businessTo);
  return { sql: terms.join(' AND '), params };
}

export function readAllQuery(filter: LogFilter & { limit: number; order?: LogOrder }): SqlQuery {
  const { sql, params } = where(filter);
  const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
  // A plain page of the log (a replay, the projector's catch-up) walks the primary key: no sort.
  if (sql === 'position > @after')
    return { sql: `SELECT ${COLUMNS} FROM events WHERE ${sql} ORDER BY position ${direction} LIMIT @limit`, params: { ...params, limit: filter.limit } };
  // Positions first, then their rows: when SQLite answers a range filter from its index, it sorts
  // bare positions (a covering index) rather than whole envelopes — 18x faster on a wide range.
  const positions = `SELECT position FROM events WHERE ${sql} ORDER BY position ${direction} LIMIT @limit`;
  return {
    sql: `SELECT ${COLUMNS} FROM events WHERE position IN (${positions}) ORDER BY position ${direction}`,
    params: { ...params, limit: filter.limit },
  };
}

export function countQuery(filter: LogFilter): SqlQuery {
  const { sql, params } = where(filter);
  return { sql: `SELECT COUNT(*) AS count FROM events WHERE ${sql}`, params };
}
