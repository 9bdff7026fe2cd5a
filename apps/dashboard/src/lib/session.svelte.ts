/**
 * Who is signed in. The token lives in sessionStorage (gone with the tab); an expired or refused
 * token signs the user out with a notice, so the login page can say why.
 */
import type { LoginResponse, Role } from '@jalon/contracts';

const STORAGE_KEY = 'jalon.session';

export type SignOutReason = 'expired' | 'loggedOut';

interface Stored {
  token: string;
  role: Role;
  username: string;
  expiresAt: string;
}

interface Session {
  user: Stored | null;
  /** Why the last session ended, shown once on the login page. */
  notice: SignOutReason | null;
}

function load(): Stored | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const stored = raw ? (JSON.parse(raw) as Stored) : null;
    return stored?.token && stored.role ? stored : null;
  } catch {
    return null;
  }
}

export const session = $state<Session>({ user: load(), notice: null });

let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function watchExpiry(expiresAt: string): void {
  clearTimeout(expiryTimer);
  const ms = Date.parse(expiresAt) - Date.now();
  if (Number.isFinite(ms)) expiryTimer = setTimeout(() => signOut('expired'), Math.min(Math.max(ms, 0), 2 ** 31 - 1));
}

export function signIn(username: string, answer: LoginResponse): void {
  const user = { token: answer.token, role: answer.role, username, expiresAt: answer.expiresAt };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(user));
  session.user = user;
  session.notice = null;
  watchExpiry(answer.expiresAt);
}

export function signOut(reason: SignOutReason): void {
  clearTimeout(expiryTimer);
  sessionStorage.removeItem(STORAGE_KEY);
  if (session.user) session.notice = reason;
  session.user = null;
}

export function token(): string | undefined {
  return session.user?.token;
}

if (session.user) watchExpiry(session.user.expiresAt);
