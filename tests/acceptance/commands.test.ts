import { sqliteStore } from './support/sqlite.js';
import { commandsSuite } from './suites/index.js';

commandsSuite('sqlite', sqliteStore);
