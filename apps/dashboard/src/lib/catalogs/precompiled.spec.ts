import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { compiledCatalog } from '../../../precompiled-messages.js';
import { LANGS, loadCatalog } from '../i18n.js';

// What the build ships (parsed trees) says the same as the plain catalogue the tests read.
describe('catalogues parsed at build time', () => {
  it('format exactly as the ICU strings they come from, in every language', async () => {
    for (const lang of LANGS) {
      const file = fileURLToPath(new URL(`./${lang}.ts`, import.meta.url));
      const source = await compiledCatalog(file);
      expect(source.startsWith('export default {')).toBe(true);
      const trees = JSON.parse(source.slice('export default '.length).trim().replace(/;$/, '')) as Record<string, never>;
      const strings = await loadCatalog(lang);
      expect(Object.keys(trees)).toEqual(Object.keys(strings));
      const values = { rows: '3', errors: '1', events: '21', n: '2', count: '0', position: '7', hash: 'ab', since: '5', date: 'x' };
      for (const key of ['sheets.invalid', 'audit.intact', 'csos.scoresNote', 'rs.summary', 'app.loading'] as const) {
        const built = new IntlMessageFormat(trees[key], lang).format(values);
        expect(built, `${lang} ${key}`).toBe(new IntlMessageFormat(strings[key], lang).format(values));
      }
    }
  });
});
