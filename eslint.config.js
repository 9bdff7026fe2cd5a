import nx from '@nx/eslint-plugin';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import svelteConfig from './apps/dashboard/svelte.config.js';

/**
 * Dependencies point inwards (DESIGN.md): the domain imports nothing of ours, projections only the
 * domain, the event store only the domain's envelope type, and no library imports an app. The CLI
 * may start the API server.
 */
export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:event-store', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:projections', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain', 'type:projections'] },
            { sourceTag: 'type:api', onlyDependOnLibsWithTags: ['scope:lib'] },
            { sourceTag: 'type:cli', onlyDependOnLibsWithTags: ['scope:lib', 'type:api'] },
            { sourceTag: 'type:dashboard', onlyDependOnLibsWithTags: ['type:contracts'] },
          ],
        },
      ],
    },
  },
  // The dashboard's components: Svelte's recommended rules, TypeScript in <script lang="ts">.
  ...svelte.configs.recommended,
  {
    files: ['apps/dashboard/**/*.svelte', 'apps/dashboard/**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    // The envelope type, and nothing that runs: the event store stays free of the domain's rules.
    files: ['libs/event-store/**/*.ts'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@jalon/domain', allowTypeImports: true, message: 'the event store imports the envelope type only' }] },
      ],
    },
  },
];
