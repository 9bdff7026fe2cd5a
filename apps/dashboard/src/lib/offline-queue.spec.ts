import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openOfflineQueue, type QueuedCommand, type SendOutcome } from './offline-queue.js';

let n = 0;
const fresh = () => openOfflineQueue(`test-${++n}`);
const command = (label: string) => ({ key: `key-${label}`, path: '/api/v1/trainings', body: { trainingId: label }, label });

describe('the offline queue', () => {
  it('given two commands made offline, when the connection returns, then they are sent in order with their keys and leave the queue', async () => {
    const queue = await fresh();
    await queue.add(command('T1'));
    await queue.add(command('T2'));
    const sent: string[] = [];
    const recorded = await queue.flush(async (c) => (sent.push(c.key), { kind: 'recorded' }));
    expect(recorded).toBe(2);
    expect(sent).toEqual(['key-T1', 'key-T2']);
    expect(await queue.list()).toEqual([]);
  });

  it('given the network still down, when flushing, then it stops at the first command and keeps every one waiting', async () => {
    const queue = await fresh();
    await queue.add(command('T1'));
    await queue.add(command('T2'));
    let tries = 0;
    expect(await queue.flush(async () => (tries++, { kind: 'unsent' }))).toBe(0);
    expect(tries).toBe(1);
    expect((await queue.list()).map((c) => [c.label, c.state])).toEqual([['T1', 'waiting'], ['T2', 'waiting']]);
  });

  it('given a command the API refuses, when flushing, then it stays with its reason for the user to fix or drop, and the next one still goes', async () => {
    const queue = await fresh();
    const first = await queue.add(command('T1'));
    await queue.add(command('T2'));
    const refusal: SendOutcome = { kind: 'refused', status: 409, detail: 'training T1 is already recorded', errors: [{ path: '/trainingId', message: 'already recorded' }] };
    await queue.flush(async (c: QueuedCommand) => (c.label === 'T1' ? refusal : { kind: 'recorded' }));
    const left = await queue.list();
    expect(left).toEqual([{ ...first, state: 'refused', refusal: { status: 409, detail: 'training T1 is already recorded', errors: [{ path: '/trainingId', message: 'already recorded' }] } }]);
    expect(await queue.flush(async () => ({ kind: 'recorded' }))).toBe(0); // a refused one is not resent by itself
    await queue.drop(first.id);
    expect(await queue.list()).toEqual([]);
  });

  it('given two flushes asked at once, then each command is sent once', async () => {
    const queue = await fresh();
    await queue.add(command('T1'));
    let sends = 0;
    const send = async (): Promise<SendOutcome> => {
      sends++;
      await new Promise((r) => setTimeout(r, 10));
      return { kind: 'recorded' };
    };
    await Promise.all([queue.flush(send), queue.flush(send)]);
    expect(sends).toBe(1);
  });

  it('given a queue closed and opened again (a new tab), then the waiting commands are still there', async () => {
    const name = `test-${++n}`;
    const queue = await openOfflineQueue(name);
    await queue.add(command('T1'));
    queue.close();
    const again = await openOfflineQueue(name);
    expect((await again.list()).map((c) => c.key)).toEqual(['key-T1']);
  });
});
