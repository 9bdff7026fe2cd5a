import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Worker {
  /** Resolves once the worker has opened the store (or has died trying: see `done`). */
  ready: Promise<void>;
  /** The positions the worker's appends got, in the order it made them. */
  done: Promise<number[]>;
}

/**
 * Starts append-worker.mjs in its own process on the store `url` names: it appends `count` events
 * to its stream `own-NAME` and every third time one to `shared`, once `goFile` exists.
 */
export function startWorker(url: string, name: string, count: number, goFile: string): Worker {
  const script = join(fileURLToPath(new URL('.', import.meta.url)), 'append-worker.mjs');
  const child = spawn(process.execPath, [script, url, name, String(count), goFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.startsWith('ready\n')) resolve();
    });
  });
  const done = new Promise<number[]>((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker ${name} exited ${code}: ${stderr}`));
      resolve(JSON.parse(stdout.slice('ready\n'.length)) as number[]);
    });
  });
  return { ready: Promise.race([ready, done.then(() => undefined)]), done };
}
