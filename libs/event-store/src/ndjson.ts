import type { Readable } from 'node:stream';
import type { EventEnvelope } from './envelope.js';
import { orderedEnvelope } from './envelope-shape.js';
import type { ChainVerification, ChainVerifierOptions } from './hash-chain.js';
import { createChainVerifier } from './hash-chain.js';
import { malformedLine } from './malformed-line.js';

export type { MalformedLine } from './malformed-line.js';
export { isMalformedLine } from './malformed-line.js';

function parseLine(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return malformedLine(line, `not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Parses NDJSON from a byte stream (a file, stdin) one line at a time, yielding each parsed value,
 * or a MalformedLine in its place. Blank lines are malformed too, except at the very end: a final
 * newline (or several) is not an event.
 */
export async function* readNdjson(input: Readable | AsyncIterable<Uint8Array | string>): AsyncGenerator<unknown> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let line = 0;
  let blanks = 0;
  const emit = function* (text: string): Generator<unknown> {
    line += 1;
    if (text.trim() === '') {
      blanks += 1;
      return;
    }
    // Blank lines followed by an event were not trailing after all.
    for (; blanks > 0; blanks -= 1) yield malformedLine(line - blanks, 'blank line');
    yield parseLine(text, line);
  };
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const text of lines) yield* emit(stripCarriageReturn(text));
  }
  pending += decoder.decode();
  if (pending !== '') yield* emit(stripCarriageReturn(pending));
}

function stripCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/** One export line: the envelope's keys in export order, then a newline. */
export function formatNdjsonLine(event: EventEnvelope): string {
  return `${JSON.stringify(orderedEnvelope(event))}\n`;
}

/** Verifies an NDJSON export without holding it in memory (`jalon verify --file`). */
export async function verifyNdjson(
  input: Readable | AsyncIterable<Uint8Array | string>,
  options?: ChainVerifierOptions,
): Promise<ChainVerification & { sawHash(hash: string): boolean }> {
  const verifier = createChainVerifier(options);
  for await (const value of readNdjson(input)) verifier.push(value);
  return { ...verifier.result(), sawHash: verifier.sawHash };
}
