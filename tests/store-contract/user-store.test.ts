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
import { openUserStore } from '../../apps/api/src/auth/open-user-store.js';
import type { StoredUser, UserStore } from '../../apps/api/src/auth/user-store.js';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres-cluster.js';

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

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
userStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-users-'));
  dirs.push(dir);
  return `sqlite:${join(dir, 'j.db')}`;
});

const skipReason = postgresSkipReason();
if (skipReason) {
  console.warn(`\n⚠ PostgreSQL user store tests SKIPPED: ${skipReason}\n`);
  describe.skip('UserStore on PostgreSQL', () => it(`skipped: ${skipReason}`, () => undefined));
} else {
  let cluster: Promise<TestPostgres> | undefined;
  afterAll(async () => (await cluster?.catch(() => undefined))?.stop());
  userStoreContract('PostgreSQL', async () => (await (cluster ??= startPostgres())).createDatabase());
}
