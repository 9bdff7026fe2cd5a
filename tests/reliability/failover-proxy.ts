/**
 * A TCP forwarder on 127.0.0.1 standing in for the stable address a deployment gives its database
 * (a virtual IP, a DNS name, a pgbouncer): the API keeps one store URL while `repoint()` moves
 * new connections to another server. Connections open at the time of a repoint are left alone;
 * when either side closes or fails, the other side is cut too, as a lost server would cut it.
 */
import { createServer, connect, type Socket } from 'node:net';

export interface Forwarder {
  port: number;
  repoint(targetPort: number): void;
  close(): Promise<void>;
}

export async function startForwarder(targetPort: number): Promise<Forwarder> {
  let target = targetPort;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.once('error', cut);
      socket.once('close', cut);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    repoint: (next) => {
      target = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
