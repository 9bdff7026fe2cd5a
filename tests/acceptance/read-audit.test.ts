import { sqliteStore } from './support/sqlite.js';
import { readAuditSuite } from './suites/index.js';

readAuditSuite('sqlite', sqliteStore);
