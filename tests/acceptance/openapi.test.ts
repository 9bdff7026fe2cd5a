/**
 * The OpenAPI document as other tools read it: `redocly lint` with its recommended rules finds no
 * error and no warning in what GET /api/docs-json serves (one warning excepted, below), and the
 * dashboard's generated API types (apps/dashboard/src/lib/api-types.d.ts) are what that document
 * gives now, so the dashboard's type check runs against the API as it is.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPES_FILE, typesOf } from '../../tools/openapi-types.mjs';
import { REPO_ROOT, useServer } from './support/server.js';
import { sqliteStore } from './support/sqlite.js';

const REDOCLY = join(REPO_ROOT, 'node_modules/.bin/redocly');

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: Array<{ pointer: string }>;
}

/**
 * GET /api/v1/health takes no input, so it has no client error (4XX) to document; every other
 * operation must document one. This is the only problem accepted.
 */
const ACCEPTED = [{ ruleId: 'operation-4xx-response', pointer: '#/paths/~1api~1v1~1health/get/responses' }];

function lint(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, failed) => {
    // No telemetry, no update check: the linter must not call out from a CI box.
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    const child = spawn(REDOCLY, ['lint', file, '--extends', 'recommended', '--format', 'json'], { env, cwd: join(file, '..') });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', failed);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('the OpenAPI document as other tools read it', () => {
  const server = useServer(sqliteStore);
  const dir = mkdtempSync(join(tmpdir(), 'jalon-openapi-lint-'));
  let document: Record<string, any> = {};
  beforeAll(async () => {
    const res = await server.api('GET', '/api/docs-json');
    expect(res.status).toBe(200);
    document = res.json;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given the served document, when redocly lints it with the recommended rules, then it finds no error and no warning but the accepted one', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const run = await lint(file);
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: LintProblem[] };
    const problems = report.problems.map((p) => ({ ruleId: p.ruleId, pointer: p.location[0]?.pointer, message: p.message }));
    const unexpected = problems.filter((p) => !ACCEPTED.some((a) => a.ruleId === p.ruleId && a.pointer === p.pointer));
    expect(unexpected).toEqual([]);
    expect(report.totals.errors).toBe(0);
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);

  it('given the public routes, then each says it needs no credentials (security: []) and every other operation needs the bearer token', () => {
    const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, security: op.security })),
    );
    const open = operations.filter((o) => Array.isArray(o.security) && o.security.length === 0).map((o) => o.route);
    expect(open.sort()).toEqual(['GET /api/v1/health', 'POST /api/v1/auth/login']);
    for (const o of operations.filter((o) => !open.includes(o.route))) expect(o.security, o.route).toEqual([{ bearer: [] }]);
  });

  it('given the document, then it names its server relative to itself and a licence', () => {
    expect(document.servers).toEqual([{ url: '/', description: 'the server that serves this document' }]);
    expect(document.info.license).toEqual({ name: 'Proprietary: no licence granted yet', identifier: 'LicenseRef-Proprietary' });
  });

  it('given the served document, when openapi-typescript turns it into types, then they equal the committed api-types.d.ts (else: npm run openapi:types)', async () => {
    const expected = (await typesOf(document)) as string;
    const committed = readFileSync(TYPES_FILE, 'utf8');
    expect(committed === expected, `${TYPES_FILE} is stale: run \`npm run build && npm run openapi:types\` and commit it`).toBe(true);
  }, 60_000);
});
