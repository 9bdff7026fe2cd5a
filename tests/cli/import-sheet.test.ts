import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { expectUsageError, jalon, scratch } from './jalon.js';

const tmp = scratch();
afterAll(() => tmp.remove());

const CASES = 'caseId,identifiedOn,sex,ageGroup,nationality,exploitationType,referredBy\r\n';

describe('jalon import-sheet', () => {
  it('given a valid cases sheet, when dry-run then imported, then the dry run records nothing and the import records every row by the --as user', async () => {
    writeFileSync(tmp.path('cases.csv'), `${CASES}k1,2015-01-01,female,adult,NG,sexual,cso\r\nk2,2015-01-02,male,adult,CM,labour,iom\r\n`);
    const store = tmp.store('a');
    const dry = await jalon(['import-sheet', tmp.path('cases.csv'), '--kind', 'cases', '--dry-run', '--store', store]);
    expect(dry).toMatchObject({ code: 0, stdout: '2 rows read, 2 valid\n' });
    const run = await jalon(['import-sheet', tmp.path('cases.csv'), '--kind', 'cases', '--as', 'amina', '--store', store]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('2 rows recorded: 2 events, head position 2\n');
    const replay = await jalon(['replay', '--json', '--store', store]);
    expect(JSON.parse(replay.stdout).indicators.find((i: { code: string }) => i.code === '1.1').value).toBe(2);
    const exported = await jalon(['export', '--store', store]);
    expect(exported.stdout.trim().split('\n').map((l) => JSON.parse(l).metadata.recordedBy)).toEqual(['amina', 'amina']);
  });

  it('given a sheet with a bad row, when imported, then exit 1 with the row report and nothing recorded', async () => {
    writeFileSync(tmp.path('bad.csv'), `${CASES}k1,2015-01-01,female,adult,NG,sexual,cso\r\nk1,2015-01-02,male,adult,ZZ,labour,iom\r\n`);
    const store = tmp.store('b');
    const run = await jalon(['import-sheet', tmp.path('bad.csv'), '--kind', 'cases', '--store', store]);
    expect(run.code).toBe(1);
    // Row 3 fails on its own field first; a row that cannot be read is not decided against the rows above.
    expect(run.stdout).toMatch(/^1 error\(s\) in 1 row\(s\): nothing was recorded\nrow 3, nationality: .+\n$/);
    expect((await jalon(['verify', '--store', store])).stdout).toMatch(/^intact: 0 events/);
  });

  it.each([
    [['--kind', 'people'], /--kind must be one of/],
    [['--kind', 'cases', '--format'], /unknown option/],
    [[], /required option/],
  ])('given %j, then a usage error', async (args, message) => {
    writeFileSync(tmp.path('x.csv'), CASES);
    const run = await jalon(['import-sheet', tmp.path('x.csv'), ...args, '--store', tmp.store('c')]);
    expectUsageError(run);
    expect(run.stderr).toMatch(message);
  });

  it('given a file that is not .csv or .xlsx, or is missing, then a usage error', async () => {
    expectUsageError(await jalon(['import-sheet', tmp.path('cases.txt'), '--kind', 'cases', '--store', tmp.store('d')]));
    expectUsageError(await jalon(['import-sheet', tmp.path('missing.csv'), '--kind', 'cases', '--store', tmp.store('d')]));
  });
});
