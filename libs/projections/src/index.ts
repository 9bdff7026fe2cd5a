export * from './views.js';
export * from './engine.js';
export * from './calendar.js';
export * from './expected.js';
export * from './suppression.js';
export { PERCENT_PARTS, AUDIENCE_INDICATOR } from './contributions.js';
export * from './indicator-table.js';
export * from './iati-results.js';
