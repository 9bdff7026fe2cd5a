/**
 * Debian's Chromium for the browser tests, found as .ci/run finds it: CHROMIUM_PATH when set, else
 * `chromium`, then `chromium-browser` on PATH. Under CI (tests/support/settings.ts) a missing
 * browser fails the suite; elsewhere the suite skips, loudly.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { isCI } from './settings.js';

type Env = Record<string, string | undefined>;

const NAMES = ['chromium', 'chromium-browser'];

/** Flags for headless Chromium as root on a CI box (DESIGN.md, "Gotchas"). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The browser to launch, or undefined when there is none (CHROMIUM_PATH naming nothing counts as none). */
export function findChromium(env: Env = process.env): string | undefined {
  const named = env.CHROMIUM_PATH?.trim();
  if (named) return isExecutable(named) ? named : undefined;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) {
    const found = dirs.map((dir) => join(dir, name)).find(isExecutable);
    if (found) return found;
  }
  return undefined;
}

/** What was looked for, for the messages. */
export function chromiumLookedFor(env: Env = process.env): string {
  const named = env.CHROMIUM_PATH?.trim();
  return named ? `CHROMIUM_PATH=${named}` : `${NAMES.join(' or ')} on PATH`;
}

/**
 * Why a browser suite cannot run here, or undefined when it can. Under CI it always must: the
 * suite then runs and `requireChromium()` fails it with the reason.
 */
export function chromiumSkipReason(suite: string, env: Env = process.env): string | undefined {
  if (isCI(env) || findChromium(env)) return undefined;
  const reason = `no Chromium (looked for ${chromiumLookedFor(env)})`;
  console.warn(
    `\n${'!'.repeat(78)}\n! ${suite} SKIPPED: ${reason}.\n` +
      `! Install it (apt-get install -y chromium) or set CHROMIUM_PATH; under CI this fails.\n${'!'.repeat(78)}\n`,
  );
  return reason;
}

/** The browser's path, or an error saying what was looked for and how to get one. */
export function requireChromium(env: Env = process.env): string {
  const path = findChromium(env);
  if (!path) throw new Error(`no Chromium (looked for ${chromiumLookedFor(env)}): install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  return path;
}
