import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

describe('the workspace architecture', () => {
  it('keeps dependencies pointing inwards (Nx module boundaries, DESIGN.md "Layout")', async () => {
    const eslint = new ESLint({ cwd: process.cwd() });
    const results = await eslint.lintFiles(['libs/*/src/**/*.ts', 'apps/*/src/**/*.ts']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(problems).toEqual([]);
  }, 120_000);
});
