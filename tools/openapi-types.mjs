#!/usr/bin/env node
/**
 * The dashboard's API types, generated from the OpenAPI document the built API serves:
 *
 *   npm run openapi:types            writes apps/dashboard/src/lib/api-types.d.ts
 *   npm run openapi:types -- --check exits 1 when that file differs from what the API serves now
 *
 * The dashboard's client (apps/dashboard/src/lib/api.ts) is type-checked against the file at build
 * time, and tests/acceptance/openapi.test.ts fails when the committed file is stale: a route or a
 * schema changed on one side only cannot reach main. Needs the API built (`npm run build`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TYPES_FILE = join(ROOT, 'apps/dashboard/src/lib/api-types.d.ts');

const HEADER = `/**
 * Generated from the API's OpenAPI document (/api/docs-json) by openapi-typescript: do not edit.
 * After changing a route or a schema: npm run build && npm run openapi:types
 */

`;

/** The TypeScript types of an OpenAPI document, as the committed file holds them. */
export async function typesOf(document) {
  return HEADER + astToString(await openapiTS(document));
}

/** Starts the built API on a throwaway empty store, fetches its document, stops it. */
export async function servedDocument() {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-openapi-'));
  const env = { ...process.env, PORT: '0', JALON_STORE: `sqlite:${join(dir, 'j.db')}`, JALON_DEMO: '0', LOG_LEVEL: 'warn' };
  delete env.JALON_USERS;
  const server = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await listening(server);
    const res = await fetch(`${url}/api/docs-json`);
    if (!res.ok) throw new Error(`GET /api/docs-json answered ${res.status}`);
    return await res.json();
  } finally {
    server.kill('SIGTERM');
    await new Promise((done) => (server.exitCode !== null ? done() : server.once('exit', done)));
    rmSync(dir, { recursive: true, force: true });
  }
}

function listening(server) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the API did not listen within 90 s:\n${output}`)), 90_000);
    const read = (chunk) => {
      output += chunk;
      const match = /jalon listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    server.stdout.setEncoding('utf8').on('data', read);
    server.stderr.setEncoding('utf8').on('data', read);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited (${code}) before listening (build it first: npm run build):\n${output}`));
    });
  });
}

async function main(check) {
  const types = await typesOf(await servedDocument());
  const committed = (() => {
    try {
      return readFileSync(TYPES_FILE, 'utf8');
    } catch {
      return undefined;
    }
  })();
  if (check) {
    if (committed === types) return 0;
    process.stderr.write(`${TYPES_FILE} is stale: run npm run openapi:types and commit it\n`);
    return 1;
  }
  if (committed !== types) writeFileSync(TYPES_FILE, types);
  process.stdout.write(`${committed === types ? 'unchanged' : 'wrote'} ${TYPES_FILE}\n`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.includes('--check'));
