import { sqliteStore } from './support/sqlite.js';
import { reportsSuite } from './suites/index.js';

reportsSuite('sqlite', sqliteStore);
