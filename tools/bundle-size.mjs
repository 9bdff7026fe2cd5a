#!/usr/bin/env node
/**
 * The JavaScript a browser loads for each first page of the dashboard, gzipped: the entry, the
 * signed-in shell, the page's chunk and everything they import statically (Vite's manifest).
 * Prints one line per page; exits 1 when a page is over the budget (250 kB, issue 10).
 * Usage: node tools/bundle-size.mjs [apps/dashboard/dist]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 250;
const SHELL = 'src/components/Shell.svelte';

/** { page: kB gzipped } for every src/pages/*.svelte of the build's manifest. */
export function firstLoadSizes(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const closure = (keys) => {
    const seen = new Set();
    const visit = (k) => {
      if (seen.has(k) || !manifest[k]) return;
      seen.add(k);
      for (const i of manifest[k].imports ?? []) visit(i);
    };
    keys.forEach(visit);
    return seen;
  };
  const gzipKb = (file) => gzipSync(readFileSync(join(dist, file))).length / 1000;
  const sizes = {};
  for (const key of Object.keys(manifest).filter((k) => k.startsWith('src/pages/')).sort()) {
    const files = [...closure([entry, SHELL, key])].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
    sizes[key.slice('src/pages/'.length).replace(/\.svelte$/, '')] = Math.round(files.reduce((s, f) => s + gzipKb(f), 0) * 10) / 10;
  }
  return sizes;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? 'apps/dashboard/dist');
  const sizes = firstLoadSizes(dist);
  let over = false;
  for (const [page, kb] of Object.entries(sizes)) {
    over ||= kb > BUDGET_KB;
    console.log(`${page.padEnd(18)} ${kb.toFixed(1).padStart(7)} kB gzipped${kb > BUDGET_KB ? `  OVER ${BUDGET_KB} kB` : ''}`);
  }
  process.exit(over ? 1 : 0);
}
