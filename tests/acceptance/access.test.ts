import { sqliteStore } from './support/sqlite.js';
import { accessSuite } from './suites/index.js';

accessSuite('sqlite', sqliteStore);
