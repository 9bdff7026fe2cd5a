import { sqliteStore } from './support/sqlite.js';
import { refusalsSuite } from './suites/index.js';

refusalsSuite('sqlite', sqliteStore);
