import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_CODES, jalon, printedHash, scratch } from './jalon.js';

const tmp = scratch();
afterAll(() => tmp.remove());

describe('jalon demo and jalon replay', () => {
  let demoOutput = '';
  beforeAll(async () => {
    const run = await jalon(['demo', '--store', tmp.store('a')]);
    expect(run.code, run.stderr).toBe(0);
    demoOutput = run.stdout;
  });

  it('loads the synthetic history, saying so, and prints the count and the head hash', () => {
    expect(demoOutput).toMatch(/Synthetic demo data/);
    expect(demoOutput).toMatch(/Loaded \d{3} demo events/);
    expect(printedHash(demoOutput)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is reproducible on every machine: its head hash is the one pinned here', () => {
    // DOMAIN.md: seeded ids and fixed recording times give the same head hash everywhere. A
    // deliberate change to the demo history changes it: update the pin with the change.
    expect(printedHash(demoOutput)).toBe('aaef537afaf95113daadbeead10c1bf6f91f042d2739fb3e7aba56525e6bd59e');
  });

  it('is reproducible: a second fresh store gets the same head hash', async () => {
    const run = await jalon(['demo', '--store', tmp.store('b')]);
    expect(run.code, run.stderr).toBe(0);
    expect(printedHash(run.stdout)).toBe(printedHash(demoOutput));
  });

  it('refuses a store that is not empty, and appends nothing', async () => {
    const run = await jalon(['demo', '--store', tmp.store('a')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^jalon: the store already holds \d+ events[^\n]*empty store only\n$/);
    const verify = await jalon(['verify', '--store', tmp.store('a')]);
    expect(printedHash(verify.stdout)).toBe(printedHash(demoOutput));
  });

  it('replay prints a table of all 13 indicators', async () => {
    const run = await jalon(['replay', '--store', tmp.store('a')]);
    expect(run.code, run.stderr).toBe(0);
    for (const code of INDICATOR_CODES) expect(run.stdout).toMatch(new RegExp(`^${code.replace('.', '\\.')}\\s`, 'm'));
    expect(run.stdout).toMatch(/Government officials trained/);
    expect(run.stdout).toMatch(/Illustrative targets/);
  });

  it('replay --json prints the body of GET /api/v1/indicators', async () => {
    const run = await jalon(['replay', '--json', '--store', tmp.store('a')]);
    expect(run.code, run.stderr).toBe(0);
    const view = JSON.parse(run.stdout);
    expect(view.asOf).toBe('2016-12-31');
    expect(view.position).toBeGreaterThan(300);
    expect(view.indicators.map((i: { code: string }) => i.code)).toEqual(INDICATOR_CODES);
    const cases = view.indicators.find((i: { code: string }) => i.code === '1.1');
    expect(cases).toMatchObject({ unit: 'count', value: 58, target: 60, status: 'green' });
    expect(Object.keys(view).sort()).toEqual(['asOf', 'indicators', 'position']);
  });

  it('replay prints the status mix under its table: the demo ends 2015 with reds and ambers, and the project nearly all green', async () => {
    const [mid, end] = await Promise.all(
      [['--as-of', '2015-12-31'], []].map((asOf) => jalon(['replay', ...asOf, '--store', tmp.store('a')])),
    );
    expect(mid.stdout).toMatch(/^3\.3 .*\n\nstatus: 8 green, 2 amber, 3 red\n\nIllustrative targets/m);
    expect(end.stdout).toMatch(/^3\.3 .*\n\nstatus: 12 green, 1 amber, 0 red\n\nIllustrative targets/m);
  });

  it('replay answers "as of D, known at P": at position 0 every count is 0', async () => {
    const run = await jalon(['replay', '--json', '--at-position', '0', '--as-of', '2015-06-30', '--store', tmp.store('a')]);
    expect(run.code, run.stderr).toBe(0);
    const view = JSON.parse(run.stdout);
    expect(view).toMatchObject({ asOf: '2015-06-30', position: 0 });
    for (const i of view.indicators) expect(i.value === 0 || i.value === null).toBe(true);
  });

  it('replay as of the end of 2015 counts less than at the end of the project', async () => {
    const [mid, end] = await Promise.all(
      ['2015-12-31', '2016-12-31'].map((d) => jalon(['replay', '--json', '--as-of', d, '--store', tmp.store('a')])),
    );
    const value = (out: string) => JSON.parse(out).indicators.find((i: { code: string }) => i.code === '3.1').value;
    expect(value(mid.stdout)).toBeLessThan(value(end.stdout));
  });
});
