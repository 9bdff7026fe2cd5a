import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { precompiledMessages, withoutParser } from './precompiled-messages.ts';
import { serviceWorker } from './service-worker.ts';

// The API serves this build at `/`; in `vite dev`, /api goes to a running server (JALON_API).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [precompiledMessages(), svelte(), serviceWorker()],
  resolve: { alias: [withoutParser] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // tools/bundle-size.mjs reads it to add up what each page's first load fetches.
    manifest: true,
    target: 'es2022',
    // ECharts, even tree-shaken, is one ~600 kB (minified) chunk loaded with the overview.
    chunkSizeWarningLimit: 800,
    // ECharts in a chunk of its own: pages without charts (cases, trainings, regions) never load it.
    rolldownOptions: {
      output: { advancedChunks: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/ }] } },
    },
  },
  server: { proxy: { '/api': process.env.JALON_API ?? 'http://localhost:3000' } },
});
