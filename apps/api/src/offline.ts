/**
 * What the command line runs straight against a store, without the HTTP server: importing this
 * entry point loads neither NestJS's application nor the report libraries, so `jalon import` and
 * `jalon import-sheet` start in a fraction of the time `jalon serve` needs.
 */
export { importNdjson, ImportRefusedError, type ImportResult } from './events/import-ndjson.js';
export { SheetImport, type SheetAccepted, type SheetReport } from './sheets/sheet-import.js';
export { ProblemException } from './http/problem.js';
