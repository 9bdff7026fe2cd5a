/**
 * What the reliability tests share: the real API as a child process that can be SIGKILLed and
 * whose RSS can be sampled (tests/acceptance/support/server.ts only stops it gently and hides the
 * process), the built command line, and checks of a whole log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyChain, type EventEnvelope } from '@jalon/event-store';
import { createClient, ensureBuilt, REPO_ROOT, type Api } from '../acceptance/support/server.js';

export { createClient, type Api } from '../acceptance/support/server.js';

const API_MAIN = join(REPO_ROOT, 'apps/api/dist/main.js');
const CLI_MAIN = join(REPO_ROOT, 'apps/cli/dist/main.js');
export const ADMIN_PASSWORD = 'reliability-admin-password-long';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ApiProcess {
  url: string;
  api: Api;
  pid: number;
  output(): string;
  /** SIGKILL: no shutdown hook runs, as in a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `node apps/api/dist/main.js` on `store` and waits for health 200. */
export interface ApiOptions {
  demo?: boolean;
  /** A file the server appends its heap in use after a full GC to, every second. */
  heapSamples?: string;
}

export async function startApi(store: string, options: ApiOptions = {}): Promise<ApiProcess> {
  await ensureBuilt();
  return launchApi(store, options).ready;
}

/** Spawns the server (built already) and returns at once: `ready` settles once it serves. */
export function launchApi(store: string, options: ApiOptions = {}): { pid: number; kill: () => Promise<void>; ready: Promise<ApiProcess> } {
  const sampler = fileURLToPath(new URL('./heap-sampler.cjs', import.meta.url));
  const nodeOptions = [
    process.env.JALON_REL_SERVER_NODE_OPTIONS,
    options.heapSamples ? `--expose-gc --require ${sampler}` : undefined,
  ].filter(Boolean);
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    JALON_STORE: store,
    JALON_DEMO: options.demo ? '1' : '0',
    JALON_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    // e.g. --max-old-space-size=80, to tell a leak from a heap that grows only because it may.
    ...(nodeOptions.length > 0 ? { NODE_OPTIONS: nodeOptions.join(' ') } : {}),
    ...(options.heapSamples ? { JALON_HEAP_SAMPLES: options.heapSamples } : {}),
  };
  for (const name of ['VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'NODE_ENV', 'JALON_SMALL_CELL']) delete env[name];
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const kill = async () => {
    if (alive()) child.kill('SIGKILL');
    await exited;
  };
  const stop = async () => {
    if (alive()) child.kill('SIGTERM');
    if (!(await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]))) await kill();
  };
  const ready = (async () => {
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no "jalon listening on" within 60 s')), 60_000);
        const look = () => {
          const m = /jalon listening on (http:\/\/localhost:\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        };
        child.stdout!.on('data', look);
        void exited.then(() => reject(new Error(`the server exited (${child.exitCode ?? child.signalCode}) before listening`)));
      });
      const api = createClient(url);
      for (let tries = 0; (await api('GET', '/api/v1/health').catch(() => undefined))?.status !== 200; tries++) {
        if (tries > 300) throw new Error('GET /api/v1/health never answered 200');
        await sleep(100);
      }
      return { url, api, pid: child.pid!, output: () => out, kill, stop };
    } catch (error) {
      await kill();
      throw new Error(`${(error as Error).message}\n--- server output ---\n${out.slice(-4000)}`);
    }
  })();
  return { pid: child.pid!, kill, ready };
}

export async function login(api: Api, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  const res = await api('POST', '/api/v1/auth/login', { body: { username, password } });
  if (res.status !== 200 && res.status !== 201) throw new Error(`login ${username}: ${res.status} ${res.text}`);
  return res.json.token as string;
}

/** A manager account (created once per store; a store's users survive restarts). */
export async function manager(api: Api, admin: string, username = 'rel-manager'): Promise<string> {
  const password = 'reliability-manager-password';
  const res = await api('POST', '/api/v1/users', { token: admin, body: { username, password, role: 'manager' } });
  if (res.status !== 201 && res.status !== 409) throw new Error(`POST /users: ${res.status} ${res.text}`);
  return login(api, username, password);
}

export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `jalon-rel-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The BUILT command line (built first when stale: tests/support/build.ts). */
export async function jalon(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  await ensureBuilt();
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], {
      env: { ...process.env, JALON_STORE: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', failed);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** The whole log through GET /events/export. */
export async function exportLog(api: Api, token: string): Promise<EventEnvelope[]> {
  const res = await api('GET', '/api/v1/events/export', { token });
  if (res.status !== 200) throw new Error(`GET /events/export: ${res.status} ${res.text}`);
  return res.text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EventEnvelope);
}

/**
 * The log's integrity as the server, the library's verifier and the CLI see it: the chain is
 * intact, positions run 1..n without a gap, revisions run 0..k within each stream.
 */
export async function expectIntactLog(api: Api, token: string, log: EventEnvelope[]): Promise<string[]> {
  const problems: string[] = [];
  const chain = verifyChain(log);
  if (!chain.ok) problems.push(`verifyChain: first bad position ${chain.firstBadPosition}: ${chain.reason}`);
  log.forEach((e, i) => {
    if (e.position !== i + 1) problems.push(`place ${i + 1} holds position ${e.position}`);
  });
  const revisions = new Map<string, number>();
  for (const e of log) {
    const expected = (revisions.get(e.streamId) ?? -1) + 1;
    if (e.revision !== expected) problems.push(`${e.streamId}: revision ${e.revision}, expected ${expected}`);
    revisions.set(e.streamId, e.revision);
  }
  const verify = await api('GET', '/api/v1/audit/verify', { token });
  if (verify.status !== 200 || verify.json.ok !== true || verify.json.events !== log.length) {
    problems.push(`GET /audit/verify: ${verify.status} ${verify.text}`);
  }
  return problems;
}

/** RSS of a process in bytes (Linux). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return kb ? Number(kb[1]) * 1024 : NaN;
}

export const isProblem = (res: { headers: Headers; json: any }, status: number): boolean =>
  (res.headers.get('content-type') ?? '').startsWith('application/problem+json') &&
  res.json?.status === status &&
  typeof res.json?.type === 'string' &&
  typeof res.json?.title === 'string' &&
  typeof res.json?.detail === 'string';
