import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';

const MINUTE = 60_000;

/**
 * Login attempts per minute: `limit` for one user name from one address (guessing a password), and
 * ten times that from one address whatever the names (trying many names). Several people behind one
 * address can still log in.
 */
export function loginThrottle(limit: number): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'default', ttl: MINUTE, limit, getTracker: (req) => `${address(req)}|${username(req)}` },
      { name: 'address', ttl: MINUTE, limit: limit * 10, getTracker: (req) => address(req) },
    ],
  };
}

function address(req: Record<string, unknown>): string {
  return (req as unknown as Request).ip ?? 'unknown';
}

function username(req: Record<string, unknown>): string {
  const body = (req as unknown as Request).body as { username?: unknown } | undefined;
  return typeof body?.username === 'string' ? body.username.toLowerCase().slice(0, 200) : '';
}
