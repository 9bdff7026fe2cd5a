// The 1 M-event SQLite log the read rows run on: `jalon import` of the bench export, made once per
// size and generator version in the cache dir; each use gets a copy (servers write users, tokens
// and perhaps snapshots beside the log).
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchExport, GENERATOR_VERSION } from './log.mjs';
import { jalon } from './processes.mjs';

export const removeDb = (file) => {
  // The read-model snapshot too: a copy of the log must start cold.
  for (const suffix of ['', '-wal', '-shm', '-journal', '.snapshot']) rmSync(file + suffix, { force: true });
};

/** The cached imported log, made now if missing (from `made`, an import the run did anyway, if given). */
export async function importedLog(ctx, made) {
  const { events, cacheDir } = ctx.settings;
  const file = join(cacheDir, `jalon-bench-v${GENERATOR_VERSION}-${events}.db`);
  if (existsSync(file)) return file;
  if (made && existsSync(made)) {
    copyFileSync(made, `${file}.partial`);
  } else {
    removeDb(`${file}.partial`);
    await jalon(`sqlite:${file}.partial`, ['import', await benchExport(events, cacheDir, ctx.say)]);
  }
  renameSync(`${file}.partial`, file);
  return file;
}

/** A private copy of the imported log in the run's work dir. */
export async function copyOfLog(ctx, name) {
  const copy = join(ctx.workDir, `${name}.db`);
  removeDb(copy);
  copyFileSync(await importedLog(ctx), copy);
  return copy;
}
