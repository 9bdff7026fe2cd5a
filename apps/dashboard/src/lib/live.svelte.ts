/**
 * Live updates: GET /api/v1/changes read with fetch (EventSource cannot send the Authorization
 * header). `live.position` is the newest log position the server's read models have reached;
 * views of "now" re-read when it moves. A dropped stream reconnects, waiting longer each time.
 */
import { session, token } from './session.svelte.js';
import { SseParser } from './sse.js';

export const live = $state<{ position: number; hash: string; connected: boolean }>({ position: 0, hash: '', connected: false });

let controller: AbortController | undefined;
let retry: ReturnType<typeof setTimeout> | undefined;

/** Follows the log while someone is signed in; idempotent. */
export function startLive(): void {
  if (controller || !token()) return;
  controller = new AbortController();
  void follow(controller.signal, 0);
}

export function stopLive(): void {
  controller?.abort();
  controller = undefined;
  clearTimeout(retry);
  live.connected = false;
}

async function follow(signal: AbortSignal, failures: number): Promise<void> {
  const bearer = token();
  if (!bearer) return stopLive();
  try {
    const res = await fetch('/api/v1/changes', { headers: { authorization: `Bearer ${bearer}`, accept: 'text/event-stream' }, signal });
    if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
    live.connected = true;
    failures = 0;
    await read(res.body, signal);
  } catch {
    if (signal.aborted) return;
  }
  live.connected = false;
  if (signal.aborted || !session.user) return;
  // The stream ends when the token expires: the next request's 401 signs out; until then, retry.
  retry = setTimeout(() => void follow(signal, failures + 1), Math.min(1000 * 2 ** failures, 30_000));
}

async function read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    for (const message of parser.push(decoder.decode(value, { stream: true }))) {
      if (message.event !== 'head') continue;
      const head = JSON.parse(message.data) as { position: number; hash: string };
      if (head.position > live.position || head.hash !== live.hash) {
        live.position = head.position;
        live.hash = head.hash;
      }
    }
  }
}
