import type { EventStore } from '@jalon/event-store';
import { foldLog } from './fold-log.js';
import { checkKnownAt, knownAt, type KnownAtOptions } from './known-at.js';
import { formatIndicatorTable } from './replay-table.js';

export interface ReplayOptions extends KnownAtOptions {
  asOf?: string;
  json?: boolean;
}

/**
 * `jalon replay`: folds the whole log into a fresh indicator engine (the read model the API keeps)
 * and prints every indicator, as a table or as the JSON of GET /api/v1/indicators.
 */
export async function replay(store: EventStore, options: ReplayOptions, out: (text: string) => void): Promise<number> {
  const head = await store.head();
  checkKnownAt(options, head.position);
  const { engine, times } = await foldLog(store, head.position);
  const view = engine.indicators({ asOf: options.asOf, atPosition: knownAt(options, times) });
  out(options.json ? `${JSON.stringify(view)}\n` : formatIndicatorTable(view));
  return 0;
}
