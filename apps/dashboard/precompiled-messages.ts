/**
 * A Vite plugin that parses the message catalogues (src/lib/catalogs/*.ts) at build time, as
 * formatjs recommends: each module ships its messages as ICU syntax trees, and the browser gets
 * intl-messageformat without its parser (aliased to the parser package's `no-parser` entry).
 * The first page is then lighter by the parser, which it would only use to read its own catalogue.
 * Tests (Vitest) keep the plain strings and the full parser.
 */
import { pathToFileURL } from 'node:url';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Alias, Plugin } from 'vite';

const CATALOG = /[\\/]src[\\/]lib[\\/]catalogs[\\/](fr|en|de|ar)\.ts$/;

/** The alias that leaves the parser out of the browser's bundle. */
export const withoutParser: Alias = {
  find: /^@formatjs\/icu-messageformat-parser$/,
  replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
};

/** `export default { key: message }` → the same keys, each message parsed. */
export async function compiledCatalog(file: string, stamp = Date.now()): Promise<string> {
  // Node runs the catalogue's TypeScript itself (type stripping): it only holds string literals.
  const { default: messages } = (await import(`${pathToFileURL(file).href}?t=${stamp}`)) as { default: Record<string, string> };
  const trees = Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, parse(message)]));
  return `export default ${JSON.stringify(trees)};\n`;
}

export function precompiledMessages(): Plugin {
  return {
    name: 'jalon:precompiled-messages',
    enforce: 'pre',
    async load(id) {
      const file = id.split('?')[0];
      if (!CATALOG.test(file)) return null;
      this.addWatchFile(file);
      return compiledCatalog(file);
    },
  };
}
