import { sqliteStore } from './support/sqlite.js';
import { exportsSuite } from './suites/index.js';

exportsSuite('sqlite', sqliteStore);
