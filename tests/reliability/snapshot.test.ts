/**
 * Persisted read-model snapshots (issue 13), through the real server on real SQLite files: a
 * snapshot is disposable. Every answer (values, series, breakdowns, restatement; asOf, atPosition,
 * atTime) is the same with a snapshot at the head, with one taken mid-log and the tail folded
 * after, with none (JALON_SNAPSHOT=off, or the file deleted), and with one that is stale (another
 * log, a shorter log), corrupt, truncated or of another format, which is ignored with a log line.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recorder } from '../acceptance/support/fixtures.js';
import { startServer, type RunningServer } from '../acceptance/support/server.js';

const PASSWORD = 'snapshot-admin-password-long';
const root = mkdtempSync(join(tmpdir(), 'jalon-snapshot-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function start(db: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer(`sqlite:${db}`, { demo: true, env: { JALON_ADMIN_PASSWORD: PASSWORD, ...env } });
}

async function adminToken(server: RunningServer): Promise<string> {
  const res = await server.api('POST', '/api/v1/auth/login', { body: { username: 'admin', password: PASSWORD } });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${res.text}`);
  return res.json.token;
}

/** The server's log lines with a given message. */
const lines = (server: RunningServer, msg: string) =>
  server.stdout().split('\n').filter((l) => l.startsWith('{') && JSON.parse(l).msg === msg).map((l) => JSON.parse(l));

/** Records a few facts of every kind, a void and a target revision; `tag` makes them differ. */
async function recordSome(server: RunningServer, tag: string): Promise<void> {
  const r = recorder(server.api, await adminToken(server));
  const made = await r.identify(`case-${tag}`, { nationality: tag === 'a' ? 'NG' : 'GH' });
  await r.assist(`case-${tag}`, { providedOn: '2016-02-01' });
  await r.cso(`cso-${tag}`);
  await r.training(`training-${tag}`);
  await r.target('2.5', { value: tag === 'a' ? 40 : 45 });
  await r.void(made.eventIds[0]);
}

/** Every answer a user could get of the read models, at the given positions and time. */
async function answers(server: RunningServer, positions: number[], atTime: string): Promise<unknown[]> {
  const token = await adminToken(server);
  const evaluations = ['', 'asOf=2016-06-30', `atTime=${encodeURIComponent(atTime)}`, ...positions.flatMap((p) => [`atPosition=${p}`, `asOf=2017-03-31&atPosition=${p}`])];
  const paths: string[] = [];
  for (const e of evaluations) {
    paths.push(`/api/v1/indicators?${e}`, `/api/v1/indicators/1.1/series?period=quarter&${e}`, `/api/v1/indicators/2.5/series?period=year&${e}`);
    paths.push(`/api/v1/indicators/1.1/breakdown?by=nationality&${e}`, `/api/v1/indicators/2.2/breakdown?by=region&${e}`, `/api/v1/indicators/1.3/series?period=quarter&${e}`);
    paths.push(`/api/v1/activities/csos?${e}`, `/api/v1/activities/trainings?${e}`, `/api/v1/activities/cases?${e}`);
  }
  paths.push(`/api/v1/restatement?since=${positions[0]}&asOf=2016-12-31`);
  const out: unknown[] = [];
  for (const path of paths) {
    const res = await server.api('GET', path, { token });
    expect(res.status, `${path}: ${res.text}`).toBe(200);
    out.push({ path, body: res.json });
  }
  return out;
}

async function answersOf(db: string, env: Record<string, string>, positions: number[], atTime: string) {
  const server = await start(db, env);
  try {
    return { server, answers: await answers(server, positions, atTime) };
  } finally {
    await server.stop();
  }
}

describe('read-model snapshots on a SQLite file', () => {
  const db = join(root, 'main', 'j.db');
  const snapshot = `${db}.snapshot`;
  let midLog: Buffer;
  let positions: number[];
  let atTime: string;
  let reference: unknown[];

  beforeAll(async () => {
    // Given the demo and a few facts, stopped: the shutdown writes a snapshot at that head (P1)…
    const first = await start(db);
    await recordSome(first, 'a');
    await first.stop();
    expect(existsSync(snapshot)).toBe(true);
    midLog = readFileSync(snapshot);
    atTime = new Date().toISOString();
    // …then more facts by a server that writes none, so that the file stays mid-log.
    const second = await start(db, { JALON_SNAPSHOT: 'off' });
    await recordSome(second, 'b');
    await second.stop();
    expect(readFileSync(snapshot).equals(midLog)).toBe(true);
    // The position the snapshot stands on, from its header (snapshot-file.ts).
    const mid = JSON.parse(midLog.subarray(16, 16 + midLog.readUInt32LE(12)).toString()).position as number;
    positions = [mid - 3, mid, mid + 4, 100];
    reference = (await answersOf(db, { JALON_SNAPSHOT: 'off' }, positions, atTime)).answers;
  }, 180_000);

  it('given a snapshot taken mid-log, when the server starts, then it loads it, folds the tail, and answers as with none', async () => {
    writeFileSync(snapshot, midLog);
    const { server, answers: got } = await answersOf(db, {}, positions, atTime);
    expect(lines(server, 'read models loaded from a snapshot')).toHaveLength(1);
    expect(got).toEqual(reference);
    // …and at shutdown it wrote one at the head, which the next start loads.
    expect(readFileSync(snapshot).equals(midLog)).toBe(false);
    const again = await answersOf(db, {}, positions, atTime);
    expect(lines(again.server, 'read models loaded from a snapshot')).toHaveLength(1);
    expect(again.answers).toEqual(reference);
  }, 120_000);

  it('given the snapshot deleted, when the server starts, then it folds the log and no answer changes', async () => {
    rmSync(snapshot);
    const { server, answers: got } = await answersOf(db, {}, positions, atTime);
    expect(lines(server, 'read models loaded from a snapshot')).toHaveLength(0);
    expect(got).toEqual(reference);
  }, 120_000);

  const damaged: Array<[string, (bytes: Buffer) => Buffer, RegExp]> = [
    ['a byte of its body flipped', (b) => Buffer.concat([b.subarray(0, b.length - 100), Buffer.from([b[b.length - 100] ^ 0xff]), b.subarray(b.length - 99)]), /CRC/],
    ['truncated', (b) => b.subarray(0, Math.floor(b.length / 2)), /CRC|truncated/],
    ['truncated inside its header', (b) => b.subarray(0, 20), /truncated/],
    ['not a snapshot at all', () => Buffer.from('{"hello":"world"}'), /not a snapshot/],
    ['of another format version', (b) => Buffer.concat([b.subarray(0, 8), Buffer.from([99, 0, 0, 0]), b.subarray(12)]), /format 99/],
    ['empty', () => Buffer.alloc(0), /not a snapshot/],
  ];
  for (const [what, damage, reason] of damaged) {
    it(`given a snapshot ${what}, when the server starts, then it ignores it with a log line and answers as with none`, async () => {
      writeFileSync(snapshot, damage(midLog));
      const { server, answers: got } = await answersOf(db, {}, positions, atTime);
      const ignored = lines(server, 'read-model snapshot ignored: folding the log from the start');
      expect(ignored).toHaveLength(1);
      expect(ignored[0].reason).toMatch(reason);
      expect(got).toEqual(reference);
    }, 120_000);
  }

  it('given JALON_SNAPSHOT_DIR, when the server stops and starts again, then the snapshot lives there, named after the log, and is loaded', async () => {
    const dir = join(root, 'snapshots');
    const { server: first } = await answersOf(db, { JALON_SNAPSHOT_DIR: dir }, positions, atTime);
    expect(lines(first, 'read-model snapshot written')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^jalon-[0-9a-f]{32}\.snapshot$/)]);
    const again = await answersOf(db, { JALON_SNAPSHOT_DIR: dir }, positions, atTime);
    expect(lines(again.server, 'read models loaded from a snapshot')).toHaveLength(1);
    expect(again.answers).toEqual(reference);
  }, 120_000);

  describe('a stale snapshot, from another log', () => {
    it('given a log as long but different at the snapshot’s position, then it is ignored and the other log’s answers are unchanged', async () => {
      const other = join(root, 'other', 'j.db');
      const made = await start(other, { JALON_SNAPSHOT: 'off' });
      await recordSome(made, 'c');
      await made.stop();
      const { answers: expected } = await answersOf(other, { JALON_SNAPSHOT: 'off' }, positions.slice(0, 2), atTime);
      writeFileSync(`${other}.snapshot`, midLog);
      const { server, answers: got } = await answersOf(other, {}, positions.slice(0, 2), atTime);
      expect(lines(server, 'read-model snapshot ignored: folding the log from the start')[0]?.reason).toMatch(/stale/);
      expect(got).toEqual(expected);
    }, 120_000);

    it('given a shorter log (the demo alone), then it is ignored and the shorter log’s answers are unchanged', async () => {
      const shorter = join(root, 'shorter', 'j.db');
      const { answers: expected } = await answersOf(shorter, { JALON_SNAPSHOT: 'off' }, [100], atTime);
      writeFileSync(`${shorter}.snapshot`, midLog);
      const { server, answers: got } = await answersOf(shorter, {}, [100], atTime);
      expect(lines(server, 'read-model snapshot ignored: folding the log from the start')[0]?.reason).toMatch(/stale/);
      expect(got).toEqual(expected);
    }, 120_000);
  });
});
