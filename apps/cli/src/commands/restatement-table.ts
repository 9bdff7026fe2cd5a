import { findIndicator, PROJECT } from '@jalon/domain';
import type { MemberChange, RestatementChange, RestatementView } from '@jalon/projections';
import { number } from './replay-table.js';

type Row = Record<string, string>;

/** Columns padded to their widest cell; numbers right-aligned. */
function table(columns: string[], rows: Row[], right: Set<string>): string[] {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => [...r[c]].length)));
  const line = (cells: Row) =>
    columns
      .map((c, k) => (right.has(c) ? cells[c].padStart(widths[k]) : cells[c].padEnd(widths[k])))
      .join('  ')
      .trimEnd();
  const header = Object.fromEntries(columns.map((c) => [c, c]));
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

const unitOf = (code: string) => findIndicator(code)?.unit ?? 'count';

function figuresRows(view: RestatementView): Row[] {
  return view.indicators.map((i) => {
    const unit = unitOf(i.code);
    return {
      code: i.code,
      indicator: findIndicator(i.code)?.title.en ?? i.code,
      'value then': number(i.then.value, unit),
      'value now': number(i.now.value, unit),
      'target then': number(i.then.target, unit),
      'target now': number(i.now.target, unit),
      'expected then': number(i.then.expected, unit),
      'expected now': number(i.now.expected, unit),
      restated: i.restated ? 'yes' : 'no',
    };
  });
}

/** Before → after, unrounded when rounding would make them look equal. */
function difference({ before, after }: MemberChange, unit: 'count' | 'percent'): string {
  const [b, a] = [number(before, unit), number(after, unit)];
  return b === a ? `${before} → ${after}` : `${b} → ${a}`;
}

function changeRows(view: RestatementView): Row[] {
  const members = (c: RestatementChange, unit: 'count' | 'percent') =>
    (['value', 'target', 'expected'] as const)
      .filter((m) => c[m])
      .map((m) => `${m} ${difference(c[m] as MemberChange, unit)}`)
      .join(', ');
  const rows = view.indicators.flatMap((i) =>
    (i.changes ?? []).map((c) => ({
      position: String(c.position),
      code: i.code,
      change: members(c, unitOf(i.code)),
      type: c.type,
      stream: c.streamId,
      'recorded at': c.recordedAt,
      by: c.recordedBy,
      reason: c.reason ?? '',
    })),
  );
  return rows.sort((a, b) => Number(a.position) - Number(b.position));
}

/** The restatement as plain text: then and now per indicator, then each change in log order. */
export function formatRestatement(view: RestatementView): string {
  const figures = table(
    ['code', 'indicator', 'value then', 'value now', 'target then', 'target now', 'expected then', 'expected now', 'restated'],
    figuresRows(view),
    new Set(['value then', 'value now', 'target then', 'target now', 'expected then', 'expected now']),
  );
  const changes = changeRows(view);
  return [
    `Restatement as of ${view.asOf}: known at position ${view.since} (then) and at position ${view.position} (now)`,
    '',
    ...figures,
    '',
    changes.length === 0
      ? 'No event in between changed a value, target or expected value.'
      : `Changes (${changes.length}), in log order:`,
    ...(changes.length === 0 ? [] : ['', ...table(['position', 'code', 'change', 'type', 'stream', 'recorded at', 'by', 'reason'], changes, new Set(['position']))]),
    '',
    PROJECT.notice.en,
    '',
  ].join('\n');
}
