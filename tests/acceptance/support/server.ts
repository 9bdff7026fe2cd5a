/**
 * Starts the real API (`node apps/api/dist/main.js`) as a child process on a throwaway store and
 * talks to it over HTTP, the way an outside client does (CONTRACT.md). Nothing here imports the
 * server's code: the process interface is the only thing these tests share with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { API_MAIN as MAIN, ensureBuilt, REPO_ROOT } from '../../support/build.js';

export { ensureBuilt, REPO_ROOT } from '../../support/build.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Role = 'admin' | 'manager' | 'auditor' | 'donor';
export const ROLES: readonly Role[] = ['admin', 'manager', 'auditor', 'donor'];

/** A store the server runs on; `dispose` removes it once the server has stopped. */
export interface StoreHandle {
  url: string;
  dispose?: () => void | Promise<void>;
}
/** Gives a fresh, empty store each call: `sqlite:/tmp/…/j.db`, later `postgres://…/db_n`. */
export type StoreFactory = () => string | StoreHandle | Promise<string | StoreHandle>;

export interface ServerOptions {
  /** Load the bundled demo history (JALON_DEMO unset) instead of starting on an empty log. */
  demo?: boolean;
  /** JALON_SMALL_CELL, the donor's small-cell threshold (server default 5). */
  smallCell?: number;
  env?: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// HTTP client
// ---------------------------------------------------------------------------------------------

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  /** The parsed body when it is JSON (any `+json` type too), otherwise undefined. */
  json: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  /** Serialised as JSON unless it is a string or a Buffer (sent as is, as UTF-8). */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Api = <T = any>(method: string, path: string, options?: RequestOptions) => Promise<ApiResponse<T>>;

export function createClient(baseUrl: string): Api {
  return async (method, path, { token, body, headers = {} } = {}) => {
    const h: Record<string, string> = { ...headers };
    if (token !== undefined) h.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      if (typeof body === 'string') payload = body;
      else if (Buffer.isBuffer(body)) payload = body.toString('utf8');
      else payload = JSON.stringify(body);
      if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['content-type'] = 'application/json';
    }
    const res = await fetch(baseUrl + path, { method, headers: h, body: payload });
    const text = await res.text();
    let json: any;
    if (/json/i.test(res.headers.get('content-type') ?? '')) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { status: res.status, headers: res.headers, json, text };
  };
}

// ---------------------------------------------------------------------------------------------
// The server process
// ---------------------------------------------------------------------------------------------

export interface RunningServer {
  url: string;
  store: string;
  adminPassword: string;
  api: Api;
  /** Everything the process wrote to stderr (and stdout) so far. */
  stderr(): string;
  stdout(): string;
  stop(): Promise<void>;
}

export async function startServer(store: string, options: ServerOptions = {}): Promise<RunningServer> {
  await ensureBuilt();
  const adminPassword = `admin-pw-${Math.random().toString(36).slice(2)}-long`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    JALON_STORE: store,
    JALON_ADMIN_PASSWORD: adminPassword,
    ...options.env,
  };
  if (options.demo) delete env.JALON_DEMO;
  else env.JALON_DEMO = '0';
  if (options.smallCell !== undefined) env.JALON_SMALL_CELL = String(options.smallCell);
  else delete env.JALON_SMALL_CELL;
  // Vitest's own variables must not make the server think it runs under test.
  delete env.VITEST;
  delete env.VITEST_WORKER_ID;
  delete env.VITEST_POOL_ID;
  delete env.NODE_ENV;

  const child: ChildProcess = spawn(process.execPath, [MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
      if (!done) {
        child.kill('SIGKILL');
        await exited;
      }
    }
  };

  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not print "jalon listening on …" within 90 s')), 90_000);
      const onData = () => {
        const m = /jalon listening on (http:\/\/localhost:(\d+))/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolveUrl(m[1]);
        }
      };
      child.stdout!.on('data', onData);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with code ${code} before listening`));
      });
      onData();
    });
    const api = createClient(url);
    // "GET /api/v1/health answers 200 once the API serves and its read models are caught up."
    for (let tries = 0; ; tries++) {
      const health = await api('GET', '/api/v1/health').catch(() => undefined);
      if (health?.status === 200) break;
      if (tries > 600) throw new Error(`GET /api/v1/health never answered 200 (last: ${health?.status})`);
      await sleep(100);
    }
    return { url, store, adminPassword, api, stderr: () => err, stdout: () => out, stop };
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- server stdout ---\n${tail(out)}\n--- server stderr ---\n${tail(err)}`);
  }
}

function tail(text: string, lines = 80): string {
  return text.split('\n').slice(-lines).join('\n');
}

// ---------------------------------------------------------------------------------------------
// One server per describe block
// ---------------------------------------------------------------------------------------------

export interface ServerHandle {
  readonly server: RunningServer;
  readonly api: Api;
  /** A token for the role: admin from JALON_ADMIN_PASSWORD, the others created by admin. */
  login(role: Role): Promise<string>;
  /** The username `login(role)` used. */
  username(role: Role): string;
  /** The log's head position, from GET /api/v1/audit/verify (as admin). */
  head(): Promise<number>;
}

export const PASSWORD = 'correct-horse-battery-staple';

/** At most `size` tasks at once, the others queued in order. */
function limiter(size: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= size) await new Promise<void>((turn) => queue.push(turn));
      active++;
      try {
        return await task();
      } finally {
        active--;
        queue.shift()?.();
      }
    },
  };
}

/** Servers booting at once in one test file (JALON_TEST_BOOTS, default 3). */
const bootSlots = limiter(Math.max(1, Number(process.env.JALON_TEST_BOOTS) || 3));

/**
 * Registers beforeAll/afterAll in the calling describe block: starts a server on a fresh store
 * from the factory, stops it and removes the store afterwards, and prints the server's stderr
 * when a test of the block failed.
 */
export function useServer(stores: StoreFactory, options: ServerOptions = {}): ServerHandle {
  let running: RunningServer | undefined;
  let storeHandle: StoreHandle | undefined;
  let failed = false;
  const tokens = new Map<Role, Promise<string>>();

  const handle: ServerHandle = {
    get server() {
      if (!running) throw new Error('the server is not running (did beforeAll fail?)');
      return running;
    },
    get api() {
      return handle.server.api;
    },
    username: (role) => (role === 'admin' ? 'admin' : `qa-${role}`),
    login(role) {
      let token = tokens.get(role);
      if (!token) {
        token = (async () => {
          const api = handle.api;
          if (role !== 'admin') {
            const admin = await handle.login('admin');
            const created = await api('POST', '/api/v1/users', {
              token: admin,
              body: { username: handle.username(role), password: PASSWORD, role },
            });
            if (created.status !== 201) throw new Error(`POST /api/v1/users for ${role}: ${created.status} ${created.text}`);
          }
          const password = role === 'admin' ? handle.server.adminPassword : PASSWORD;
          const res = await api('POST', '/api/v1/auth/login', { body: { username: handle.username(role), password } });
          if (res.status !== 200 && res.status !== 201) throw new Error(`login as ${role}: ${res.status} ${res.text}`);
          return res.json.token as string;
        })();
        tokens.set(role, token);
      }
      return token;
    },
    async head() {
      const res = await handle.api('GET', '/api/v1/audit/verify', { token: await handle.login('admin') });
      if (res.status !== 200) throw new Error(`GET /api/v1/audit/verify: ${res.status} ${res.text}`);
      return res.json.head.position as number;
    },
  };

  // Started as soon as the block is collected, so that the servers of one file boot side by side
  // (a few at a time: a file of many blocks would otherwise start them all on two cores at once);
  // beforeAll waits for it, its turn included, and reports its failure.
  const starting = bootSlots.run(async () => {
    const made = await stores();
    storeHandle = typeof made === 'string' ? { url: made } : made;
    running = await startServer(storeHandle.url, options);
  });
  starting.catch(() => undefined);

  beforeAll(async () => {
    await starting;
  }, 900_000);
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail' || (ctx.task.result?.errors?.length ?? 0) > 0) failed = true;
  });
  afterAll(async () => {
    await starting.catch(() => undefined);
    if (running && failed) {
      const output = running.stderr().trim() ? `stderr:\n${tail(running.stderr(), 60)}` : `stdout (stderr was empty):\n${tail(running.stdout().replace(/^.*password:.*$/gim, '  (a password line, left out)'), 40)}`;
      process.stderr.write(`\n--- server on ${running.store} (a test of this block failed) — ${output}\n---\n`);
    }
    await running?.stop();
    await storeHandle?.dispose?.();
  });
  return handle;
}
