import 'reflect-metadata';
import { startServer } from './server.js';

try {
  const server = await startServer();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
} catch (error) {
  process.stderr.write(`jalon: cannot start: ${(error as Error).message}\n`);
  process.exit(1);
}
