import { once } from 'node:events';
import { open } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { usageError } from './failure.js';

/** Why a file cannot be used, in a few words (the Node message repeats the path and syscall). */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** A file to read, or standard input for `-`; a file that cannot be opened is a usage error. */
export async function openInput(path: string): Promise<Readable> {
  if (path === '-') return process.stdin;
  try {
    const handle = await open(path, 'r');
    return handle.createReadStream();
  } catch (error) {
    throw usageError(`cannot read ${path}: ${fileProblem(error)}`);
  }
}

/** Runs `read` over an input; a read error (say, a directory given as a file) is a usage error. */
export async function readingInput<T>(path: string, read: (input: Readable) => Promise<T>): Promise<T> {
  const input = await openInput(path);
  try {
    return await read(input);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).syscall !== undefined) throw usageError(`cannot read ${path}: ${fileProblem(error)}`);
    throw error;
  } finally {
    if (input !== process.stdin) input.destroy();
  }
}

/** A file to write (created or truncated), or standard output when no path is given. */
export async function openOutput(path: string | undefined): Promise<Writable> {
  if (path === undefined) return process.stdout;
  try {
    const handle = await open(path, 'w');
    return handle.createWriteStream();
  } catch (error) {
    throw usageError(`cannot write ${path}: ${fileProblem(error)}`);
  }
}

/** Writes with back-pressure: a slow reader (a pipe) holds the export instead of filling memory. */
export async function write(out: Writable, text: string): Promise<void> {
  if (out.write(text)) return;
  await once(out, 'drain');
}

export async function finish(out: Writable): Promise<void> {
  if (out === process.stdout) return;
  out.end();
  await once(out, 'finish');
}
