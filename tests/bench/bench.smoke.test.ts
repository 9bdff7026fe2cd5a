/**
 * Smoke run of `npm run bench` (tests/bench/run.mjs) at a tiny size, one round: every row of the
 * table is printed and written to the results, none failed. It asserts no timing: the figures of
 * so small a run mean nothing, and CI machines are noisy.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ensureDashboardBuilt, REPO_ROOT } from '../support/build.js';
import { findChromium } from '../support/chromium.js';
import { clusterSkipReason } from '../support/postgres-cluster.js';
import { isCI } from '../support/settings.js';

/** The rows a run of every group prints, in order. */
const ROWS = [
  /^append, 50 single events +events\/s, one commit each/,
  /^append, 50 single events +events\/s vs the peer/,
  /^import 2,000 events /,
  /^replay 2,000 events /,
  /^start-up to healthy, 2,000 events +cold/,
  /^start-up to healthy, 2,000 events +second start/,
  /^API memory, 2,000 events +RSS once serving, after the cold start/,
  /^API memory, 2,000 events +RSS once serving, after the second start/,
  /^query at 2,000: head /,
  /^query at 2,000: random asOf /,
  /^query at 2,000: random atPosition /,
  /^query at 2,000: series, quarters /,
  /^query at 2,000: breakdown by nationality /,
  /^query at 2,000: restatement, 1,000 events /,
  /^query at 2,000: activities: CSOs, head /,
  /^query at 2,000: activities: cases, random asOf /,
  /^query at 2,000: activities: trainings, random atPosition /,
  /^API memory after the queries, 2,000 events /,
  /^GET \/indicators, 4 connections /,
  /^commands, 4 connections, SQLite /,
  /^write → visible, SQLite /,
  /^commands, 4 connections, PostgreSQL /,
  /^dashboard, first page JS /,
  /^dashboard, first chart at 2,000 /,
];

/** Outside CI a machine without PostgreSQL or Chromium prints those rows as errors saying so. */
const excused = (error: string) => !isCI() && ((clusterSkipReason() && /no PostgreSQL/.test(error)) || (!findChromium() && /no Chromium/.test(error)));

function runBench(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['tests/bench/run.mjs'], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run bench, a tiny smoke run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-bench-smoke-'));
  let run: { code: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    await ensureBuilt();
    await ensureDashboardBuilt();
    run = await runBench({
      BENCH_ONLY: '', BENCH_EVENTS: '2000', BENCH_ROUNDS: '1', BENCH_APPENDS: '50', BENCH_CONNECTIONS: '4', BENCH_DURATION_S: '1',
      BENCH_QUERIES: '5', BENCH_RESTATEMENT_EVENTS: '1000', BENCH_CACHE_DIR: dir, BENCH_RESULTS_DIR: join(dir, 'results'),
    });
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the table with every row, and none failed', () => {
    const lines = run.stdout.split('\n');
    expect(lines[0], run.stderr).toMatch(/^row +measure +jalon +floor\/peer +ratio +target +met\?$/);
    const rows = lines.slice(2, lines.indexOf(''));
    expect(rows.length, run.stdout).toBe(ROWS.length);
    ROWS.forEach((pattern, i) => expect(rows[i]).toMatch(pattern));
    const failed = rows.filter((line) => / error$/.test(line));
    const results = JSON.parse(readFileSync(join(dir, 'results/latest.json'), 'utf8'));
    const errors = results.rows.filter((r: { error?: string }) => r.error && !excused(r.error));
    expect(errors, run.stderr).toEqual([]);
    expect(failed.length).toBe(results.rows.filter((r: { error?: string }) => r.error).length);
    if (failed.length === 0) expect(run.code).toBe(0);
  });

  it('writes the table as JSON and Markdown with the machine it ran on', () => {
    const results = JSON.parse(readFileSync(join(dir, 'results/latest.json'), 'utf8'));
    expect(Object.keys(results.machine).sort()).toEqual(['cores', 'cpu', 'date', 'node', 'ramGb']);
    expect(results.settings.events).toBe(2000);
    expect(results.rows.map((r: { row: string }) => r.row)).toHaveLength(ROWS.length);
    const markdown = readFileSync(join(dir, 'results/latest.md'), 'utf8');
    expect(markdown).toContain('| row | measure | jalon | floor/peer | ratio | target | met? |');
    expect(markdown.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| row'))).toHaveLength(ROWS.length);
  });
});
