import { sqliteStore } from './support/sqlite.js';
import { edgeCasesSuite } from './suites/index.js';

edgeCasesSuite('sqlite', sqliteStore);
