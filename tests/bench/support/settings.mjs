// What a run measures, from the environment (README "Performance"). Defaults suit 2 cores at 1 M
// events: the heavy rows (import, replay, start-up) get as many rounds as fit their time budget.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const int = (name, fallback, min = 1) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, not "${raw}"`);
  return value;
};

export const GROUPS = ['append', 'import', 'replay', 'startup', 'queries', 'http', 'commands', 'dashboard'];

export function readSettings() {
  const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only.filter((g) => !GROUPS.includes(g));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown row group ${unknown.join(', ')} (known: ${GROUPS.join(', ')})`);
  return {
    events: int('BENCH_EVENTS', 1_000_000, 500),
    rounds: int('BENCH_ROUNDS', 3),
    /** Seconds a heavy row may spend on its rounds: at least one round runs whatever it takes. */
    budgetSeconds: int('BENCH_BUDGET_S', 90),
    appends: int('BENCH_APPENDS', 1_000, 10),
    connections: int('BENCH_CONNECTIONS', 50),
    durationSeconds: int('BENCH_DURATION_S', 5),
    queries: int('BENCH_QUERIES', 100, 5),
    restatementEvents: int('BENCH_RESTATEMENT_EVENTS', 10_000, 1),
    groups: only.length > 0 ? GROUPS.filter((g) => only.includes(g)) : GROUPS,
    cacheDir: process.env.BENCH_CACHE_DIR ?? tmpdir(),
    resultsDir: process.env.BENCH_RESULTS_DIR ?? join(import.meta.dirname, '..', 'results'),
  };
}
