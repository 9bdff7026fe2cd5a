/**
 * Races and retries against two API processes sharing one SQLite file (requests alternate between
 * them, so conflicts cross process boundaries as well as the async gaps inside one process):
 * conflicting commands on one stream record each fact once and the losers get a 409 (or, for a
 * command naming a record voided meanwhile, a 404) as problem+json; a retry storm with
 * Idempotency-Keys records each command once and answers every retry identically. Afterwards the
 * log is gap-free and its chain intact, and both processes' read models agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonical } from './crash-workload.js';
import { exportLog, expectIntactLog, isProblem, login, manager, scratchDir, startApi, type Api, type ApiProcess } from './support.js';

const scratch = scratchDir('races');
const store = `sqlite:${scratch.dir}/j.db`;
let servers: ApiProcess[] = [];
let token = '';
let turn = 0;
/** Alternates between the two processes. */
const api: Api = (method, path, options) => servers[turn++ % servers.length].api(method, path, options);
const post = (path: string, body: unknown, headers?: Record<string, string>) => api('POST', path, { token, body, headers });
const all = <T>(n: number, make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => make(i)));
const tag = `${process.pid}-${Date.now().toString(36)}`;

const caseBody = (caseId: string) => ({
  caseId,
  identifiedOn: '2015-03-10',
  sex: 'female',
  ageGroup: 'adult',
  nationality: 'NG',
  exploitationType: 'sexual',
  referredBy: 'cso',
});
const csoBody = (csoId: string) => ({ csoId, name: 'Association Solidarité', region: 'oriental', domains: ['protection'], mappedOn: '2015-01-15' });

beforeAll(async () => {
  // The first creates the file and the users; the second opens the same file.
  servers = [await startApi(store)];
  servers.push(await startApi(store));
  token = await manager(servers[0].api, await login(servers[0].api));
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  scratch.remove();
});

function statuses(answers: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

async function eventsOf(stream: string) {
  const res = await api('GET', `/api/v1/events?stream=${stream}&limit=1000`, { token });
  expect(res.status).toBe(200);
  return res.json.events as { type: string; eventId: string; data: any; position: number; metadata: any }[];
}

describe('races on one stream, two processes on one SQLite file', () => {
  it('the same case id identified 10× at once: recorded once, nine 409 problems', async () => {
    const caseId = `race-case-${tag}`;
    const answers = await all(10, () => post('/api/v1/cases', caseBody(caseId)));
    expect(statuses(answers)).toEqual({ 201: 1, 409: 9 });
    for (const a of answers.filter((a) => a.status === 409)) expect(isProblem(a, 409), a.text).toBe(true);
    const events = await eventsOf(`case-${caseId}`);
    expect(events.map((e) => e.type)).toEqual(['VictimIdentified']);
  });

  it('ten assistance commands racing a void of the identification: nothing is recorded after the void', async () => {
    for (let trial = 0; trial < 3; trial++) {
      const caseId = `race-void-${tag}-${trial}`;
      const identified = await post('/api/v1/cases', caseBody(caseId));
      expect(identified.status).toBe(201);
      const [recordId] = identified.json.eventIds;
      const assistance = all(10, () => post(`/api/v1/cases/${caseId}/assistance`, { providedOn: '2015-04-01', assistanceType: 'medical' }));
      const voided = post(`/api/v1/events/${recordId}/void`, { reason: 'Recorded by mistake' });
      const [answers, voidAnswer] = await Promise.all([assistance, voided]);
      expect(voidAnswer.status, voidAnswer.text).toBe(201);
      const counts = statuses(answers);
      expect(Object.keys(counts).every((s) => s === '201' || s === '404'), JSON.stringify(counts)).toBe(true);
      for (const a of answers.filter((a) => a.status === 404)) expect(isProblem(a, 404), a.text).toBe(true);

      const events = await eventsOf(`case-${caseId}`);
      const voidAt = events.findIndex((e) => e.type === 'EventVoided');
      expect(events[0].type).toBe('VictimIdentified');
      expect(events.filter((e) => e.type === 'EventVoided')).toHaveLength(1);
      expect(events.slice(voidAt + 1), 'assistance recorded after the void').toEqual([]);
      // Each 201 is one recorded assistance, at the position it was answered with.
      const accepted = answers.filter((a) => a.status === 201).map((a) => a.json.eventIds[0]).sort();
      expect(events.filter((e) => e.type === 'AssistanceProvided').map((e) => e.eventId).sort()).toEqual(accepted);
    }
  });

  it('ten agreements for one CSO at once: one recorded, nine 409 problems', async () => {
    const csoId = `race-cso-${tag}`;
    expect((await post('/api/v1/csos', csoBody(csoId))).status).toBe(201);
    const answers = await all(10, (i) => post(`/api/v1/csos/${csoId}/agreement`, { signedOn: '2015-03-01', agreementRef: `IOM-RBT-${i}` }));
    expect(statuses(answers)).toEqual({ 201: 1, 409: 9 });
    for (const a of answers.filter((a) => a.status === 409)) expect(isProblem(a, 409), a.text).toBe(true);
    const events = await eventsOf(`cso-${csoId}`);
    expect(events.map((e) => e.type)).toEqual(['CsoMapped', 'PartnershipAgreementSigned']);
  });

  it('ten voids of one event and ten closures of one case at once: one of each recorded', async () => {
    const caseId = `race-close-${tag}`;
    expect((await post('/api/v1/cases', caseBody(caseId))).status).toBe(201);
    const assisted = await post(`/api/v1/cases/${caseId}/assistance`, { providedOn: '2015-04-01', assistanceType: 'shelter' });
    const [voids, closures] = await Promise.all([
      all(10, () => post(`/api/v1/events/${assisted.json.eventIds[0]}/void`, { reason: 'Duplicate entry' })),
      all(10, (i) => post(`/api/v1/cases/${caseId}/closure`, { closedOn: `2015-06-${String(10 + i)}`, reason: 'returned' })),
    ]);
    expect(statuses(voids)).toEqual({ 201: 1, 409: 9 });
    expect(statuses(closures)).toEqual({ 201: 1, 409: 9 });
    for (const a of [...voids, ...closures].filter((a) => a.status === 409)) expect(isProblem(a, 409), a.text).toBe(true);
    const types = (await eventsOf(`case-${caseId}`)).map((e) => e.type).sort();
    expect(types).toEqual(['AssistanceProvided', 'CaseClosed', 'EventVoided', 'VictimIdentified']);
  });

  it('50 concurrent assistance commands on one case: all recorded (a lost revision race is retried, not refused)', async () => {
    const caseId = `race-busy-${tag}`;
    expect((await post('/api/v1/cases', caseBody(caseId))).status).toBe(201);
    const answers = await all(50, () => post(`/api/v1/cases/${caseId}/assistance`, { providedOn: '2015-04-01', assistanceType: 'legal' }));
    expect(statuses(answers), answers.filter((a) => a.status !== 201).map((a) => a.text).slice(0, 3).join('\n')).toEqual({ 201: 50 });
    const events = await eventsOf(`case-${caseId}`);
    expect(events.filter((e) => e.type === 'AssistanceProvided')).toHaveLength(50);
    expect(new Set(answers.map((a) => a.json.position)).size).toBe(50);
  });
});

describe('idempotency under a retry storm', () => {
  it('50 concurrent requests × 10 keys with the same bodies: each command recorded once, every answer for a key identical', async () => {
    const keys = Array.from({ length: 10 }, (_, k) => `storm-${tag}-${k}`);
    const command = (k: number) =>
      k % 2 === 0
        ? { path: '/api/v1/cases', body: caseBody(`storm-case-${tag}-${k}`) }
        : {
            path: '/api/v1/trainings',
            body: { trainingId: `storm-tr-${tag}-${k}`, heldOn: '2015-02-10', audience: 'cso', topic: 'Referral', region: 'oriental', participants: { female: 3, male: 4 } },
          };
    const started = Date.now();
    const answers = await all(500, (i) => {
      const k = i % keys.length;
      const { path, body } = command(k);
      return post(path, body, { 'Idempotency-Key': keys[k] }).then((res) => ({ k, res }));
    });
    const ms = Date.now() - started;
    const bad = answers.filter(({ res }) => res.status !== 201).map(({ res }) => `${res.status} ${res.text}`);
    expect(bad.slice(0, 5), `${bad.length} non-201 answers`).toEqual([]);
    for (let k = 0; k < keys.length; k++) {
      const bodies = new Set(answers.filter((a) => a.k === k).map((a) => canonical(a.res.json)));
      expect(bodies.size, `answers for ${keys[k]}`).toBe(1);
    }
    const log = await exportLog(servers[0].api, token);
    for (let k = 0; k < keys.length; k++) {
      const recorded = log.filter((e) => e.metadata.commandId === keys[k]);
      expect(recorded, keys[k]).toHaveLength(1);
      const answer = answers.find((a) => a.k === k)!.res.json;
      expect(answer).toEqual({ eventIds: [recorded[0].eventId], position: recorded[0].position });
    }
    process.stdout.write(`[reliability] retry storm: 500 requests (10 keys × 50), 10 events recorded, ${ms} ms\n`);
  });

  it('one key raced with two different bodies: one body wins everywhere, the other gets 409 problems only', async () => {
    const key = `storm-clash-${tag}`;
    const bodies = [caseBody(`clash-a-${tag}`), caseBody(`clash-b-${tag}`)];
    const answers = await all(40, (i) => post('/api/v1/cases', bodies[i % 2], { 'Idempotency-Key': key }).then((res) => ({ b: i % 2, res })));
    const winners = new Set(answers.filter((a) => a.res.status === 201).map((a) => a.b));
    expect(winners.size).toBe(1);
    const [winner] = winners;
    expect(answers.filter((a) => a.b === winner).every((a) => a.res.status === 201)).toBe(true);
    expect(new Set(answers.filter((a) => a.b === winner).map((a) => canonical(a.res.json))).size).toBe(1);
    for (const a of answers.filter((a) => a.b !== winner)) expect(isProblem(a.res, 409), a.res.text).toBe(true);
    const log = await exportLog(servers[0].api, token);
    expect(log.filter((e) => e.metadata.commandId === key)).toHaveLength(1);
  });
});

describe('after the races', () => {
  it('the log is gap-free with its chain intact, and both processes answer the same indicators', async () => {
    const log = await exportLog(servers[0].api, token);
    expect(await expectIntactLog(servers[0].api, token, log)).toEqual([]);
    expect(await expectIntactLog(servers[1].api, token, log)).toEqual([]);
    const head = log.length;
    const [a, b] = await Promise.all(servers.map((s) => s.api('GET', `/api/v1/indicators?minPosition=${head}`, { token })));
    expect(a.status).toBe(200);
    expect(a.json.position).toBe(head);
    expect(b.json).toEqual(a.json);
  });
});
