import { openDB, type IDBPDatabase } from 'idb';

/**
 * Commands made while the network is down wait here (IndexedDB, so they survive a closed tab),
 * each with the Idempotency-Key it was given when it was made: however often one is sent, the API
 * records it once. They are sent in the order they were made when the connection returns.
 */
export interface QueuedCommand {
  id: number;
  /** The Idempotency-Key sent with every attempt. */
  key: string;
  path: string;
  body: unknown;
  /** What the user sees in the list ("Training T-12"). */
  label: string;
  /** The form it came from, so that a refused command can be put back in the form to fix. */
  form?: { kind: string; values: Record<string, string | string[]> };
  queuedAt: string;
  state: 'waiting' | 'refused';
  /** Why the API refused it (problem+json detail and field errors), for the user to fix or drop. */
  refusal?: { status: number; detail: string; errors?: { path: string; message: string }[] };
}

/** What sending one command came to: recorded, refused with a reason, or not sent (still offline, or the server busy). */
export type SendOutcome = { kind: 'recorded' } | { kind: 'refused'; status: number; detail: string; errors?: { path: string; message: string }[] } | { kind: 'unsent' };

const STORE = 'commands';

export interface OfflineQueue {
  add(command: Omit<QueuedCommand, 'id' | 'state' | 'queuedAt'>): Promise<QueuedCommand>;
  list(): Promise<QueuedCommand[]>;
  /** Drops a command the user gave up (or fixed and made again). */
  drop(id: number): Promise<void>;
  /** Sends the waiting commands in order; stops at the first that could not be sent. Returns how many were recorded. */
  flush(send: (command: QueuedCommand) => Promise<SendOutcome>): Promise<number>;
  close(): void;
}

export async function openOfflineQueue(name = 'jalon-offline'): Promise<OfflineQueue> {
  const db: IDBPDatabase = await openDB(name, 1, {
    upgrade(database) {
      database.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    },
  });
  const list = async () => (await db.getAll(STORE)) as QueuedCommand[];
  let flushing: Promise<number> | undefined;
  const flushOnce = async (send: (command: QueuedCommand) => Promise<SendOutcome>) => {
    let recorded = 0;
    for (const command of await list()) {
      if (command.state !== 'waiting') continue;
      const outcome = await send(command);
      if (outcome.kind === 'unsent') break;
      if (outcome.kind === 'recorded') {
        await db.delete(STORE, command.id);
        recorded++;
      } else {
        const { status, detail, errors } = outcome;
        await db.put(STORE, { ...command, state: 'refused', refusal: { status, detail, ...(errors ? { errors } : {}) } });
      }
    }
    return recorded;
  };
  return {
    async add(command) {
      const entry = { ...command, state: 'waiting' as const, queuedAt: new Date().toISOString() };
      const id = (await db.add(STORE, entry)) as number;
      return { ...entry, id };
    },
    list,
    drop: async (id) => db.delete(STORE, id),
    // One flush at a time: the `online` event and a timer may both ask, and a command must not go twice at once.
    flush(send) {
      flushing ??= flushOnce(send).finally(() => (flushing = undefined));
      return flushing;
    },
    close: () => db.close(),
  };
}
