/** The shape every language's catalogue has: fr.ts's keys, each an ICU message. */
import type fr from './fr.js';

export type Key = keyof typeof fr;
export type Catalog = Record<Key, string>;
