import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// The API serves this build at `/`; in `vite dev`, /api goes to a running server (JALON_API).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [svelte()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // ECharts, even tree-shaken, is one ~600 kB (minified) chunk loaded with the overview.
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': process.env.JALON_API ?? 'http://localhost:3000' } },
});
