/** Thrown by append when the stream's revision is not the expected one: re-read and decide again. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at revision ${actual}, expected ${expected}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The idempotency key was already used by this user for another request. */
export class IdempotencyConflictError extends Error {
  constructor(readonly key: string) {
    super(`idempotency key ${key} was already used for another request`);
    this.name = 'IdempotencyConflictError';
  }
}

export class StoreNotEmptyError extends Error {
  constructor() {
    super('the store already holds events: import restores into an empty store only');
    this.name = 'StoreNotEmptyError';
  }
}

/** `position` is the 1-based place in the sequence of the first bad event. */
export class ChainBrokenError extends Error {
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {
    super(`event ${position}: ${reason}`);
    this.name = 'ChainBrokenError';
  }
}

/** A store URL (`--store`, JALON_STORE) this build cannot open. */
export class StoreUrlError extends Error {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(`cannot open store ${url}: ${reason}`);
    this.name = 'StoreUrlError';
  }
}
