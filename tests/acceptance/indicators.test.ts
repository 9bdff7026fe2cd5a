import { sqliteStore } from './support/sqlite.js';
import { indicatorsSuite } from './suites/index.js';

indicatorsSuite('sqlite', sqliteStore);
