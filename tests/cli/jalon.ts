import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CLI_MAIN as MAIN, ensureBuilt } from '../support/build.js';

/** Runs the BUILT command line (built first when stale: tests/support/build.ts), as a user would. */

export { CLI_MAIN, ensureBuilt } from '../support/build.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function jalon(args: readonly string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  await ensureBuilt();
  return new Promise((done, failed) => {
    const env = { ...process.env, JALON_STORE: '', ...options.env };
    const child = spawn(process.execPath, [MAIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', failed);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** A scratch directory per test file, removed afterwards. */
export function scratch(): { dir: string; store: (name: string) => string; path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-cli-'));
  return {
    dir,
    store: (name) => `sqlite:${join(dir, `${name}.db`)}`,
    path: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The head hash a command printed (`hash <64 hex>`). */
export function printedHash(output: string): string {
  const match = /hash ([0-9a-f]{64})/.exec(output);
  if (!match) throw new Error(`no hash printed in: ${output}`);
  return match[1];
}

export function firstBadPosition(output: string): number {
  const match = /first bad position (\d+)/.exec(output);
  if (!match) throw new Error(`no first bad position printed in: ${output}`);
  return Number(match[1]);
}

export const INDICATOR_CODES = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '3.1', '3.2', '3.3'];

/** A usage error: exit 2, exactly one line on stderr, never a stack trace. */
export function expectUsageError(run: Run): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/^jalon: [^\n]+\n$/);
  expect(run.stderr).not.toContain('    at ');
}
