import type { Role } from '@jalon/contracts';

/** DI token of the UserStore port. */
export const USER_STORE = Symbol('USER_STORE');

export interface StoredUser {
  username: string;
  role: Role;
  /** argon2id, PHC string. */
  passwordHash: string;
  passwordChangedAt: string;
}

export interface StoredToken {
  /** sha256 of the opaque token: a stolen database does not yield usable tokens. */
  tokenHash: string;
  username: string;
  expiresAt: string;
}

/**
 * Users and their tokens, kept apart from the event log (never exported with it), in the log's
 * database: sqlite-users.ts and postgres-users.ts, chosen by open-user-store.ts.
 */
export interface UserStore {
  count(): Promise<number>;
  find(username: string): Promise<StoredUser | undefined>;
  /** False when the user name is taken (names compare without regard to case). */
  create(user: StoredUser): Promise<boolean>;
  saveToken(token: StoredToken): Promise<void>;
  /** The user a token belongs to, when it exists and expires after `now`. */
  findByToken(tokenHash: string, now: string): Promise<StoredUser | undefined>;
  deleteExpiredTokens(now: string): Promise<void>;
  /**
   * Sets a new password hash and, in the same transaction, deletes every token of the user, so
   * that a password change signs out every session. False when there is no such user.
   */
  changePassword(username: string, passwordHash: string, changedAt: string): Promise<boolean>;
  close(): Promise<void>;
}

/** A users row as both SQL stores keep it. */
export interface UserRow {
  username: string;
  role: string;
  password_hash: string;
  password_changed_at: string;
}

export const toUser = (row: UserRow | undefined): StoredUser | undefined =>
  row && {
    username: row.username,
    role: row.role as Role,
    passwordHash: row.password_hash,
    passwordChangedAt: row.password_changed_at,
  };
