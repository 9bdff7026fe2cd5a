import { sqliteStore } from './support/sqlite.js';
import { restatementSuite } from './suites/index.js';

restatementSuite('sqlite', sqliteStore);
