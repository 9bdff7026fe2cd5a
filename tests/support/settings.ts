/**
 * The environment variables the tests read, each read one way everywhere: `CI` as a yes/no, and
 * counts (runs, rounds, seconds) as positive whole numbers. A value that would quietly run nothing
 * (`JALON_FUZZ_RUNS=0`) or that is not a number at all stops the test file with a message naming
 * the variable, instead of a green run that tested nothing.
 */

type Env = Record<string, string | undefined>;

const YES = ['1', 'true', 'yes', 'on'];
const NO = ['0', 'false', 'no', 'off'];

/** What a yes/no variable says; unset or empty gives `fallback`, anything unrecognised throws. */
export function flagSetting(name: string, fallback: boolean, env: Env = process.env): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (YES.includes(raw)) return true;
  if (NO.includes(raw)) return false;
  throw new Error(`${name} must be yes or no (${YES.join(', ')} / ${NO.join(', ')}, any case), got "${env[name]}"`);
}

/**
 * True under CI (`CI` set to 1, true, yes or on, any case): the PostgreSQL and browser suites must
 * then run, and fail rather than skip when their server or browser is missing.
 */
export function isCI(env: Env = process.env): boolean {
  return flagSetting('CI', false, env);
}

/** A whole number of at least `min`; unset or empty gives `fallback`. */
export function wholeNumberSetting(name: string, fallback: number, min: number, env: Env = process.env): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    const what = min === 1 ? 'a positive whole number (1 or more)' : `a whole number of at least ${min}`;
    throw new Error(`${name} must be ${what}, got "${env[name]}"`);
  }
  return value;
}

/** A count of runs, rounds or seconds: 0 would run nothing, so it must be 1 or more. */
export function countSetting(name: string, fallback: number, env: Env = process.env): number {
  return wholeNumberSetting(name, fallback, 1, env);
}

/** Like countSetting, but undefined when the variable is unset (the test picks its own default). */
export function optionalCountSetting(name: string, env: Env = process.env): number | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : countSetting(name, 0, env);
}
