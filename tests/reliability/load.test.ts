/**
 * Load: autocannon against the real server on SQLite with the demo history, 50 connections for
 * JALON_LOAD_SECONDS (default 10; say 60 for a soak), a mix of reads (indicators, series,
 * breakdown, logframe) and writes (new trainings and cases with unique ids). It asserts no errors,
 * no non-2xx and that every acknowledged write is in the log; timings and memory are printed, not
 * asserted (the CI box is shared).
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { describe, expect, it } from 'vitest';
import { countSetting } from '../support/settings.js';
import { exportLog, login, manager, rssOf, scratchDir, startApi } from './support.js';

const SECONDS = countSetting('JALON_LOAD_SECONDS', 10);
const CONNECTIONS = 50;
const WARM_UP_SECONDS = 5;
const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

type Kind = 'indicators' | 'series' | 'breakdown' | 'logframe' | 'training' | 'case';
/** Weights: mostly reads, as a dashboard and a few data-entry clerks would make. */
const MIX: [Kind, number][] = [
  ['indicators', 25],
  ['series', 20],
  ['breakdown', 15],
  ['logframe', 10],
  ['training', 15],
  ['case', 15],
];
const TOTAL_WEIGHT = MIX.reduce((sum, [, w]) => sum + w, 0);
const CODES = ['1.1', '1.2', '2.1', '2.2', '2.5', '3.1'];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

function chooseKind(): Kind {
  let roll = Math.random() * TOTAL_WEIGHT;
  for (const [kind, weight] of MIX) if ((roll -= weight) < 0) return kind;
  return 'indicators';
}

let counter = 0;
const tag = `${process.pid}-${Date.now().toString(36)}`;

function request(kind: Kind): { method: 'GET' | 'POST'; path: string; body?: string } {
  const code = pick(CODES);
  switch (kind) {
    case 'indicators':
      return { method: 'GET', path: `/api/v1/indicators?asOf=${pick(['2015-06-30', '2016-12-31'])}` };
    case 'series':
      return { method: 'GET', path: `/api/v1/indicators/${code}/series?period=${pick(['quarter', 'year'])}` };
    case 'breakdown':
      return { method: 'GET', path: `/api/v1/indicators/${pick(['1.1', '1.2'])}/breakdown?by=${pick(['sex', 'nationality', 'ageGroup'])}` };
    case 'logframe':
      return { method: 'GET', path: '/api/v1/logframe' };
    case 'training':
      return {
        method: 'POST',
        path: '/api/v1/trainings',
        body: JSON.stringify({
          trainingId: `load-t-${tag}-${++counter}`,
          heldOn: '2015-05-12',
          audience: pick(['government', 'cso', 'iom_staff']),
          topic: 'Load test training',
          region: 'oriental',
          participants: { female: 3, male: 2 },
        }),
      };
    case 'case':
      return {
        method: 'POST',
        path: '/api/v1/cases',
        body: JSON.stringify({
          caseId: `load-c-${tag}-${++counter}`,
          identifiedOn: '2015-07-01',
          sex: pick(['female', 'male']),
          ageGroup: 'adult',
          nationality: pick(['NG', 'CM', 'CI']),
          exploitationType: 'labour',
          referredBy: 'iom',
        }),
      };
  }
}

describe('load', () => {
  it(`${CONNECTIONS} connections for ${SECONDS} s of mixed reads and writes: no errors, every acknowledged write kept`, async () => {
    const scratch = scratchDir('load');
    const heapFile = `${scratch.dir}/heap.txt`;
    const server = await startApi(`sqlite:${scratch.dir}/j.db`, { demo: true, heapSamples: heapFile });
    try {
      const token = await manager(server.api, await login(server.api));
      const before = (await exportLog(server.api, token)).length;

      const acknowledged: Record<'training' | 'case', string[]> = { training: [], case: [] };
      const byKind = new Map<Kind, { n: number; statuses: Record<number, number> }>();
      const samples: string[] = [];
      const rss: number[] = [rssOf(server.pid)];
      const sampler = setInterval(() => rss.push(rssOf(server.pid)), 1000);

      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const result = await autocannon({
        url: server.url,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers,
        requests: [
          {
            setupRequest: (req: any, context: any) => {
              context.kind = chooseKind();
              // autocannon keeps the Content-Length it set for a POST in the request's shared headers
              // object: a GET after it would announce a body it does not send. Fresh headers each time.
              const { method, path, body } = request(context.kind);
              return { ...req, method, path, body, headers: { ...headers } };
            },
            onResponse: (status: number, body: string, context: any) => {
              const kind = context.kind as Kind;
              const stats = byKind.get(kind) ?? { n: 0, statuses: {} };
              stats.n += 1;
              stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
              byKind.set(kind, stats);
              if (status >= 300 && samples.length < 3) samples.push(`${kind} ${status} ${body.slice(0, 300)}`);
              if (status === 201 && (kind === 'training' || kind === 'case')) acknowledged[kind].push(JSON.parse(body).eventIds[0]);
            },
          },
        ],
      });
      clearInterval(sampler);
      rss.push(rssOf(server.pid));
      const heap = readFileSync(heapFile, 'utf8').trim().split('\n').map(Number);
      // The first seconds load code and warm caches; after them only the read models should grow.
      const warm = heap[Math.min(WARM_UP_SECONDS, heap.length - 1)];
      const writes = acknowledged.training.length + acknowledged.case.length;
      const perWrite = (heap[heap.length - 1] - warm) / Math.max(1, writes);

      const log = await exportLog(server.api, token);
      const ids = new Set(log.map((e) => e.eventId));
      const added = { training: log.filter((e, i) => i >= before && e.type === 'TrainingHeld').length, case: log.filter((e, i) => i >= before && e.type === 'VictimIdentified').length };
      const missing = [...acknowledged.training, ...acknowledged.case].filter((id) => !ids.has(id));

      const lines = [
        `[reliability] load: ${CONNECTIONS} connections, ${SECONDS} s on SQLite (demo history, ${before} events at start)`,
        `  requests ${result.requests.total} (${result.requests.average.toFixed(0)}/s average), throughput ${MiB(result.throughput.average)}/s`,
        `  latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
        `  errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, status codes ${JSON.stringify(Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, (v as any).count])))}`,
        `  by kind ${JSON.stringify(Object.fromEntries([...byKind].map(([k, v]) => [k, v.statuses])))}`,
        `  writes acknowledged: trainings ${acknowledged.training.length}, cases ${acknowledged.case.length}; in the log: trainings ${added.training}, cases ${added.case}; acknowledged but missing ${missing.length}`,
        ...samples.map((s) => `  refused: ${s}`),
        `  server RSS start ${MiB(rss[0])}, end ${MiB(rss[rss.length - 1])}, max ${MiB(Math.max(...rss))} (${rss.length} samples)`,
        `  server heap after a full GC: start ${MiB(heap[0])}, after ${WARM_UP_SECONDS} s ${MiB(warm)}, end ${MiB(heap[heap.length - 1])}: ${perWrite.toFixed(0)} bytes per acknowledged write`,
        `    (per second: ${heap.map((h) => (h / 1048576).toFixed(1)).join(' ')} MiB)`,
      ];
      process.stdout.write(lines.join('\n') + '\n');

      expect(result.errors, 'connection errors').toBe(0);
      expect(result.timeouts, 'timeouts').toBe(0);
      expect(result.non2xx, lines.join('\n')).toBe(0);
      expect(missing).toEqual([]);
      // Memory flat: past the warm-up, the heap in use after a full collection grows only by what
      // the new events add to the read models (measured: about 750 bytes each), not by requests.
      expect(perWrite, lines.join('\n')).toBeLessThan(2048);
      // A write still in flight when autocannon stopped may be recorded without its 201 being counted.
      for (const kind of ['training', 'case'] as const) {
        expect(added[kind]).toBeGreaterThanOrEqual(acknowledged[kind].length);
        expect(added[kind]).toBeLessThanOrEqual(acknowledged[kind].length + CONNECTIONS);
      }
      expect(acknowledged.training.length + acknowledged.case.length).toBeGreaterThan(0);
      const verify = await server.api('GET', '/api/v1/audit/verify', { token });
      expect(verify.json).toMatchObject({ ok: true, events: log.length });
    } finally {
      await server.stop();
      scratch.remove();
    }
  }, (SECONDS + 120) * 1000);
});
