// HTTP helpers: a token, sequential latency samples, and autocannon runs.
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { percentile } from './measure.mjs';
import { ADMIN_PASSWORD } from './processes.mjs';

export async function loginAdmin(url) {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return (await res.json()).token;
}

/** One request; its answer's JSON, or an error naming the status. */
export async function call(url, token, method, path, body) {
  const headers = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** p50 and p99 in ms of `count` sequential runs of `request(i)`; `own(ms, i)` takes out what a run measured beside. */
export async function latencies(count, request, own = (ms) => ms) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await request(i);
    times.push(own(performance.now() - started, i));
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), count };
}

/** Requests/s that answered 2xx over `durationSeconds` at `connections`; any other answer is an error. */
export async function cannon(url, token, { connections, durationSeconds, path, method = 'GET', body }) {
  const result = await autocannon({
    url: url + path,
    connections,
    duration: durationSeconds,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [body ? { method, setupRequest: (req) => ({ ...req, body: JSON.stringify(body()) }) } : { method }],
  });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${method} ${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result['2xx'] / durationSeconds;
}
