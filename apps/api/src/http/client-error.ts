import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem } from './problem.js';

/** How long the rest of a refused request is read and dropped before the connection is cut. */
const LINGER_MS = 5_000;

/**
 * Requests that Node's HTTP parser refuses before any route sees them (an unknown method, a
 * malformed request line or header, headers too large) get problem+json too, instead of Node's bare
 * `400 Bad Request`; the parser's own message (an internal) is not echoed.
 */
export function answerClientErrors(server: Server): void {
  const answered = new WeakSet<Duplex>();
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // The parser refuses every later chunk of a request it has refused once. Destroying the socket
    // then would reset the connection while the client is still sending its body, and it would
    // see EPIPE instead of our answer: the rest is dropped until the client closes, or for a while.
    if (answered.has(socket)) return;
    const pending = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const detail =
      status === 431 ? 'the request headers are too large' : status === 408 ? 'the request took too long to arrive' : 'the request is not well-formed HTTP/1.1 (method, target or headers)';
    const body = JSON.stringify(problem(status, detail, status === 400 ? { errors: [{ path: '', message: detail }] } : {}));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
        body,
    );
    answered.add(socket);
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
}
