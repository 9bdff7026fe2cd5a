import { sqliteStore } from './support/sqlite.js';
import { logBrowserSuite } from './suites/index.js';

logBrowserSuite('sqlite', sqliteStore);
