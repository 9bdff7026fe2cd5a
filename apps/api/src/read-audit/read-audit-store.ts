import type { ReadRecord } from '@jalon/contracts';

/** DI token of the ReadAuditStore port. */
export const READ_AUDIT_STORE = Symbol('READ_AUDIT_STORE');

export type NewReadRecord = Omit<ReadRecord, 'id'>;

export interface ReadAuditQuery {
  /** Records with id > after. */
  after: number;
  limit: number;
  /** Only this user's reads (names compare without regard to case, as users do). */
  username?: string;
}

/**
 * The read audit (CONTRACT.md, "Read audit"): kept with the users (JALON_USERS, the log's database
 * by default), never in the log, append-only where it lives (triggers refuse UPDATE and DELETE).
 * sqlite-read-audit.ts and postgres-read-audit.ts, chosen by open-read-audit.ts.
 */
export interface ReadAuditStore {
  /** Gives the record the next id (1-based, gap-free); resolves only once it is durable. */
  append(record: NewReadRecord): Promise<ReadRecord>;
  /** In id order. */
  list(query: ReadAuditQuery): Promise<ReadRecord[]>;
  close(): Promise<void>;
}

/** A row as both SQL stores keep it: `query` is the JSON of the object of strings. */
export interface ReadRow {
  id: number | string;
  at: string;
  username: string;
  role: string;
  method: string;
  path: string;
  query: string;
  status: number;
  case_events: number;
}

export const toReadRecord = (row: ReadRow): ReadRecord => ({
  id: Number(row.id),
  at: row.at,
  username: row.username,
  role: row.role as ReadRecord['role'],
  method: row.method,
  path: row.path,
  query: JSON.parse(row.query) as Record<string, string>,
  status: row.status,
  caseEvents: row.case_events,
});
