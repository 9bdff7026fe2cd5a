// Child processes the bench times as a user would run them: the `jalon` command, the API server
// (until GET /api/v1/health answers 200), and their memory.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const CLI = join(ROOT, 'apps/cli/dist/main.js');
export const CONSTANT_SERVER = join(import.meta.dirname, 'constant-server.mjs');
export const ADMIN_PASSWORD = 'bench-admin-password-long-enough';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs `node args…` to its end; rejects with its stderr when it fails. Returns its stdout. */
export function runNode(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (err = (err + d).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`node ${args.join(' ')} exited ${code}:\n${err}`))));
  });
}

/** `jalon <args>` on a store. */
export const jalon = (store, args) => runNode([CLI, '--store', store, ...args]);

/**
 * Starts a server (`jalon serve`, or the bench's constant-route copy) on `store` and resolves once
 * GET /api/v1/health answers 200, with the time that took from the spawn.
 */
export async function startApi(store, { constantRoute = false, env = {} } = {}) {
  const started = performance.now();
  const args = constantRoute ? [CONSTANT_SERVER] : [CLI, '--store', store, 'serve'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', JALON_STORE: store, JALON_DEMO: '0', JALON_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (out = (out + d).slice(-4000)));
  child.stderr.setEncoding('utf8').on('data', (d) => (err = (err + d).slice(-4000)));
  const exited = new Promise((r) => child.once('exit', r));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]))) child.kill('SIGKILL');
    await exited;
  };
  let dead = false;
  void exited.then(() => (dead = true));
  for (let waited = 0; ; waited += 20) {
    const port = /listening on http:\/\/localhost:(\d+)/.exec(out)?.[1];
    if (port) {
      const url = `http://127.0.0.1:${port}`;
      const health = await fetch(`${url}/api/v1/health`).catch(() => undefined);
      if (health?.status === 200) return { url, pid: child.pid, ms: performance.now() - started, stop, output: () => out + err };
    }
    if (dead || waited > 600_000) {
      await stop();
      throw new Error(`the server did not become healthy:\n${out}\n${err}`);
    }
    await sleep(20);
  }
}

/** Resident memory of a process, in MB (Linux). */
export function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line)[1]) / 1024;
}
