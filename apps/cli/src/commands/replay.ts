import cliProgress from 'cli-progress';
import type { EventStore } from '@jalon/event-store';
import { IndicatorEngine } from '@jalon/projections';
import { usageError } from '../failure.js';
import { readLog } from '../store.js';
import { formatIndicatorTable } from './replay-table.js';

export interface ReplayOptions {
  asOf?: string;
  atPosition?: number;
  json?: boolean;
}

/** Below this many events a replay is too quick for a progress bar to be worth drawing. */
const PROGRESS_THRESHOLD = 5_000;

/**
 * `jalon replay`: folds the whole log into a fresh indicator engine (the read model the API keeps)
 * and prints every indicator, as a table or as the JSON of GET /api/v1/indicators.
 */
export async function replay(store: EventStore, options: ReplayOptions, out: (text: string) => void): Promise<number> {
  const head = await store.head();
  if (options.atPosition !== undefined && options.atPosition > head.position)
    throw usageError(`--at-position ${options.atPosition} is beyond the head of the log (position ${head.position})`);
  const view = (await fold(store, head.position)).indicators({ asOf: options.asOf, atPosition: options.atPosition });
  out(options.json ? `${JSON.stringify(view)}\n` : formatIndicatorTable(view));
  return 0;
}

async function fold(store: EventStore, upTo: number): Promise<IndicatorEngine> {
  const engine = new IndicatorEngine();
  const bar = upTo > PROGRESS_THRESHOLD && process.stderr.isTTY ? progressBar(upTo) : undefined;
  try {
    for await (const page of readLog(store, upTo)) {
      for (const event of page) engine.apply(event);
      bar?.update(engine.position);
    }
  } finally {
    bar?.stop();
  }
  return engine;
}

function progressBar(total: number): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'replaying [{bar}] {percentage}% | {value}/{total} events | {eta_formatted}', clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
