import type { Command } from 'commander';
import { usageError } from '../failure.js';

/**
 * Commands of CONTRACT.md that come with the API. They are listed (so `--help` shows the whole
 * command line) but answer "not available yet" with exit code 2 until the API lands.
 * TODO(api): replace these with the real `serve` (what `npm start` runs) and `users add`.
 */
export function registerLaterCommands(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the dashboard (not available yet: comes with the API)')
    .action(() => notYet('serve'));
  program
    .command('users')
    .description('manage users (not available yet: comes with the API)')
    .command('add <username>')
    .description('create a user and print its password (not available yet)')
    .requiredOption('--role <role>', 'admin, manager, auditor or donor')
    .action(() => notYet('users add'));
}

function notYet(command: string): never {
  throw usageError(`${command} is not available yet: it comes with the API`);
}
