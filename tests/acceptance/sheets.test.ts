import { sqliteStore } from './support/sqlite.js';
import { sheetsSuite } from './suites/index.js';

sheetsSuite('sqlite', sqliteStore);
