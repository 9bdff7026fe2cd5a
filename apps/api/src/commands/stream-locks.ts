/**
 * One command at a time per stream in this process. With group commit, commands on one stream that
 * read it together would all expect the same revision and all but one lose each group's race,
 * again and again; in turn, each reads the revision the one before it committed and wins at once.
 * Commands on different streams still run together (and share a commit). Other processes' commands
 * are not held here: their races are the runner's retries.
 */
export class StreamLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(streamId);
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous ? previous.then(() => done) : done;
    this.tails.set(streamId, tail);
    try {
      await previous;
      return await work();
    } finally {
      release();
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    }
  }

  /** Streams with a command running or waiting (for tests). */
  get held(): number {
    return this.tails.size;
  }
}
