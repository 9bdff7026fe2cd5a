import { describe, expect, it } from 'vitest';
import { StreamLocks } from './stream-locks.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('StreamLocks', () => {
  it('given three commands on one stream, when they run at once, then each starts after the one before ends, in order', async () => {
    const locks = new StreamLocks();
    const log: string[] = [];
    const work = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all(['a', 'b', 'c'].map((n) => locks.run('s', work(n))));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(locks.held).toBe(0);
  });

  it('given commands on two streams, when they run at once, then they interleave', async () => {
    const locks = new StreamLocks();
    const log: string[] = [];
    const work = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    };
    await Promise.all([locks.run('s1', work('a')), locks.run('s2', work('b'))]);
    expect(log).toEqual(['a start', 'b start', 'a end', 'b end']);
  });

  it('given a command that fails, when the next one waits on the same stream, then it still runs and the failure is the first one\'s own', async () => {
    const locks = new StreamLocks();
    const failing = locks.run('s', async () => {
      throw new Error('refused');
    });
    const next = locks.run('s', async () => 'ran');
    await expect(failing).rejects.toThrow('refused');
    expect(await next).toBe('ran');
    expect(locks.held).toBe(0);
  });
});
