import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { LoginResponse, Role } from '@jalon/contracts';
import type { Request } from 'express';
import { CONFIG } from '../runtime.js';
import type { Config } from '../config.js';
import { ProblemException, problem } from '../http/problem.js';
import { LoginLockout } from './login-lockout.js';
import { dummyHash, hashPassword, newToken, tokenDigest, verifyPassword } from './passwords.js';
import type { Principal } from './principal.js';
import { USER_STORE, type StoredUser, type UserStore } from './user-store.js';

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly lockout: LoginLockout;

  constructor(
    @Inject(USER_STORE) private readonly users: UserStore,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.lockout = new LoginLockout(config.loginLockout, config.loginLockoutSeconds);
  }

  /** The dummy hash is made at start, so the first unknown user is not slower than the next ones. */
  async onModuleInit(): Promise<void> {
    await dummyHash();
  }

  /** A token for good credentials; undefined for an unknown user or a wrong password alike. */
  async login(username: string, password: string, address: string): Promise<LoginResponse | undefined> {
    const user = await this.checkPassword(username, password, address);
    if (!user) return undefined;
    const token = newToken();
    const now = Date.now();
    const expiresAt = new Date(now + this.config.tokenTtlHours * 3_600_000).toISOString();
    await this.users.deleteExpiredTokens(new Date(now).toISOString());
    await this.users.saveToken({ tokenHash: tokenDigest(token), username: user.username, expiresAt });
    return { token, role: user.role, expiresAt };
  }

  /**
   * The user when the password is theirs. An address locked out of a name after too many failures
   * is refused with 429 before the password is looked at, even a right one: otherwise guessing
   * would go on (see login-lockout.ts for who is locked out, and why not everyone).
   */
  private async checkPassword(username: string, password: string, address: string): Promise<StoredUser | undefined> {
    const wait = this.lockout.retryAfter(username, address);
    if (wait > 0) throw lockedOut(wait);
    const user = await this.users.find(username);
    // Unknown users verify against a dummy hash too: the answer's timing does not tell them apart.
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !valid) {
      this.lockout.failed(username, address);
      return undefined;
    }
    this.lockout.succeeded(username, address);
    return user;
  }

  /**
   * The caller's own password, checked against the current one (failures count towards the
   * lock-out, so a stolen token cannot guess it). Every token of the user is revoked: false when
   * the current password is wrong.
   */
  async changeOwnPassword(username: string, currentPassword: string, newPassword: string, address: string): Promise<boolean> {
    if (!(await this.checkPassword(username, currentPassword, address))) return false;
    return this.setPassword(username, newPassword);
  }

  /** Sets a user's password and revokes all their tokens; false when there is no such user. */
  async setPassword(username: string, newPassword: string): Promise<boolean> {
    const passwordHash = await hashPassword(newPassword);
    return this.users.changePassword(username, passwordHash, new Date().toISOString());
  }

  async authenticate(token: string): Promise<Principal | undefined> {
    const user = await this.users.findByToken(tokenDigest(token), new Date().toISOString());
    return user && { username: user.username, role: user.role };
  }

  /** False when the name is taken. */
  async createUser(username: string, password: string, role: Role): Promise<boolean> {
    const passwordHash = await hashPassword(password);
    return this.users.create({ username, role, passwordHash, passwordChangedAt: new Date().toISOString() });
  }
}

/** The peer's address (no proxy is trusted: X-Forwarded-For would let a guesser pick its own). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}

function lockedOut(seconds: number): ProblemException {
  const detail = `too many failed attempts for this user name from this address: try again in ${seconds} s`;
  return new ProblemException(problem(429, detail), { 'Retry-After': String(seconds) });
}
