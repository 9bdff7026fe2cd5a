import { createChainVerifier, readNdjson, readPages, type ChainVerification, type EventStore } from '@jalon/event-store';
import { readingInput } from '../files.js';

export interface VerifyOptions {
  file?: string;
  expectHead?: string;
}

interface Verified extends ChainVerification {
  sawHash(hash: string): boolean;
}

/** Walks the store's log through the chain verifier, one page at a time. */
export async function verifyStore(store: EventStore, options: VerifyOptions): Promise<Verified> {
  const verifier = createChainVerifier({ watch: options.expectHead ? [options.expectHead] : [] });
  const { position } = await store.head();
  for await (const page of readPages(store, { upTo: position })) for (const event of page) verifier.push(event);
  return { ...verifier.result(), sawHash: verifier.sawHash };
}

/** Streams an export (or stdin for `-`) line by line through the verifier: any size, little memory. */
export async function verifyFile(file: string, options: VerifyOptions): Promise<Verified> {
  return readingInput(file, async (input) => {
    const verifier = createChainVerifier({ watch: options.expectHead ? [options.expectHead] : [] });
    for await (const value of readNdjson(input)) verifier.push(value);
    return { ...verifier.result(), sawHash: verifier.sawHash };
  });
}

/** Prints the verdict; exit 0 when intact (and the expected head, if any, is in the chain), else 1. */
export function reportVerification(result: Verified, options: VerifyOptions, out: (line: string) => void): number {
  if (!result.ok) {
    out(`NOT intact: first bad position ${result.firstBadPosition}: ${result.reason} (${result.events} events read)`);
    return 1;
  }
  const head = result.head ? `head position ${result.head.position}, hash ${result.head.hash}` : 'empty log';
  out(`intact: ${result.events} events, ${head}`);
  if (options.expectHead === undefined) return 0;
  if (!result.sawHash(options.expectHead)) {
    out(`NOT found: no event with hash ${options.expectHead} in the chain`);
    return 1;
  }
  out(`found: an event with hash ${options.expectHead} is in the chain`);
  return 0;
}
