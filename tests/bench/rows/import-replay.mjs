// Whole-log rows: `jalon import` of the export against a raw batch insert that verifies the chain,
// and `jalon replay` against reading and JSON.parse-ing every row.
import { join } from 'node:path';
import { benchExport } from '../support/log.mjs';
import { copyOfLog, importedLog, removeDb } from '../support/databases.mjs';
import { sideBySide } from '../support/measure.mjs';
import { jalon, runNode } from '../support/processes.mjs';
import { roundsText, row } from '../support/table.mjs';

const FLOORS = join(import.meta.dirname, '..', 'support', 'floors.mjs');

export async function importRows(ctx) {
  const { events, rounds, budgetSeconds, cacheDir } = ctx.settings;
  const file = await benchExport(events, cacheDir, ctx.say);
  const target = (name) => {
    const db = join(ctx.workDir, `${name}.db`);
    removeDb(db);
    return db;
  };
  const times = await sideBySide({
    jalon: () => jalon(`sqlite:${target('import-jalon')}`, ['import', file]),
    floor: () => runNode([FLOORS, 'import', file, target('import-floor')]),
  }, { rounds, budgetSeconds });
  await importedLog(ctx, join(ctx.workDir, 'import-jalon.db'));
  const rate = (name) => events / (times[name].ms / 1000);
  const ratio = rate('jalon') / rate('floor');
  return [row({ name: `import ${events.toLocaleString('en')} events`, measure: `events/s (${roundsText(times.jalon.rounds)})`, jalon: rate('jalon'), unit: '/s', reference: rate('floor'), referenceLabel: 'raw batch insert + chain', ratio, target: '≥ 0.5× floor', met: ratio >= 0.5 })];
}

export async function replayRows(ctx) {
  const { events, rounds, budgetSeconds } = ctx.settings;
  const db = await copyOfLog(ctx, 'replay');
  const times = await sideBySide({
    jalon: () => jalon(`sqlite:${db}`, ['replay', '--json']),
    floor: () => runNode([FLOORS, 'replay', db]),
  }, { rounds, budgetSeconds });
  ctx.figures.replayMs = times.jalon.ms;
  const rate = (name) => events / (times[name].ms / 1000);
  const ratio = rate('jalon') / rate('floor');
  return [row({ name: `replay ${events.toLocaleString('en')} events`, measure: `events/s (${roundsText(times.jalon.rounds)})`, jalon: rate('jalon'), unit: '/s', reference: rate('floor'), referenceLabel: 'read + JSON.parse', ratio, target: '≥ 0.6× floor', met: ratio >= 0.6 })];
}
