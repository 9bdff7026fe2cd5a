import { PROJECT_END } from '@jalon/domain';
import { eventsAt, type EventStore } from '@jalon/event-store';
import { changedPositions, describeChanges, restate } from '@jalon/projections';
import { usageError } from '../failure.js';
import { foldLog } from './fold-log.js';
import { checkKnownAt, checkPosition, knownAt, positionAt, type KnownAtOptions } from './known-at.js';
import { formatRestatement } from './restatement-table.js';

export interface RestatementOptions extends KnownAtOptions {
  since?: number;
  sinceTime?: string;
  asOf?: string;
  json?: boolean;
}

/**
 * `jalon restatement`: what changed in each indicator as of D between the log known at P (--since
 * or --since-time) and at Q (--at-position, --at-time, default the head), and which events changed
 * it — the answer of GET /api/v1/restatement for a reader who may see events.
 */
export async function restatement(store: EventStore, options: RestatementOptions, out: (text: string) => void): Promise<number> {
  if ((options.since === undefined) === (options.sinceTime === undefined))
    throw usageError('give exactly one of --since and --since-time');
  const head = (await store.head()).position;
  checkKnownAt(options, head);
  checkPosition('--since', options.since, head);
  const { engine, times } = await foldLog(store, head);
  const since = options.since ?? positionAt(times, options.sinceTime!);
  const position = knownAt(options, times) ?? head;
  if (since > position) throw usageError(`--since resolves to position ${since}, after the position compared (${position})`);
  const report = restate(engine, { asOf: options.asOf ?? PROJECT_END, since, position });
  const view = describeChanges(report, await eventsAt(store, changedPositions(report)));
  out(options.json ? `${JSON.stringify(view)}\n` : formatRestatement(view));
  return 0;
}
