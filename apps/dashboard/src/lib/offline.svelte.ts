/**
 * Offline entry: commands the Record panel could not send wait in offline-queue.ts (IndexedDB) and
 * go, in the order they were made and each with its own Idempotency-Key, when the connection
 * returns — on the browser's `online` event and on a periodic retry, in case that event never
 * comes (a captive portal, a server that was down). The key means a command sent twice (an answer
 * lost on the way back) is recorded once.
 */
import { openOfflineQueue, type OfflineQueue, type QueuedCommand, type SendOutcome } from './offline-queue.js';
import { signOut, token } from './session.svelte.js';

export const RETRY_MS = 10_000;

export const offline = $state<{ items: QueuedCommand[]; online: boolean; sending: boolean; recordedPosition: number }>({
  items: [],
  online: globalThis.navigator?.onLine ?? true,
  sending: false,
  recordedPosition: 0,
});

let queue: Promise<OfflineQueue> | undefined;
const opened = () => (queue ??= openOfflineQueue());

async function refresh(): Promise<void> {
  offline.items = await (await opened()).list();
}

/** Sends one queued command; a network failure, a 5xx or a lost session leave it waiting. */
export async function sendQueued(command: QueuedCommand): Promise<SendOutcome> {
  const bearer = token();
  if (!bearer) return { kind: 'unsent' };
  let res: Response;
  try {
    res = await fetch(`/api/v1${command.path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'idempotency-key': command.key, accept: 'application/json, application/problem+json' },
      body: JSON.stringify(command.body),
    });
  } catch {
    return { kind: 'unsent' };
  }
  if (res.ok) {
    const answer = (await res.json().catch(() => ({}))) as { position?: number };
    if (typeof answer.position === 'number') offline.recordedPosition = Math.max(offline.recordedPosition, answer.position);
    return { kind: 'recorded' };
  }
  if (res.status === 401) {
    signOut('expired');
    return { kind: 'unsent' };
  }
  if (res.status >= 500 || res.status === 429) return { kind: 'unsent' };
  const problem = (await res.json().catch(() => ({}))) as { detail?: string; errors?: { path: string; message: string }[] };
  return { kind: 'refused', status: res.status, detail: problem.detail ?? `HTTP ${res.status}`, ...(problem.errors ? { errors: problem.errors } : {}) };
}

export async function enqueue(command: Omit<QueuedCommand, 'id' | 'state' | 'queuedAt'>): Promise<void> {
  await (await opened()).add($state.snapshot(command) as typeof command);
  await refresh();
}

export async function drop(id: number): Promise<void> {
  await (await opened()).drop(id);
  await refresh();
}

export async function flush(): Promise<void> {
  const q = await opened();
  if (!(await q.list()).some((c) => c.state === 'waiting')) return refresh();
  offline.sending = true;
  try {
    await q.flush(sendQueued);
  } finally {
    offline.sending = false;
    await refresh();
  }
}

/** Starts watching the connection; returns the function that stops it. */
export function startOffline(): () => void {
  const up = () => ((offline.online = true), void flush());
  const down = () => (offline.online = false);
  addEventListener('online', up);
  addEventListener('offline', down);
  const timer = setInterval(() => void flush(), RETRY_MS);
  void flush();
  return () => {
    removeEventListener('online', up);
    removeEventListener('offline', down);
    clearInterval(timer);
  };
}
