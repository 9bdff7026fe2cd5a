/** Server settings: explicit options first, then the environment, then the defaults of CONTRACT.md. */

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** A store URL such as `sqlite:./data/jalon.db`. */
  store?: string;
  /** Where users and tokens live (JALON_USERS); default: beside the log, in the store's database. */
  users?: string;
  /** Load the demo history into an empty log (default true). */
  demo?: boolean;
  adminPassword?: string;
  /** Donor small-cell threshold (DOMAIN.md); CTDC publishes at 11. */
  smallCellThreshold?: number;
  /** Structured logs on stdout (default true). */
  log?: boolean;
}

export interface Config {
  port: number;
  store: string;
  users: string;
  demo: boolean;
  adminPassword: string | undefined;
  smallCellThreshold: number;
  tokenTtlHours: number;
  logLevel: string;
  log: boolean;
  /** Login attempts allowed per minute for one username from one address. */
  loginLimit: number;
  /**
   * Failed logins in a row for one user name from one address that lock that address out of the name
   * for `loginLockoutSeconds`; ten times as many from any addresses lock out every address the name
   * never logged in from (login-lockout.ts).
   */
  loginLockout: number;
  loginLockoutSeconds: number;
  /** Identifiers written into the IATI file (CONTRACT.md: configuration with documented defaults). */
  iati: IatiIdentifiers;
  /** Persisted read-model snapshots (snapshot-location.ts): JALON_SNAPSHOT, JALON_SNAPSHOT_DIR. */
  snapshot: { enabled: boolean; dir: string | undefined };
}

export interface IatiIdentifiers {
  /** The publisher: IOM's organisation identifier. */
  reportingOrg: string;
  /** The activity's iati-identifier: the reporting org's identifier, a hyphen, the project's own id. */
  activityId: string;
  /** The funder: Germany's Federal Foreign Office. */
  fundingOrg: string;
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readConfig(options: ServerOptions = {}, env: Env = process.env): Config {
  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    port: options.port ?? integer('PORT', env.PORT, 3000, 0, 65535),
    store: options.store ?? nonEmpty(env.JALON_STORE) ?? 'sqlite:./data/jalon.db',
    users: options.users ?? nonEmpty(env.JALON_USERS) ?? options.store ?? nonEmpty(env.JALON_STORE) ?? 'sqlite:./data/jalon.db',
    demo: options.demo ?? flag('JALON_DEMO', env.JALON_DEMO, true),
    adminPassword: options.adminPassword ?? nonEmpty(env.JALON_ADMIN_PASSWORD),
    smallCellThreshold:
      options.smallCellThreshold ?? integer('JALON_SMALL_CELL', env.JALON_SMALL_CELL, 5, 1, 1_000_000),
    tokenTtlHours: number('JALON_TOKEN_TTL_HOURS', env.JALON_TOKEN_TTL_HOURS, 12),
    logLevel,
    log: options.log ?? true,
    loginLimit: integer('JALON_LOGIN_LIMIT', env.JALON_LOGIN_LIMIT, 10, 1, 1_000_000),
    loginLockout: integer('JALON_LOGIN_LOCKOUT', env.JALON_LOGIN_LOCKOUT, 10, 1, 1_000_000),
    loginLockoutSeconds: integer('JALON_LOGIN_LOCKOUT_SECONDS', env.JALON_LOGIN_LOCKOUT_SECONDS, 900, 1, 86_400),
    iati: iatiIdentifiers(env),
    snapshot: { enabled: flag('JALON_SNAPSHOT', env.JALON_SNAPSHOT, true), dir: nonEmpty(env.JALON_SNAPSHOT_DIR) },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (nonEmpty(raw) === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw!.trim()) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function number(name: string, raw: string | undefined, fallback: number): number {
  if (nonEmpty(raw) === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function flag(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (nonEmpty(raw) === undefined) return fallback;
  const value = raw!.trim().toLowerCase();
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  throw new Error(`${name} must be 0 or 1, got "${raw}"`);
}

function iatiIdentifiers(env: Env): IatiIdentifiers {
  const reportingOrg = iatiRef('JALON_IATI_REPORTING_ORG', env.JALON_IATI_REPORTING_ORG, 'XM-DAC-47066');
  return {
    reportingOrg,
    activityId: iatiRef('JALON_IATI_ACTIVITY_ID', env.JALON_IATI_ACTIVITY_ID, `${reportingOrg}-MA-CT-2014`),
    fundingOrg: iatiRef('JALON_IATI_FUNDING_ORG', env.JALON_IATI_FUNDING_ORG, 'XM-DAC-5-7'),
  };
}

/** IATI identifiers: letters, digits, hyphens, dots and underscores, no spaces or slashes. */
function iatiRef(name: string, raw: string | undefined, fallback: string): string {
  const value = nonEmpty(raw) ?? fallback;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(value))
    throw new Error(`${name} must be an IATI identifier (letters, digits, '-', '.', '_'), got "${raw}"`);
  return value;
}
