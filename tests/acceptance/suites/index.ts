/**
 * The whole acceptance suite, run against one kind of store: `runAcceptance('postgres', () =>
 * 'postgres://…/fresh_db')`. The SQLite runners (tests/acceptance/*.test.ts) call each part from
 * its own file so that Vitest can spread them over workers.
 */
import type { StoreFactory } from '../support/server.js';
import { accessSuite } from './access.js';
import { commandsSuite } from './commands.js';
import { edgeCasesSuite } from './edge-cases.js';
import { exportImportSuite } from './export-import.js';
import { exportsSuite } from './exports.js';
import { indicatorsSuite } from './indicators.js';
import { logBrowserSuite } from './log-browser.js';
import { readAuditSuite } from './read-audit.js';
import { refusalsSuite } from './refusals.js';
import { reportsSuite } from './reports.js';
import { restatementSuite } from './restatement.js';
import { sheetsSuite } from './sheets.js';
import { suppressionSuite } from './suppression.js';

export {
  accessSuite,
  commandsSuite,
  edgeCasesSuite,
  exportImportSuite,
  exportsSuite,
  indicatorsSuite,
  logBrowserSuite,
  readAuditSuite,
  refusalsSuite,
  reportsSuite,
  restatementSuite,
  sheetsSuite,
  suppressionSuite,
};

export function runAcceptance(label: string, stores: StoreFactory): void {
  accessSuite(label, stores);
  refusalsSuite(label, stores);
  commandsSuite(label, stores);
  indicatorsSuite(label, stores);
  suppressionSuite(label, stores);
  exportImportSuite(label, stores);
  exportsSuite(label, stores);
  reportsSuite(label, stores);
  sheetsSuite(label, stores);
  restatementSuite(label, stores);
  readAuditSuite(label, stores);
  logBrowserSuite(label, stores);
  edgeCasesSuite(label, stores);
}
