import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { LoginResponse, Role } from '@jalon/contracts';
import { CONFIG } from '../runtime.js';
import type { Config } from '../config.js';
import { dummyHash, hashPassword, newToken, tokenDigest, verifyPassword } from './passwords.js';
import type { Principal } from './principal.js';
import { USER_STORE, type UserStore } from './user-store.js';

@Injectable()
export class AuthService implements OnModuleInit {
  constructor(
    @Inject(USER_STORE) private readonly users: UserStore,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** The dummy hash is made at start, so the first unknown user is not slower than the next ones. */
  async onModuleInit(): Promise<void> {
    await dummyHash();
  }

  /** A token for good credentials; undefined for an unknown user or a wrong password alike. */
  async login(username: string, password: string): Promise<LoginResponse | undefined> {
    const user = await this.users.find(username);
    // Unknown users verify against a dummy hash too: the answer's timing does not tell them apart.
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !valid) return undefined;
    const token = newToken();
    const now = Date.now();
    const expiresAt = new Date(now + this.config.tokenTtlHours * 3_600_000).toISOString();
    await this.users.deleteExpiredTokens(new Date(now).toISOString());
    await this.users.saveToken({ tokenHash: tokenDigest(token), username: user.username, expiresAt });
    return { token, role: user.role, expiresAt };
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
