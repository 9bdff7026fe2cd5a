/**
 * A client that goes away in the middle of a request is no fault of the server's: it must not be
 * logged as an unexpected error (a 500), and the server must go on answering.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { sqliteStore } from '../acceptance/support/sqlite.js';
import { useServer } from '../acceptance/support/server.js';

/** Sends the head of a POST announcing a body it never finishes, then drops the connection. */
function abandon(port: number, path: string, token: string, contentType: string): Promise<void> {
  return new Promise((done, failed) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Type: ${contentType}\r\nContent-Length: 100000\r\n\r\n{"csoId": "half-`,
      );
      setTimeout(() => socket.destroy(), 200);
    });
    socket.on('close', () => done());
    socket.on('error', failed);
  });
}

describe('a client that disconnects mid-request', () => {
  const server = useServer(sqliteStore);

  it('given bodies abandoned halfway (JSON and an import), then no unexpected error is logged, nothing is appended and the server still answers', async () => {
    const admin = await server.login('admin');
    const port = Number(new URL(server.server.url).port);
    const before = await server.head();
    await abandon(port, '/api/v1/csos', admin, 'application/json');
    await abandon(port, '/api/v1/events/import', admin, 'application/x-ndjson');
    await new Promise((r) => setTimeout(r, 300));
    const output = server.server.stdout() + server.server.stderr();
    expect(output.split('\n').filter((line) => line.includes('unexpected error'))).toEqual([]);
    expect(await server.head()).toBe(before);
    expect((await server.api('GET', '/api/v1/health')).status).toBe(200);
  });
});
