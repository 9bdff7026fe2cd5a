// Rounds, medians and percentiles: these machines are noisy, so every figure is a median of rounds
// and every comparison is measured in the same run, side by side.
import { performance } from 'node:perf_hooks';

export const median = (values) => percentile(values, 50);

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Milliseconds that `run` takes. */
export async function timed(run) {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * Runs each contender once per round, alternating (so that drift hits both), up to `rounds` rounds
 * or until `budgetSeconds` have gone by (at least one round). Returns the median ms of each.
 */
export async function sideBySide(contenders, { rounds, budgetSeconds = Infinity }) {
  const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(contenders)) times[name].push(await timed(() => run(round)));
    const elapsed = (performance.now() - started) / 1000;
    if (elapsed + elapsed / (round + 1) > budgetSeconds) break;
  }
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, { ms: median(list), rounds: list.length }]));
}
