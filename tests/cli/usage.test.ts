import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, jalon, scratch } from './jalon.js';

const tmp = scratch();
afterAll(() => tmp.remove());
// An empty store that exists (read-only commands refuse one that does not): an empty export restored.
beforeAll(async () => {
  const made = await jalon(['import', '-', '--store', tmp.store('empty')], { stdin: '' });
  if (made.code !== 0) throw new Error(`cannot make the empty store: ${made.stderr}`);
});

describe('jalon usage errors: exit 2, one line on stderr, no stack trace', () => {
  const store = () => ['--store', tmp.store('empty')];
  const cases: Array<[string, string[], RegExp]> = [
    ['an impossible date', ['replay', '--as-of', '2015-13-01'], /--as-of.*2015-13-01.*YYYY-MM-DD/],
    ['a date in another format', ['replay', '--as-of', '31/12/2015'], /--as-of/],
    ['a negative position', ['replay', '--at-position', '-1'], /--at-position.*-1/],
    ['a position that is not a number', ['replay', '--at-position', 'abc'], /--at-position.*abc/],
    ['a fractional position', ['replay', '--at-position', '1.5'], /--at-position/],
    ['a position beyond the head', ['replay', '--at-position', '5'], /beyond the head/],
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['an unknown option', ['verify', '--colour'], /unknown option '--colour'/],
    ['a missing export file', ['verify', '--file', 'no/such/export.ndjson'], /cannot read no\/such\/export\.ndjson: no such file/],
    ['a directory given as the export', ['verify', '--file', '.'], /cannot read \.: is a directory/],
    ['a malformed expected head', ['verify', '--expect-head', 'abc'], /--expect-head/],
    ['import without a file', ['import'], /missing required argument 'file'/],
    ['import of a missing file', ['import', 'no-such.ndjson'], /cannot read no-such\.ndjson/],
    ['a store URL of an unknown kind', ['replay', '--store', 'mysql://x'], /cannot open store mysql:\/\/x/],
    ['users add with an unknown role', ['users', 'add', 'ana', '--role', 'boss'], /role must be one of: admin, manager, auditor, donor/],
    ['users add with a bad name', ['users', 'add', 'a b', '--role', 'donor'], /user name must be/],
    ['users add without a role', ['users', 'add', 'ana'], /required option '--role <role>'/],
  ];

  it.each(cases)('%s', async (_, args, message) => {
    const run = await jalon([...store(), ...args]);
    expectUsageError(run);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('--help on a command prints its options and exits 0', async () => {
    const run = await jalon(['verify', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--expect-head <hash>/);
    expect(run.stdout).toMatch(/--file <path>/);
  });

  it('no command at all prints the help on stderr and exits 2', async () => {
    const run = await jalon([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Usage: jalon/);
    expect(run.stderr).not.toContain('    at ');
  });

  it('takes the store from JALON_STORE when --store is not given', async () => {
    const run = await jalon(['verify'], { env: { JALON_STORE: tmp.store('empty') } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^intact: 0 events, empty log/);
    const missing = await jalon(['verify'], { env: { JALON_STORE: tmp.store('from-env') } });
    expectUsageError(missing);
    expect(missing.stderr).toContain(tmp.store('from-env').slice('sqlite:'.length));
  });
});
