export * from './columns.js';
export * from './rows.js';
export * from './decide-rows.js';
