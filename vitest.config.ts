import { defineConfig } from 'vitest/config';
import { isCI } from './tests/support/settings.js';

// CI is read once, here, the way tests/support/settings.ts reads it (1, true, yes, on; anything
// else unrecognised stops the run): the workers inherit the canonical CI=true, so a helper that
// still compares CI with 'true' forces its suite under CI=1 too.
if (isCI()) process.env.CI = 'true';

// Workspace libraries export their TypeScript sources under the "@jalon/source" condition,
// so tests run against src/ while Node (CLI, API) runs the compiled dist/.
const conditions = ['@jalon/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  // Not 'import' for Node-side resolution: it would make CommonJS packages (pg) load ESM builds.
  ssr: { resolve: { conditions: conditions.filter((c) => c !== 'import'), externalConditions: ['node'] } },
  test: {
    include: ['libs/**/src/**/*.spec.ts', 'apps/**/src/**/*.spec.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
