import type pg from 'pg';
import { SQL } from './postgres-schema.js';
import { createListeners } from './watchers.js';

export interface PgWatchers {
  /** Adds a listener; the returned function removes it. */
  add(listener: () => void): () => void;
  /** New events may be readable: tell every listener once, soon (bursts coalesce). */
  notify(): void;
  /** Forgets every listener and releases the listening connection and the poll. */
  close(): Promise<void>;
}

/**
 * Listeners of a PostgreSQL store, told after its own appends, on each NOTIFY jalon_events (which
 * other processes' appends send at commit) and, as a fallback for lost notifications, when a slow
 * poll of the head sees it move. The LISTEN connection and the poll run only while someone
 * listens; the poll's timer is unref'd so it never keeps a process alive.
 */
export function createPgWatchers(pool: pg.Pool, newClient: () => pg.Client, pollMs: number): PgWatchers {
  const feed = createFeed(pool, newClient, pollMs, () => listeners.notify());
  const listeners = createListeners(feed.start, () => void feed.stop());
  const close = async (): Promise<void> => {
    listeners.clear();
    await feed.stop();
  };
  return { add: listeners.add, notify: listeners.notify, close };
}

/**
 * What tells of other writers' appends: a LISTEN connection, reopened by the poll when it drops,
 * and the poll itself. Opening the connection tells the listeners once, since whatever committed
 * while nobody was listening would otherwise go unannounced.
 */
function createFeed(pool: pg.Pool, newClient: () => pg.Client, pollMs: number, onChange: () => void) {
  let timer: NodeJS.Timeout | undefined;
  let listening: pg.Client | undefined;
  let lastHead: number | undefined;
  const closing = new Set<Promise<unknown>>();

  const drop = (client: pg.Client): void => {
    if (listening === client) listening = undefined;
    const ended = client.end().catch(() => undefined);
    closing.add(ended);
    void ended.finally(() => closing.delete(ended));
  };
  const listen = (): void => {
    const client = newClient();
    listening = client;
    client.on('notification', onChange);
    client.on('error', () => drop(client));
    client
      .connect()
      .then(() => client.query(SQL.listen))
      .then(() => listening === client && onChange())
      .catch(() => drop(client));
  };
  const poll = async (): Promise<void> => {
    if (listening === undefined) listen();
    const head = await pool.query<{ position: string }>(SQL.head).then(
      ({ rows }) => Number(rows[0]?.position ?? 0),
      () => undefined,
    );
    if (head === undefined || timer === undefined) return;
    if (lastHead !== undefined && head !== lastHead) onChange();
    lastHead = head;
  };
  const start = (): void => {
    if (timer !== undefined) return;
    timer = setInterval(() => void poll(), pollMs).unref();
    void poll();
  };
  const stop = async (): Promise<void> => {
    clearInterval(timer);
    timer = undefined;
    lastHead = undefined;
    if (listening !== undefined) drop(listening);
    await Promise.all([...closing]);
  };
  return { start, stop };
}
