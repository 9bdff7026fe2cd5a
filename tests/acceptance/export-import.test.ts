import { sqliteStore } from './support/sqlite.js';
import { exportImportSuite } from './suites/index.js';

exportImportSuite('sqlite', sqliteStore);
