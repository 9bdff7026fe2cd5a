import { describe, expect, it } from 'vitest';
import { createGroupCommit, type Outcome } from './group-commit.js';

/** A commit whose groups are recorded and whose end the test decides. */
function recordingCommit() {
  const groups: number[][] = [];
  let finish: (() => void) | undefined;
  const commit = (members: number[]): Promise<Outcome<number>[]> => {
    groups.push(members);
    return new Promise((resolve) => {
      finish = () => resolve(members.map((m) => (m < 0 ? { ok: false, error: new Error(`refused ${m}`) } : { ok: true, value: m * 10 })));
    });
  };
  return { groups, commit, finish: () => finish!() };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('createGroupCommit', () => {
  it('given no commit running, when one member comes, then it is committed alone at once', async () => {
    const c = recordingCommit();
    const group = createGroupCommit(c.commit, { defer: queueMicrotask });
    const answer = group.submit(1);
    await Promise.resolve();
    expect(c.groups).toEqual([[1]]);
    c.finish();
    expect(await answer).toBe(10);
  });

  it('given a commit in flight, when three more come, then they wait and go together in the next one', async () => {
    const c = recordingCommit();
    const group = createGroupCommit(c.commit, { defer: queueMicrotask });
    const first = group.submit(1);
    await flush();
    const rest = [group.submit(2), group.submit(3), group.submit(4)];
    await flush();
    expect(c.groups).toEqual([[1]]);
    c.finish();
    expect(await first).toBe(10);
    await flush();
    expect(c.groups).toEqual([[1], [2, 3, 4]]);
    c.finish();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it('given a member refused inside a group, when the group commits, then only that member gets its error', async () => {
    const c = recordingCommit();
    const group = createGroupCommit(c.commit, { defer: setImmediate });
    const answers = [group.submit(1), group.submit(-2), group.submit(3)].map((p) => p.then((v) => v, (e: Error) => e.message));
    await flush();
    expect(c.groups).toEqual([[1, -2, 3]]);
    c.finish();
    expect(await Promise.all(answers)).toEqual([10, 'refused -2', 30]);
  });

  it('given a commit that throws, when the group ends, then every member of it gets the error and the next group still runs', async () => {
    let calls = 0;
    const group = createGroupCommit<number, number>(
      (members) => {
        calls += 1;
        if (calls === 1) throw new Error('disk full');
        return members.map((m) => ({ ok: true, value: m }));
      },
      { defer: setImmediate },
    );
    const failed = [group.submit(1), group.submit(2)].map((p) => p.catch((e: Error) => e.message));
    expect(await Promise.all(failed)).toEqual(['disk full', 'disk full']);
    expect(await group.submit(3)).toBe(3);
  });

  it('given more members than maxGroup, when they commit, then groups hold at most maxGroup, in order', async () => {
    const groups: number[][] = [];
    const group = createGroupCommit<number, number>(
      (members) => {
        groups.push(members);
        return members.map((m) => ({ ok: true, value: m }));
      },
      { defer: setImmediate, maxGroup: 2 },
    );
    expect(await Promise.all([1, 2, 3, 4, 5].map((m) => group.submit(m)))).toEqual([1, 2, 3, 4, 5]);
    expect(groups).toEqual([[1, 2], [3, 4], [5]]);
  });
});
