/**
 * PostgreSQL failover, shown (README "Deploying"). A primary and a synchronous standby
 * (tests/support/postgres-replication.ts); the real API on the primary through a forwarder that
 * stands in for the database's stable address; commands at 20 connections, each with its own
 * Idempotency-Key. A head hash is taken through the API, the primary's postmaster is SIGKILLed,
 * the standby promoted and the forwarder repointed at it. Then:
 * - the API that ran through it never died nor hung, and takes commands again by itself;
 * - every acknowledged command is in the log, at its position, unchanged; what got no 201 during
 *   the outage, retried with its key, is appended once or replayed (never twice);
 * - the chain verifies (library, GET /audit/verify, `jalon verify --expect-head` with the hash
 *   taken before the kill); a fresh API started on the standby's own URL (the runbook's way),
 *   the API that followed the failover live and `jalon replay --json` give the same indicators.
 *
 * JALON_FAILOVER_ROUNDS (default 1) sets how many failovers, each on a new pair.
 */
import { describe, expect, it } from 'vitest';
import { replicationSkipReason, startReplicatedPair, type ReplicatedPostgres } from '../support/postgres-replication.js';
import { startForwarder, type Forwarder } from './failover-proxy.js';
import { FailoverTraffic, idOf } from './failover-traffic.js';
import { exportLog, expectIntactLog, jalon, login, manager, startApi, type ApiProcess } from './support.js';

const ROUNDS = roundsFromEnv('JALON_FAILOVER_ROUNDS', 1);
const CLIENTS = 20;
/** Acknowledged commands before the kill, and again after the failover, before we stop sending. */
const WARM = 60;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const debug = (line: string): void => {
  if (process.env.JALON_REL_DEBUG) process.stdout.write(`[failover] ${line}\n`);
};

function roundsFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const rounds = Number(raw);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`${name}=${raw}: expected a whole number of rounds, at least 1`);
  return rounds;
}

async function until(what: string, done: () => boolean, detail: () => string, ms = 60_000): Promise<void> {
  for (const started = Date.now(); !done(); await sleep(10)) {
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms / 1000} s\n${detail()}`);
  }
}

const withPort = (url: string, port: number): string => Object.assign(new URL(url), { port: String(port) }).toString();
const portOf = (url: string): number => Number(new URL(url).port);
const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

interface Figures {
  sent: number;
  acknowledged: number;
  unsettled: number;
  committedUnacknowledged: number;
  found: number;
  log: number;
  killToPromotedMs: number;
  killToFirstAckMs: number;
  failures: string;
  slowestMs: number;
}

interface Failover {
  traffic: FailoverTraffic;
  /** GET /audit/verify's answer taken while commands flowed, just before the kill. */
  before: { ok: boolean; head: { position: number; hash: string } };
  killedAt: number;
  /** When the old primary's last process was gone: a 201 to a request sent later is the standby's. */
  goneAt: number;
  promotedAt: number;
}

/** Commands at CLIENTS connections; the primary killed, the standby promoted, the address moved. */
async function failOver(pair: ReplicatedPostgres, forwarder: Forwarder, live: ApiProcess, token: string, round: number): Promise<Failover> {
  const traffic = new FailoverTraffic(`f${round}p${process.pid}`);
  let stopped = false;
  const flowing = traffic.run(() => live.api, token, CLIENTS, () => stopped);
  const detail = () => `refusals: ${[...traffic.failures].join(' ')}\n--- the API's output ---\n${live.output().slice(-4000)}`;
  await until('commands acknowledged before the kill', () => traffic.acks.length >= WARM, detail);
  const before = (await live.api('GET', '/api/v1/audit/verify', { token })).json;
  expect(before.ok, 'the chain before the kill').toBe(true);
  expect(await pair.syncState(), 'the standby before the kill').toBe('sync');
  await sleep(Math.random() * 200);

  const killedAt = Date.now();
  await pair.killPrimary();
  const goneAt = Date.now();
  await sleep(500); // the outage, as the clients see it
  await pair.promoteStandby();
  const promotedAt = Date.now();
  debug(`round ${round}: primary gone ${goneAt - killedAt} ms, promoted ${promotedAt - killedAt} ms after the kill`);
  forwarder.repoint(portOf(pair.standbyUrl));
  await until('commands acknowledged after the failover', () => traffic.acks.filter((a) => a.at > promotedAt).length >= WARM, detail);
  stopped = true;
  await flowing;
  expect(isAlive(live.pid), `the API that ran through the failover is alive\n${live.output().slice(-3000)}`).toBe(true);
  expect(traffic.slowestMs, 'the slowest answer (ms): no request hung').toBeLessThan(30_000);
  return { traffic, before, killedAt, goneAt, promotedAt };
}

/**
 * What got no 201 is retried with its key: a command that committed on the standby gets the same
 * event back, one that did not is appended now. Returns the ids of the first kind with their event.
 */
async function retryUnanswered(traffic: FailoverTraffic, live: ApiProcess, token: string): Promise<Map<string, string>> {
  const unsettled = [...traffic.unsettled.values()];
  const inLog = new Map((await exportLog(live.api, token)).map((e) => [idOf(e.data as Record<string, unknown>), e.eventId]));
  const committed = new Map(unsettled.filter((c) => inLog.has(c.id)).map((c) => [c.id, inLog.get(c.id)!]));
  for (const command of unsettled) expect(await traffic.send(live.api, token, command), `retry of ${command.id}`).toBe(true);
  expect(traffic.unsettled.size, 'commands still without a 201 after their retry').toBe(0);
  for (const ack of traffic.acks.filter((a) => committed.has(a.command.id)))
    expect(ack.eventId, `${ack.command.id}: the retry replays the event committed during the outage`).toBe(committed.get(ack.command.id));
  return committed;
}

async function failoverRound(round: number): Promise<Figures> {
  const pair = await startReplicatedPair();
  const servers: ApiProcess[] = [];
  let forwarder: Forwarder | undefined;
  try {
    forwarder = await startForwarder(portOf(pair.primaryUrl));
    const live = await startApi(withPort(pair.primaryUrl, forwarder.port));
    servers.push(live);
    const token = await manager(live.api, await login(live.api));
    const setupHead = (await live.api('GET', '/api/v1/audit/verify', { token })).json.head.position as number;

    const { traffic, before, killedAt, goneAt, promotedAt } = await failOver(pair, forwarder, live, token, round);
    const acknowledgedAtOnce = traffic.acks.length;
    const unanswered = traffic.unsettled.size;
    const committedUnacknowledged = await retryUnanswered(traffic, live, token);

    // The runbook's way: an API started on the promoted standby's own URL, rebuilding from the log.
    const fresh = await startApi(pair.standbyUrl);
    servers.push(fresh);
    const log = await exportLog(fresh.api, token);
    expect([...traffic.check(log, setupHead), ...(await expectIntactLog(fresh.api, token, log))], `round ${round}`).toEqual([]);
    const found = traffic.found(log);
    expect(found.size, 'commands sent that are in the log, once each').toBe(traffic.sent.size);
    expect(log[before.head.position - 1]?.hash, 'the head taken before the kill, at its position').toBe(before.head.hash);
    await checkWithCli(pair, before.head.hash, log.length, fresh, live, token);

    const figures: Figures = {
      sent: traffic.sent.size,
      acknowledged: acknowledgedAtOnce,
      unsettled: unanswered,
      committedUnacknowledged: committedUnacknowledged.size,
      found: found.size,
      log: log.length,
      killToPromotedMs: promotedAt - killedAt,
      killToFirstAckMs: Math.min(...traffic.acks.filter((a) => a.sentAt > goneAt).map((a) => a.at)) - killedAt,
      failures: [...traffic.failures].map(([why, n]) => `${n}× ${why}`).join(', '),
      slowestMs: traffic.slowestMs,
    };
    expect(await traffic.send(fresh.api, token, traffic.next()), 'a command through the restarted API').toBe(true);
    return figures;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await forwarder?.close();
    await pair.stop();
  }
}

/** `jalon verify --expect-head` and `jalon replay --json` on the promoted standby, and both APIs' indicators. */
async function checkWithCli(pair: ReplicatedPostgres, head: string, events: number, fresh: ApiProcess, live: ApiProcess, token: string): Promise<void> {
  const [verify, replay] = await Promise.all([
    jalon(['verify', '--store', pair.standbyUrl, '--expect-head', head]),
    jalon(['replay', '--json', '--store', pair.standbyUrl]),
  ]);
  expect(verify.code, `jalon verify --expect-head: ${verify.stdout} ${verify.stderr}`).toBe(0);
  expect(verify.stdout).toContain(`intact: ${events} events`);
  expect(replay.code, replay.stderr).toBe(0);
  const rebuilt = (await fresh.api('GET', '/api/v1/indicators', { token })).json;
  const followed = await live.api('GET', `/api/v1/indicators?minPosition=${events}`, { token });
  expect(followed.status).toBe(200);
  expect(rebuilt, 'GET /indicators on the API started after the failover vs jalon replay --json').toEqual(JSON.parse(replay.stdout));
  expect(followed.json, 'GET /indicators on the API that followed the failover vs a rebuild').toEqual(rebuilt);
}

describe('PostgreSQL failover', () => {
  const skip = replicationSkipReason();
  it.skipIf(skip !== undefined)(
    `${ROUNDS} SIGKILL(s) of the primary under ${CLIENTS} connections: the promoted synchronous standby holds every acknowledged command once ${skip ? `(skipped: ${skip})` : ''}`,
    async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        const f = await failoverRound(round);
        process.stdout.write(
          `[reliability] failover round ${round}: ${f.sent} commands sent, ${f.acknowledged} acknowledged at once, ` +
            `${f.unsettled} without an answer during the outage (${f.committedUnacknowledged} of them committed: replayed on retry), ` +
            `${f.found} found once each in a log of ${f.log}; primary killed → standby promoted ${f.killToPromotedMs} ms, ` +
            `→ first 201 again ${f.killToFirstAckMs} ms; refusals meanwhile: ${f.failures || 'none'}; slowest answer ${f.slowestMs} ms\n`,
        );
      }
    },
    ROUNDS * 240_000,
  );
});
