import type { Region } from '../vocabulary.js';

/** Where things happen in the demo: Morocco's 12 regions (2015) and some of their cities. */

export const CITIES: Readonly<Record<Region, readonly string[]>> = {
  'tanger-tetouan-al-hoceima': ['Tanger', 'Tétouan', 'Al Hoceïma', 'Larache'],
  oriental: ['Oujda', 'Nador', 'Berkane'],
  'fes-meknes': ['Fès', 'Meknès', 'Taza'],
  'rabat-sale-kenitra': ['Rabat', 'Salé', 'Kénitra', 'Témara'],
  'beni-mellal-khenifra': ['Béni Mellal', 'Khouribga'],
  'casablanca-settat': ['Casablanca', 'Mohammédia', 'El Jadida', 'Settat'],
  'marrakech-safi': ['Marrakech', 'Safi', 'Essaouira'],
  'draa-tafilalet': ['Errachidia', 'Ouarzazate'],
  'souss-massa': ['Agadir', 'Tiznit', 'Inezgane'],
  'guelmim-oued-noun': ['Guelmim', 'Tan-Tan'],
  'laayoune-sakia-el-hamra': ['Laâyoune'],
  'dakhla-oued-ed-dahab': ['Dakhla'],
};

/** CSOs cluster where migrants live: the Rabat-Casablanca axis, the north and the east. */
export const CSO_REGIONS: ReadonlyArray<readonly [Region, number]> = [
  ['rabat-sale-kenitra', 10],
  ['casablanca-settat', 8],
  ['oriental', 7],
  ['tanger-tetouan-al-hoceima', 6],
  ['fes-meknes', 4],
  ['souss-massa', 3],
  ['marrakech-safi', 3],
  ['beni-mellal-khenifra', 1],
  ['draa-tafilalet', 1],
  ['guelmim-oued-noun', 1],
  ['laayoune-sakia-el-hamra', 1],
  ['dakhla-oued-ed-dahab', 1],
];

export const CSO_KINDS = ['Association', 'Fondation', 'Collectif', 'Réseau', 'Centre', 'Espace'] as const;

/** Common words of Moroccan association names; combined with a city and marked synthetic. */
export const CSO_WORDS = [
  'Al Amal', 'Annour', 'Tadamoun', 'Al Karama', 'Assadaka', 'Afak', 'Al Wafae', 'Tawassol',
  'Insaf', 'Al Hayat', 'Ennakhil', 'Attadamon', 'Al Yamama', 'Badr', 'Chourouk', 'Al Massira',
  'Ajyal', 'Al Ihsane', 'Tilila', 'Amane', 'Rahma', 'Al Ouafae', 'Manar', 'Nakhla',
] as const;

export const CSO_SUFFIX = '(synthétique)';
