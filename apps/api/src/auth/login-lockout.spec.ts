import { describe, expect, it } from 'vitest';
import { LoginLockout, NAME_FACTOR } from './login-lockout.js';

/** 3 failures in a row lock for 60 s; a hand-driven clock. */
function lockout() {
  let now = 1_000_000;
  const l = new LoginLockout(3, 60, 10_000, () => now);
  return { l, tick: (seconds: number) => (now += seconds * 1000) };
}

const fail = (l: LoginLockout, name: string, address: string, times: number) => {
  for (let i = 0; i < times; i++) l.failed(name, address);
};

describe('the login lock-out', () => {
  it('given 3 failures for admin from one address, then that address is locked out of admin for 60 s', () => {
    const { l, tick } = lockout();
    fail(l, 'admin', '10.0.0.66', 2);
    expect(l.retryAfter('admin', '10.0.0.66')).toBe(0);
    l.failed('admin', '10.0.0.66');
    expect(l.retryAfter('admin', '10.0.0.66')).toBe(60);
    expect(l.retryAfter('ADMIN', '10.0.0.66'), 'names are case-insensitive').toBe(60);
    tick(59.5);
    expect(l.retryAfter('admin', '10.0.0.66')).toBe(1);
    tick(0.5);
    expect(l.retryAfter('admin', '10.0.0.66')).toBe(0);
  });

  it('given the guesser locked out, then admin from any other address, even never seen, may still try', () => {
    const { l } = lockout();
    fail(l, 'admin', '10.0.0.66', 3);
    expect(l.retryAfter('admin', '192.168.1.5')).toBe(0);
    expect(l.retryAfter('manager', '10.0.0.66'), 'other names from the same address').toBe(0);
  });

  it('given a success in between, then the failures start again from zero', () => {
    const { l } = lockout();
    fail(l, 'ana', 'a', 2);
    l.succeeded('ana', 'a');
    fail(l, 'ana', 'a', 2);
    expect(l.retryAfter('ana', 'a')).toBe(0);
  });

  describe(`given failures for admin from many addresses (a botnet, ${3 * NAME_FACTOR} in a row)`, () => {
    const botnet = () => {
      const { l, tick } = lockout();
      l.succeeded('admin', 'office');
      for (let i = 0; i < 3 * NAME_FACTOR; i++) l.failed('admin', `bot-${i}`);
      return { l, tick };
    };

    it('then every address admin never logged in from is locked out of admin for 60 s, a new bot too', () => {
      const { l, tick } = botnet();
      expect(l.retryAfter('admin', 'bot-new')).toBe(60);
      expect(l.retryAfter('admin', 'cafe')).toBe(60);
      tick(60);
      expect(l.retryAfter('admin', 'bot-new')).toBe(0);
    });

    it('then the address admin logged in from before still passes, and its success keeps the others out', () => {
      const { l } = botnet();
      expect(l.retryAfter('admin', 'office')).toBe(0);
      l.succeeded('admin', 'office');
      expect(l.retryAfter('admin', 'bot-new')).toBe(60);
    });

    it('then one address short of it does not lock the name', () => {
      const { l } = lockout();
      for (let i = 0; i < 3 * NAME_FACTOR - 1; i++) l.failed('admin', `bot-${i}`);
      expect(l.retryAfter('admin', 'cafe')).toBe(0);
    });
  });

  it('given a flood of made-up names, then the map stays bounded and a locked pair is not pushed out', () => {
    let now = 0;
    const l = new LoginLockout(3, 60, 100, () => now);
    fail(l, 'admin', 'x', 3);
    for (let i = 0; i < 1000; i++) l.failed(`made-up-${i}`, 'x');
    expect(l.retryAfter('admin', 'x')).toBe(60);
    now += 1;
    expect((l as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(101);
  });
});
