// Queries over HTTP at the whole log: p50 and p99 of sequential requests, and GET /indicators in
// requests/s against a constant-JSON route of the same app (the bench's constant-server.mjs).
import { seeded } from '../support/log.mjs';
import { call, cannon, latencies } from '../support/http.mjs';
import { performance } from 'node:perf_hooks';
import { median, percentile } from '../support/measure.mjs';
import { rssMb } from '../support/processes.mjs';
import { row } from '../support/table.mjs';

const START = Date.UTC(2014, 8, 1);
const DAYS = 852;

function questions(head, restatementEvents) {
  const rand = seeded(7);
  const day = () => new Date(START + Math.floor(rand() * DAYS) * 86_400_000).toISOString().slice(0, 10);
  const position = () => Math.floor(rand() * (head + 1));
  const since = Math.max(0, head - restatementEvents);
  return [
    { name: 'head', path: () => '/api/v1/indicators', target: 5 },
    { name: 'random asOf', path: () => `/api/v1/indicators?asOf=${day()}`, target: 20 },
    { name: 'random atPosition', path: () => `/api/v1/indicators?atPosition=${position()}`, target: 250 },
    { name: 'series, quarters', path: () => '/api/v1/indicators/1.1/series?period=quarter' },
    { name: 'breakdown by nationality', path: () => '/api/v1/indicators/1.1/breakdown?by=nationality' },
    { name: `restatement, ${(head - since).toLocaleString('en')} events`, path: () => `/api/v1/restatement?since=${since}&asOf=${day()}`, target: 500, fewer: true },
    { name: 'activities: CSOs, head', path: () => '/api/v1/activities/csos' },
    { name: 'activities: cases, random asOf', path: () => `/api/v1/activities/cases?asOf=${day()}` },
    { name: 'activities: trainings, random atPosition', path: () => `/api/v1/activities/trainings?atPosition=${position()}` },
  ];
}

export async function queryRows(ctx) {
  const { events, queries, restatementEvents } = ctx.settings;
  const { url, token, pid } = await ctx.bigServer();
  const head = (await call(url, token, 'GET', '/api/v1/indicators')).position;
  const rows = [];
  for (const q of questions(head, restatementEvents)) {
    const count = q.fewer ? Math.max(5, Math.ceil(queries / 10)) : queries;
    // Each query followed by the constant route, so that both see the same moments of the machine:
    // the constant route's p99 is what this machine allows any route at that time.
    const constant = [];
    const { p50, p99 } = await latencies(count, async () => {
      await call(url, token, 'GET', q.path());
      const started = performance.now();
      await call(url, token, 'GET', '/api/v1/bench/constant');
      constant.push(performance.now() - started);
    }, (measured, i) => measured - constant[i]);
    const floor = percentile(constant, 99);
    rows.push(row({ name: `query at ${events.toLocaleString('en')}: ${q.name}`, measure: `p99 ms (p50 ${p50.toFixed(1)}, n=${count})`, jalon: p99, unit: 'ms', reference: floor, referenceLabel: 'constant route, p99', ratio: floor / p99, target: q.target ? `≤ ${q.target} ms` : '', met: q.target ? p99 <= q.target : null }));
  }
  rows.push(row({ name: `API memory after the queries, ${events.toLocaleString('en')} events`, measure: 'RSS, MB', jalon: rssMb(pid), unit: 'MB' }));
  return rows;
}

export async function httpRows(ctx) {
  const { rounds, connections, durationSeconds } = ctx.settings;
  const { url, token } = await ctx.bigServer();
  const rates = { jalon: [], constant: [] };
  for (let round = 0; round < rounds; round++) {
    rates.jalon.push(await cannon(url, token, { connections, durationSeconds, path: '/api/v1/indicators' }));
    rates.constant.push(await cannon(url, token, { connections, durationSeconds, path: '/api/v1/bench/constant' }));
  }
  const [jalon, constant] = [median(rates.jalon), median(rates.constant)];
  return [row({ name: `GET /indicators, ${connections} connections`, measure: `req/s (${rounds} × ${durationSeconds} s)`, jalon, unit: '/s', reference: constant, referenceLabel: 'constant route', ratio: jalon / constant, target: '≥ 0.5× constant', met: jalon / constant >= 0.5 })];
}
