import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@jalon/contracts';
import type { Request } from 'express';
import { forbidden, unauthorized } from '../http/problem.js';
import { AuthService } from './auth.service.js';
import { setPrincipal } from './principal.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.js';

/**
 * The one guard of every route: 401 without a valid token, then 403 when the role is not one the
 * route names. A route that names no roles and is not public is closed to all but the admin, so a
 * forgotten decorator fails safe.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw unauthorized('this route needs Authorization: Bearer <token>');
    const principal = await this.auth.authenticate(token);
    if (!principal) throw unauthorized('the token is unknown or expired: log in again');
    setPrincipal(req, principal);
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? ['admin'];
    if (!roles.includes(principal.role)) throw forbidden(`the role ${principal.role} may not do this`);
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}
