export * from './envelope.js';
export * from './port.js';
export * from './errors.js';
export { ENVELOPE_KEYS, envelopeShapeProblem } from './envelope-shape.js';
export * from './hash-chain.js';
export * from './ndjson.js';
export { openSqliteStore, type SqliteEventStore } from './sqlite-store.js';
export { openPostgresStore, type PostgresStoreOptions } from './postgres-store.js';
export { openStore } from './open-store.js';
