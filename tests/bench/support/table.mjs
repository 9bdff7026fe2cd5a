// The one table a run prints, and the same as JSON and Markdown with the machine it ran on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export const COLUMNS = ['row', 'measure', 'jalon', 'floor/peer', 'ratio', 'target', 'met?'];

/** Numbers as a reader takes them in: 3 significant digits, thousands separated. */
export function num(value, digits = 3) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (Math.abs(value) >= 10 ** digits) return Math.round(value).toLocaleString('en');
  return Number(value.toPrecision(digits)).toLocaleString('en', { maximumSignificantDigits: digits });
}

/**
 * One row. `jalon` and `reference` are figures with a unit; `ratio` is how jalon compares (above 1:
 * better than the reference), `met` whether the target holds (null when there is none).
 */
export function row({ name, measure, jalon, unit, reference, referenceLabel, ratio = null, target = '', met = null, error }) {
  return {
    row: name,
    measure,
    jalon: error ? 'ERROR' : `${num(jalon)} ${unit}`,
    'floor/peer': reference === undefined ? '' : `${num(reference)} ${unit} (${referenceLabel})`,
    ratio: ratio === null ? '' : `${num(ratio, 2)}×`,
    target,
    'met?': error ? 'error' : met === null ? '' : met ? 'yes' : 'NO',
    values: { jalon: jalon ?? null, reference: reference ?? null, ratio, unit },
    ...(error ? { error } : {}),
  };
}

export const failedRow = (name, measure, error) => row({ name, measure, unit: '', error: String(error?.stack ?? error) });

export function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    ramGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
}

export function formatText(rows) {
  const cells = [COLUMNS, ...rows.map((r) => COLUMNS.map((c) => r[c]))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => String(line[i]).length)));
  const line = (values) => values.map((v, i) => String(v).padEnd(widths[i])).join('  ').trimEnd();
  return [line(COLUMNS), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function formatMarkdown(result) {
  const m = result.machine;
  const escape = (v) => String(v).replaceAll('|', '\\|');
  return [
    `# jalon bench — ${result.settings.events.toLocaleString('en')} events`,
    '',
    `${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.date}; ${result.settings.rounds} rounds max, commit ${result.commit}`,
    '',
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...result.rows.map((r) => `| ${COLUMNS.map((c) => escape(r[c])).join(' | ')} |`),
    '',
    ...result.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}

export function writeResults(dir, result) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.md'), formatMarkdown(result));
}

export const roundsText = (n) => `${n} round${n === 1 ? '' : 's'}`;
