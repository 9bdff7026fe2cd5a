import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@jalon/contracts';
import { problemResponse } from '../openapi/responses.js';
import { ApiNoSecurity } from '../openapi/security.js';

export const ROLES_KEY = 'jalon:roles';
export const PUBLIC_KEY = 'jalon:public';

/** DOMAIN.md, "Who sees what". */
export const EVERYONE: Role[] = ['admin', 'manager', 'auditor', 'donor'];
export const LOG_READERS: Role[] = ['admin', 'manager', 'auditor'];
export const RECORDERS: Role[] = ['admin', 'manager'];
export const ADMINS: Role[] = ['admin'];
/** Who reads the read audit: the people recording are watched by the people auditing. */
export const AUDITORS: Role[] = ['admin', 'auditor'];

/** The roles allowed on a route; the global guard refuses every other caller (and routes without it). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth('bearer'),
    ApiUnauthorizedResponse(problemResponse('no token, or a bad or expired one')),
    ApiForbiddenResponse(problemResponse(`allowed to: ${roles.join(', ')}`)),
  );

/** A route anyone may call without a token (health, login). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiNoSecurity());
