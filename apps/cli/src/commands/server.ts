import type { Command } from 'commander';
import { refusal, usageError } from '../failure.js';

/**
 * `jalon serve` (what `npm start` runs) and `jalon users add`: both come from the API, which is
 * loaded only by the commands that need it (NestJS and the report libraries take seconds to load).
 */
export function registerServerCommands(program: Command, storeOf: (cmd: Command) => string): void {
  program
    .command('serve')
    .description('serve the API and the dashboard (PORT, default 3000); loads the demo into an empty log unless JALON_DEMO=0')
    .action(async (_options: unknown, cmd: Command) => {
      const { startServer } = await import('@jalon/api');
      const server = await startServer({ store: storeOf(cmd) });
      // Closed in order on a signal, as apps/api's main does: the read-model snapshot is written then.
      for (const signal of ['SIGINT', 'SIGTERM'] as const)
        process.once(signal, () => void server.close().then(() => process.exit(0), () => process.exit(1)));
    });
  program
    .command('users')
    .description('manage the users (kept apart from the event log)')
    .command('add <username>')
    .description('create a user and print its password')
    .requiredOption('--role <role>', 'admin, manager, auditor or donor')
    .action(async (username: string, options: { role: string }, cmd: Command) => {
      const user = await createUser(storeOf(cmd), username, options.role);
      process.stdout.write(`created ${user.username} (${user.role}); password: ${user.password}\n`);
    });
}

async function createUser(storeUrl: string, username: string, role: string) {
  const { addUser, UserExistsError } = await import('@jalon/api');
  try {
    // Users live beside the log unless JALON_USERS names another database (as for KurrentDB).
    return await addUser(process.env.JALON_USERS || storeUrl, username, role);
  } catch (error) {
    if (error instanceof RangeError) throw usageError(error.message);
    if (error instanceof UserExistsError) throw refusal(error.message);
    throw error;
  }
}
