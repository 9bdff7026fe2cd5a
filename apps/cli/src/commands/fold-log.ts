import cliProgress from 'cli-progress';
import { readPages, type EventStore } from '@jalon/event-store';
import { IndicatorEngine, RecordedTimes } from '@jalon/projections';

/** Below this many events a replay is too quick for a progress bar to be worth drawing. */
const PROGRESS_THRESHOLD = 5_000;
/** Large pages: each page is one query, and a replay reads the whole log. */
const REPLAY_PAGE = 5_000;

export interface FoldedLog {
  /** The indicator read model the API keeps, over the log up to the head read. */
  engine: IndicatorEngine;
  /** Each position's recordedAt, to resolve a time to a position as the API does. */
  times: RecordedTimes;
}

/** Folds the log up to `upTo` into a fresh engine, with a progress bar on stderr for long logs. */
export async function foldLog(store: EventStore, upTo: number): Promise<FoldedLog> {
  const engine = new IndicatorEngine();
  const times = new RecordedTimes();
  const bar = upTo > PROGRESS_THRESHOLD && process.stderr.isTTY ? progressBar(upTo) : undefined;
  try {
    for await (const page of readPages(store, { upTo, pageSize: REPLAY_PAGE })) {
      for (const event of page) {
        engine.apply(event);
        times.record(event.position, event.metadata.recordedAt);
      }
      bar?.update(engine.position);
    }
  } finally {
    bar?.stop();
  }
  return { engine, times };
}

function progressBar(total: number): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'replaying [{bar}] {percentage}% | {value}/{total} events | {eta_formatted}', clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
