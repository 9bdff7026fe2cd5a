/**
 * The built product the tests run as a user would (`node apps/api/dist/main.js`, the `jalon`
 * command, the dashboard the API serves), built when missing or older than its sources, so that any
 * test file runs alone (`npx vitest run FILE`) without a build another file or `npm test` did.
 *
 * One lock and one stamp per checkout and per part, in the temp dir: parallel workers wait for one
 * build instead of racing, and a stamp newer than every source skips the build. After `npm test`'s
 * own build, `tsc -b` finds everything up to date and emits nothing (about 1.5 s, once per run).
 * JALON_ACCEPTANCE_BUILD=0 skips all of it (the caller built already).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flagSetting } from './settings.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const API_MAIN = join(REPO_ROOT, 'apps/api/dist/main.js');
export const CLI_MAIN = join(REPO_ROOT, 'apps/cli/dist/main.js');
export const DASHBOARD_INDEX = join(REPO_ROOT, 'apps/dashboard/dist/index.html');

interface Part {
  name: string;
  command: string[];
  /** Sources, relative to the root: a change to any of them makes the part stale. */
  sources: () => string[];
  /** What the build must leave behind. */
  outputs: string[];
  /**
   * When the last build ran, as its outputs tell, for a build that rewrites them every time (Vite):
   * `npm test`'s own build then counts and is not redone. tsc leaves unchanged outputs untouched,
   * so for it only the stamp tells (and `tsc -b` on an up-to-date tree is cheap).
   */
  builtAt?: () => number;
}

const libSources = () =>
  readdirSync(join(REPO_ROOT, 'libs')).flatMap((lib) => [`libs/${lib}/src`, `libs/${lib}/tsconfig.json`, `libs/${lib}/package.json`]);

/** `tsc -b apps/cli` builds the libraries, the API and the command line (the CLI references the API). */
const SERVER: Part = {
  name: 'api-cli',
  command: ['npx', 'tsc', '-b', 'apps/cli'],
  sources: () => [
    ...['api', 'cli'].flatMap((app) => [`apps/${app}/src`, `apps/${app}/tsconfig.json`, `apps/${app}/package.json`]),
    'tsconfig.base.json',
    ...libSources(),
  ],
  outputs: [API_MAIN, CLI_MAIN],
};

const DASHBOARD: Part = {
  name: 'dashboard',
  command: ['npm', 'run', 'build', '--silent', '-w', '@jalon/dashboard'],
  sources: () => ['apps/dashboard/src', 'apps/dashboard/index.html', 'apps/dashboard/vite.config.ts', 'apps/dashboard/package.json', ...libSources()],
  outputs: [DASHBOARD_INDEX],
  builtAt: () => statSync(DASHBOARD_INDEX).mtimeMs,
};

/** The libraries, the API and the `jalon` command, built if stale. */
export const ensureBuilt = (): Promise<void> => once(SERVER);

/** The dashboard's build (which the API serves), built if stale. */
export const ensureDashboardBuilt = (): Promise<void> => once(DASHBOARD);

const builds = new Map<string, Promise<void>>();
function once(part: Part): Promise<void> {
  let build = builds.get(part.name);
  if (!build) {
    build = flagSetting('JALON_ACCEPTANCE_BUILD', true) ? buildUnderLock(part) : Promise.resolve();
    builds.set(part.name, build);
  }
  return build;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function buildUnderLock(part: Part): Promise<void> {
  const dir = join(tmpdir(), `jalon-test-build-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}`);
  const lock = join(dir, `${part.name}.lock`);
  const stamp = join(dir, `${part.name}.stamp`);
  mkdirSync(dir, { recursive: true });
  for (let waited = 0; ; waited += 250) {
    if (isFresh(part, stamp)) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker builds; a lock older than 5 minutes belongs to a dead build.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 300_000) throw new Error(`timed out waiting for another worker to build ${part.name}`);
      await sleep(250);
    }
  }
  try {
    const started = Date.now();
    const result = await run(part.command);
    const what = part.command.join(' ');
    if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}):\n${result.output}`);
    const missing = part.outputs.filter((file) => !existsSync(file));
    if (missing.length > 0) throw new Error(`${what} succeeded but left no ${missing.join(', ')}`);
    writeFileSync(stamp, String(started));
    // The stamp must not look newer than a source edited during the build.
    utimesSync(stamp, new Date(started), new Date(started));
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function isFresh(part: Part, stamp: string): boolean {
  if (!part.outputs.every((file) => existsSync(file))) return false;
  const builtAt = Math.max(existsSync(stamp) ? statSync(stamp).mtimeMs : 0, part.builtAt?.() ?? 0);
  const newestSource = Math.max(...part.sources().map((source) => newestMtime(join(REPO_ROOT, source))));
  return builtAt >= newestSource;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Runs a command without blocking the worker's event loop (servers may be booting meanwhile). */
function run([command, ...args]: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.on('error', (e) => done({ status: null, output: String(e) }));
    child.on('close', (status) => done({ status, output }));
  });
}
