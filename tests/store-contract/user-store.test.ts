/**
 * The UserStore port (apps/api/src/auth/user-store.ts), one contract run against each adapter:
 * SQLite, and PostgreSQL (required under CI=true, skipped loudly elsewhere without it). Users
 * live in the log's database but never in the log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openStore } from '@jalon/event-store';
import Database from 'better-sqlite3';
import { openUserStore } from '../../apps/api/src/auth/open-user-store.js';
import type { StoredUser, UserStore } from '../../apps/api/src/auth/user-store.js';
import { openReadAuditStore } from '../../apps/api/src/read-audit/open-read-audit.js';
import type { NewReadRecord, ReadAuditStore } from '../../apps/api/src/read-audit/read-audit-store.js';
import { loadPg, postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres-cluster.js';

const user = (username: string, over: Partial<StoredUser> = {}): StoredUser => ({
  username,
  role: 'manager',
  passwordHash: `$argon2id$v=19$m=65536,t=3,p=4$${username}`,
  passwordChangedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});
const NOW = '2026-06-01T12:00:00.000Z';
const LATER = '2026-06-01T13:00:00.000Z';
const EARLIER = '2026-06-01T11:00:00.000Z';

function userStoreContract(label: string, newUrl: () => Promise<string>): void {
  describe(`UserStore on ${label}`, () => {
    const opened: UserStore[] = [];
    const open = async (url?: string) => {
      const users = await openUserStore(url ?? (await newUrl()));
      opened.push(users);
      return users;
    };
    afterEach(async () => {
      for (const users of opened.splice(0)) await users.close();
    });

    it('given a new store, when users are created, then they are counted and found by name whatever its case', async () => {
      const users = await open();
      expect(await users.count()).toBe(0);
      expect(await users.find('ana')).toBeUndefined();
      expect(await users.create(user('Ana', { role: 'auditor' }))).toBe(true);
      expect(await users.create(user('bob'))).toBe(true);
      expect(await users.count()).toBe(2);
      expect(await users.find('ANA')).toEqual(user('Ana', { role: 'auditor' }));
    });

    it('given a user, when the name is created again in another case, then it is refused and the first one stays', async () => {
      const users = await open();
      expect(await users.create(user('ana'))).toBe(true);
      expect(await users.create(user('ANA', { role: 'admin' }))).toBe(false);
      expect(await users.count()).toBe(1);
      expect((await users.find('ana'))?.role).toBe('manager');
    });

    it('given tokens, when looked up, then only an unexpired one yields its user, and expired ones can be deleted', async () => {
      const users = await open();
      await users.create(user('ana'));
      await users.saveToken({ tokenHash: 'a'.repeat(64), username: 'ana', expiresAt: LATER });
      await users.saveToken({ tokenHash: 'b'.repeat(64), username: 'ana', expiresAt: EARLIER });
      expect((await users.findByToken('a'.repeat(64), NOW))?.username).toBe('ana');
      expect(await users.findByToken('b'.repeat(64), NOW)).toBeUndefined();
      expect(await users.findByToken('c'.repeat(64), NOW)).toBeUndefined();
      await users.deleteExpiredTokens(NOW);
      expect(await users.findByToken('b'.repeat(64), EARLIER.replace('11:', '10:'))).toBeUndefined();
      expect((await users.findByToken('a'.repeat(64), NOW))?.username).toBe('ana');
    });

    it('given a user with tokens, when the password is changed, then the new hash is stored and every token of that user (only) is revoked', async () => {
      const users = await open();
      await users.create(user('ana'));
      await users.create(user('bob'));
      await users.saveToken({ tokenHash: 'a'.repeat(64), username: 'ana', expiresAt: LATER });
      await users.saveToken({ tokenHash: 'b'.repeat(64), username: 'bob', expiresAt: LATER });
      expect(await users.changePassword('ANA', 'new-hash', NOW)).toBe(true);
      expect(await users.find('ana')).toMatchObject({ username: 'ana', passwordHash: 'new-hash', passwordChangedAt: NOW });
      expect(await users.findByToken('a'.repeat(64), NOW)).toBeUndefined();
      expect((await users.findByToken('b'.repeat(64), NOW))?.username).toBe('bob');
      expect(await users.changePassword('nobody', 'x', NOW)).toBe(false);
    });

    it('given one new database, when several processes open it at once and create the same first user, then exactly one succeeds and the log stays empty', async () => {
      const url = await newUrl();
      const all = await Promise.all([1, 2, 3, 4].map(() => open(url)));
      const created = await Promise.all(all.map((users) => users.create(user('admin', { role: 'admin' }))));
      expect(created.filter(Boolean)).toHaveLength(1);
      expect(await all[3].count()).toBe(1);
      const log = await openStore(url);
      try {
        expect((await log.head()).position).toBe(0);
        expect(await log.readAll({ after: 0, limit: 10 })).toEqual([]);
      } finally {
        await log.close();
      }
    });

    it('given users, when the store is closed and reopened, then they are still there', async () => {
      const url = await newUrl();
      const first = await open(url);
      await first.create(user('ana'));
      await first.close();
      expect((await (await open(url)).find('ana'))?.username).toBe('ana');
    });
  });
}

const read = (username: string, caseEvents = 0): NewReadRecord => ({
  at: NOW,
  username,
  role: 'auditor',
  method: 'GET',
  path: '/api/v1/events',
  query: { limit: '2', type: 'CsoMapped,CaseClosed' },
  status: 200,
  caseEvents,
});

/** Runs raw SQL on the database behind a URL, as an intruder with the file or a login would. */
async function rawSql(url: string, sql: string): Promise<void> {
  const file = /^sqlite:(.+)$/.exec(url)?.[1];
  if (file) {
    const db = new Database(file);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new (await loadPg()).Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function readAuditContract(label: string, table: string, newUrl: () => Promise<string>): void {
  describe(`ReadAuditStore on ${label}`, () => {
    const opened: ReadAuditStore[] = [];
    const open = async (url: string) => {
      const audit = await openReadAuditStore(url);
      opened.push(audit);
      return audit;
    };
    afterEach(async () => {
      for (const audit of opened.splice(0)) await audit.close();
    });

    it('given a new store, when reads are appended, then ids run 1, 2, 3 and each record comes back as given', async () => {
      const audit = await open(await newUrl());
      expect(await audit.append(read('ana', 2))).toEqual({ id: 1, ...read('ana', 2) });
      await audit.append(read('Bob'));
      await audit.append(read('ana', 1));
      expect((await audit.list({ after: 0, limit: 10 })).map((r) => [r.id, r.username, r.caseEvents])).toEqual([
        [1, 'ana', 2],
        [2, 'Bob', 0],
        [3, 'ana', 1],
      ]);
      expect((await audit.list({ after: 1, limit: 1 })).map((r) => r.id)).toEqual([2]);
      expect((await audit.list({ after: 0, limit: 10, username: 'BOB' })).map((r) => r.id)).toEqual([2]);
      expect((await audit.list({ after: 1, limit: 10, username: 'ana' })).map((r) => r.id)).toEqual([3]);
    });

    it('given records, when another connection tries raw UPDATE or DELETE (or an id out of turn), then the database refuses and nothing changes', async () => {
      const url = await newUrl();
      const audit = await open(url);
      await audit.append(read('ana', 2));
      await audit.append(read('bob'));
      const before = await audit.list({ after: 0, limit: 10 });
      await expect(rawSql(url, `UPDATE ${table} SET case_events = 0 WHERE id = 1`)).rejects.toThrow(/append-only/);
      await expect(rawSql(url, `DELETE FROM ${table} WHERE id = 2`)).rejects.toThrow(/append-only/);
      await expect(rawSql(url, `DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      const columns = `id, at, username, role, method, path, query, status, case_events`;
      await expect(rawSql(url, `INSERT INTO ${table} (${columns}) VALUES (5, 'x', 'eve', 'admin', 'GET', '/', '{}', 200, 0)`)).rejects.toThrow(/append-only/);
      if (label === 'PostgreSQL') await expect(rawSql(url, `TRUNCATE ${table}`)).rejects.toThrow(/append-only/);
      expect(await audit.list({ after: 0, limit: 10 })).toEqual(before);
    });

    it('given records, when the store is closed and reopened, then they are there and ids go on', async () => {
      const url = await newUrl();
      const first = await open(url);
      await first.append(read('ana'));
      await first.close();
      const again = await open(url);
      expect((await again.append(read('bob'))).id).toBe(2);
      expect((await again.list({ after: 0, limit: 10 })).map((r) => r.username)).toEqual(['ana', 'bob']);
    });

    it('given several stores on one database appending at once, then ids stay 1..N without a gap or a repeat', async () => {
      const url = await newUrl();
      const all = await Promise.all([1, 2, 3].map(() => open(url)));
      await Promise.all(all.flatMap((audit, i) => [0, 1, 2, 3, 4].map((n) => audit.append(read(`u${i}-${n}`)))));
      expect((await all[0].list({ after: 0, limit: 100 })).map((r) => r.id)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    });
  });
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const newSqliteUrl = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-users-'));
  dirs.push(dir);
  return `sqlite:${join(dir, 'j.db')}`;
};
userStoreContract('SQLite', newSqliteUrl);
readAuditContract('SQLite', 'read_audit', newSqliteUrl);

const skipReason = postgresSkipReason();
if (skipReason) {
  console.warn(`\n⚠ PostgreSQL user store tests SKIPPED: ${skipReason}\n`);
  describe.skip('UserStore and ReadAuditStore on PostgreSQL', () => it(`skipped: ${skipReason}`, () => undefined));
} else {
  let cluster: Promise<TestPostgres> | undefined;
  afterAll(async () => (await cluster?.catch(() => undefined))?.stop());
  const newPostgresUrl = async () => (await (cluster ??= startPostgres())).createDatabase();
  userStoreContract('PostgreSQL', newPostgresUrl);
  readAuditContract('PostgreSQL', 'jalon_read_audit', newPostgresUrl);
}
