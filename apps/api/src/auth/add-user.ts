import { ROLES, type Role } from '@jalon/contracts';
import { identifier } from '@jalon/domain';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, randomPassword } from './passwords.js';
import { openUserStore } from './open-user-store.js';

export class UserExistsError extends Error {
  constructor(readonly username: string) {
    super(`the user name ${username} is taken`);
    this.name = 'UserExistsError';
  }
}

/**
 * Creates a user in the user store a URL names (the store's, or JALON_USERS), with the same rules as POST /api/v1/users
 * (`jalon users add`); a random password when none is given. Throws a RangeError for a bad name,
 * role or password, UserExistsError for a taken name.
 */
export async function addUser(
  usersUrl: string,
  username: string,
  role: string,
  password: string = randomPassword(),
): Promise<{ username: string; role: Role; password: string }> {
  if (!identifier.safeParse(username).success) throw new RangeError('the user name must be 1-64 letters, digits, "_" or "-"');
  if (!(ROLES as readonly string[]).includes(role)) throw new RangeError(`the role must be one of: ${ROLES.join(', ')}`);
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
    throw new RangeError(`the password must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters`);
  const users = await openUserStore(usersUrl);
  try {
    const created = await users.create({
      username,
      role: role as Role,
      passwordHash: await hashPassword(password),
      passwordChangedAt: new Date().toISOString(),
    });
    if (!created) throw new UserExistsError(username);
    return { username, role: role as Role, password };
  } finally {
    await users.close();
  }
}
