/** What one member of a group comes to: its own value or its own refusal. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /**
   * How the next group is started once a member waits and no commit runs: `setImmediate` where
   * the commit blocks the thread (SQLite: requests read while it ran join the next group),
   * `queueMicrotask` where it awaits I/O (PostgreSQL: members queue while it is in flight).
   * Never a timer, so a lone writer waits for nobody.
   */
  defer: (start: () => void) => void;
  /** Most members in one commit (default 256). */
  maxGroup?: number;
}

export interface GroupCommit<M, R> {
  /** Settles once the group holding `member` has committed (or refused `member`). */
  submit(member: M): Promise<R>;
}

interface Waiting<M, R> {
  member: M;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: members that arrive while a commit runs wait and go together into the next one,
 * so many appends share one transaction and one flush to disk. `commit` answers each member in
 * order; if it throws, nothing was committed and every member of that group gets the error.
 */
export function createGroupCommit<M, R>(
  commit: (members: M[]) => Outcome<R>[] | Promise<Outcome<R>[]>,
  options: GroupCommitOptions,
): GroupCommit<M, R> {
  const maxGroup = options.maxGroup ?? 256;
  const queue: Waiting<M, R>[] = [];
  let running = false;

  const runNext = async (): Promise<void> => {
    const group = queue.splice(0, maxGroup);
    try {
      const outcomes = await commit(group.map((waiting) => waiting.member));
      group.forEach((waiting, index) => settle(waiting, outcomes[index]));
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
    }
    if (queue.length > 0) options.defer(() => void runNext());
    else running = false;
  };

  return {
    submit: (member) =>
      new Promise<R>((resolve, reject) => {
        queue.push({ member, resolve, reject });
        if (running) return;
        running = true;
        options.defer(() => void runNext());
      }),
  };
}

function settle<M, R>(waiting: Waiting<M, R>, outcome: Outcome<R> | undefined): void {
  if (outcome === undefined) waiting.reject(new Error('the group commit gave no answer for this append'));
  else if (outcome.ok) waiting.resolve(outcome.value);
  else waiting.reject(outcome.error);
}

/** Runs `work` and keeps its value or error as an outcome (a member's refusal is not the group's). */
export function attempt<R>(work: () => R): Outcome<R> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error };
  }
}
