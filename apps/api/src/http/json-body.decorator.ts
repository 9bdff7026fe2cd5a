import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { bodyProblemOf } from './json-body.js';

/**
 * The parsed JSON body (undefined when none was sent). Param decorators run after the guards, so a
 * body that could not be read is refused only once the caller is known to be allowed in.
 */
export const JsonBody = createParamDecorator((_data: unknown, ctx: ExecutionContext): unknown => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const problem = bodyProblemOf(req);
  if (problem) throw problem;
  return req.body;
});
