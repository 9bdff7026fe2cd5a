import type { Role } from '@jalon/contracts';
import { hashPassword, PASSWORD_MIN, randomPassword } from './passwords.js';
import type { UserStore } from './user-store.js';

export interface FirstUser {
  username: string;
  role: Role;
  /** Undefined when it came from JALON_ADMIN_PASSWORD: the operator knows it already. */
  password: string | undefined;
}

const DEMO_USERS: Role[] = ['manager', 'auditor', 'donor'];

/**
 * When no user exists yet: `admin`, and with the demo history one user per other role, so that the
 * demo can be seen through every role's eyes.
 */
export async function createFirstUsers(
  users: UserStore,
  options: { adminPassword: string | undefined; demoUsers: boolean },
): Promise<FirstUser[]> {
  if ((await users.count()) > 0) return [];
  const wanted: Array<{ role: Role; given?: string }> = [
    { role: 'admin', given: options.adminPassword },
    ...(options.demoUsers ? DEMO_USERS.map((role) => ({ role })) : []),
  ];
  const created: FirstUser[] = [];
  for (const { role, given } of wanted) {
    const password = given ?? randomPassword();
    const passwordChangedAt = new Date().toISOString();
    // False when another process sharing the store created the name meanwhile: its password is not ours to print.
    if (!(await users.create({ username: role, role, passwordHash: await hashPassword(password), passwordChangedAt }))) continue;
    created.push({ username: role, role, password: given === undefined ? password : undefined });
  }
  return created;
}

/** The block printed once on stdout: these passwords are shown nowhere else. */
export function formatFirstUsers(created: FirstUser[], weakAdminPassword: boolean): string {
  if (created.length === 0) return '';
  const width = Math.max(...created.map((u) => u.username.length));
  const lines = created.map(
    (u) => `  ${u.username.padEnd(width)}  password: ${u.password ?? '(from JALON_ADMIN_PASSWORD)'}`,
  );
  const warning = weakAdminPassword ? [`  warning: JALON_ADMIN_PASSWORD is shorter than ${PASSWORD_MIN} characters`] : [];
  return [
    '================================================================',
    ' jalon: first users created. Passwords are shown only this once:',
    ...lines,
    ...warning,
    '================================================================',
    '',
  ].join('\n');
}
