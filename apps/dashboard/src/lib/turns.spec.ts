import { describe, expect, it } from 'vitest';
import { createTurns } from './turns.js';

/** A `next` that holds the callbacks until the test says a frame has gone by. */
function frames() {
  const due: Array<() => void> = [];
  return {
    next: (run: () => void) => void due.push(run),
    pass: () => due.splice(0).forEach((run) => run()),
  };
}

describe('turns', () => {
  it('runs the first piece at once and each later one after a frame of its own', () => {
    // given
    const clock = frames();
    const turns = createTurns(clock.next);
    const ran: string[] = [];
    // when
    for (const name of ['a', 'b', 'c']) turns.take(() => ran.push(name));
    // then
    expect(ran).toEqual(['a']);
    clock.pass();
    expect(ran).toEqual(['a', 'b']);
    clock.pass();
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('runs a piece at once again once nothing waits', () => {
    // given
    const clock = frames();
    const turns = createTurns(clock.next);
    const ran: string[] = [];
    turns.take(() => ran.push('a'));
    clock.pass();
    // when
    turns.take(() => ran.push('b'));
    // then
    expect(ran).toEqual(['a', 'b']);
  });

  it('never runs a piece cancelled before its turn, and the next one takes that turn', () => {
    // given
    const clock = frames();
    const turns = createTurns(clock.next);
    const ran: string[] = [];
    turns.take(() => ran.push('a'));
    const cancel = turns.take(() => ran.push('b'));
    turns.take(() => ran.push('c'));
    // when
    cancel();
    clock.pass();
    clock.pass();
    // then
    expect(ran).toEqual(['a', 'c']);
  });
});
