import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@jalon/contracts';
import type { Request } from 'express';

/** Who is calling, as the guard established it from the bearer token. */
export interface Principal {
  username: string;
  role: Role;
}

const principals = new WeakMap<Request, Principal>();

export function setPrincipal(req: Request, principal: Principal): void {
  principals.set(req, principal);
}

export function principalOf(req: Request): Principal | undefined {
  return principals.get(req);
}

/** The authenticated caller of a route that is not public. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = principalOf(ctx.switchToHttp().getRequest<Request>());
  if (!principal) throw new Error('CurrentUser used on a public route');
  return principal;
});
