import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The Nx rule reads the cached project graph and silently skips itself when there is none (as on a
// fresh clone): compute it first, and prove with a known breach that the rule really runs.
const eslint = new ESLint({ cwd: process.cwd() });
const messagesOf = (results: ESLint.LintResult[]) =>
  results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`));

describe('the workspace architecture', () => {
  beforeAll(async () => {
    await createProjectGraphAsync({ exitOnError: false });
  }, 120_000);

  it('keeps dependencies pointing inwards (Nx module boundaries, DESIGN.md "Layout")', async () => {
    const results = await eslint.lintFiles(['libs/*/src/**/*.ts', 'apps/*/src/**/*.ts']);
    expect(messagesOf(results)).toEqual([]);
  }, 120_000);

  it('reports a library that imports an outer layer (the domain importing the projections)', async () => {
    const code = "import { IndicatorEngine } from '@jalon/projections';\nexport const engine = IndicatorEngine;\n";
    const results = await eslint.lintText(code, { filePath: 'libs/domain/src/breach.ts' });
    expect(messagesOf(results).join('\n')).toMatch(/can only depend on libs tagged with|[Cc]ircular/);
  }, 120_000);

  it('lets the event store import the envelope type from the domain, and nothing that runs', async () => {
    const typeOnly = "import type { EventEnvelope } from '@jalon/domain';\nexport const keys = (e: EventEnvelope) => Object.keys(e);\n";
    const value = "import { checkLog } from '@jalon/domain';\nexport const check = checkLog;\n";
    const lint = (code: string) => eslint.lintText(code, { filePath: 'libs/event-store/src/breach.ts' });
    expect(messagesOf(await lint(typeOnly))).toEqual([]);
    expect(messagesOf(await lint(value)).join('\n')).toMatch(/envelope type only/);
  }, 120_000);
});
