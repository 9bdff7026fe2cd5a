import { sqliteStore } from './support/sqlite.js';
import { suppressionSuite } from './suites/index.js';

suppressionSuite('sqlite', sqliteStore);
