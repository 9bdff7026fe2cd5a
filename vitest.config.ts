import { defineConfig } from 'vitest/config';

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
