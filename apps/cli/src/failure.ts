import { CommanderError } from 'commander';
import { ChainBrokenError, StoreNotEmptyError, StoreUrlError } from '@jalon/event-store';

/** Exit codes of CONTRACT.md: 1 the operation failed or was refused, 2 a usage error. */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A failure the user must see as one line `jalon: <message>`, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(message, EXIT_USAGE);
export const refusal = (message: string) => new CliError(message, EXIT_FAILED);

const HELP_CODES = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

/**
 * Turns anything thrown into an exit code, writing at most one line to stderr: a user never sees a
 * stack trace, whatever broke.
 */
export function reportFailure(error: unknown, writeErr: (text: string) => void): number {
  if (error instanceof CommanderError && HELP_CODES.has(error.code)) {
    // Help was printed already; asked for, it is a success, forced by a missing command, misuse.
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  const { message, exitCode } = classify(error);
  writeErr(`jalon: ${oneLine(message)}\n`);
  return exitCode;
}

function classify(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return error;
  if (error instanceof CommanderError) return { message: error.message.replace(/^error: /, ''), exitCode: EXIT_USAGE };
  if (error instanceof StoreUrlError) return { message: error.message, exitCode: EXIT_USAGE };
  if (error instanceof StoreNotEmptyError) return { message: `${error.message}; nothing was written`, exitCode: EXIT_FAILED };
  if (error instanceof ChainBrokenError)
    return { message: `refused: first bad position ${error.position}: ${error.reason}; nothing was written`, exitCode: EXIT_FAILED };
  if (error instanceof Error) return { message: error.message || error.name, exitCode: EXIT_FAILED };
  return { message: String(error), exitCode: EXIT_FAILED };
}

function oneLine(message: string): string {
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}
