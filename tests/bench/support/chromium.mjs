// Debian's Chromium, looked for as tests/support/chromium.ts does (that file's .js imports do not
// load under plain Node): CHROMIUM_PATH, else chromium or chromium-browser on PATH.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Headless as root on a CI box (DESIGN.md, "Gotchas"). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser']) {
    const found = dirs.map((dir) => join(dir, name)).find(executable);
    if (found) return found;
  }
  return undefined;
}
