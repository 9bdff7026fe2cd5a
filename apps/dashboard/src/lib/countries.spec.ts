import { describe, expect, it } from 'vitest';
import { countryName, loadCountryNames } from './countries.js';

describe('country names', () => {
  it('names a nationality once the language’s table is loaded, and not before', async () => {
    expect(countryName('NG', 'ar')).toBeUndefined();
    await loadCountryNames('ar');
    expect(countryName('NG', 'ar')).toBe('نيجيريا');
    expect(countryName('CM', 'ar')).toBe('الكاميرون');
    expect(countryName('NG', 'de'), 'German is not loaded yet').toBeUndefined();
    await Promise.all([loadCountryNames('de'), loadCountryNames('fr'), loadCountryNames('en')]);
    expect(['de', 'fr', 'en'].map((lang) => countryName('CI', lang as 'de'))).toEqual(['Elfenbeinküste', "Côte-d'Ivoire", "Cote d'Ivoire"]);
  });
});
