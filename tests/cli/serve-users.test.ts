import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_MAIN, ensureBuilt, jalon, scratch } from './jalon.js';

const tmp = scratch();
afterAll(() => tmp.remove());

/** Starts `jalon serve` on a free port; resolves with its URL once it listens. */
async function serve(store: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ url: string; stop: () => void }> {
  await ensureBuilt();
  const main = CLI_MAIN;
  const env = { ...process.env, PORT: '0', JALON_DEMO: '0', JALON_STORE: '', LOG_LEVEL: 'silent', ...extraEnv };
  const child = spawn(process.execPath, [main, '--store', store, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, failed) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /jalon listening on (http:\/\/\S+)/.exec(out);
      if (match) done({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => failed(new Error(`serve exited ${code}: ${out}`)));
  });
}

describe('jalon users add and jalon serve', () => {
  it('given a store, when a user is added, then it can log in to the server that `jalon serve` starts on it', async () => {
    const store = tmp.store('served');
    const added = await jalon(['--store', store, 'users', 'add', 'ana', '--role', 'manager']);
    expect(added.code, added.stderr).toBe(0);
    const password = /password: (\S+)/.exec(added.stdout)![1];

    const server = await serve(store);
    try {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ana', password }),
      });
      expect(login.status).toBe(200);
      expect((await login.json()).role).toBe('manager');
    } finally {
      server.stop();
    }
  }, 60_000);

  it('given a user name that is taken, when it is added again, then the command is refused with exit 1', async () => {
    const store = tmp.store('taken');
    expect((await jalon(['--store', store, 'users', 'add', 'ana', '--role', 'donor'])).code).toBe(0);
    const again = await jalon(['--store', store, 'users', 'add', 'ana', '--role', 'donor']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^jalon: .*taken/);
  });

  it('given JALON_USERS naming another database, when a user is added and the server started, then the user lives there and logs in', async () => {
    const store = tmp.store('log-only');
    const users = tmp.store('users-only');
    const added = await jalon(['--store', store, 'users', 'add', 'eve', '--role', 'auditor'], { env: { JALON_USERS: users } });
    expect(added.code, added.stderr).toBe(0);
    const password = /password: (\S+)/.exec(added.stdout)![1];
    const elsewhere = await jalon(['--store', users, 'users', 'add', 'eve', '--role', 'auditor']);
    expect(elsewhere.stderr).toMatch(/taken/);

    const server = await serve(store, { JALON_USERS: users });
    try {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'eve', password }),
      });
      expect(login.status).toBe(200);
    } finally {
      server.stop();
    }
  }, 60_000);
});
