import { Controller, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { LoginResponse } from '@jalon/contracts';
import type { Request } from 'express';
import { z } from 'zod';
import { JsonBody } from '../http/json-body.decorator.js';
import { unauthorized } from '../http/problem.js';
import { parseBody } from '../http/validate.js';
import { ApiJsonBody, invalidResponse, problemResponse, schemaResponse } from '../openapi/responses.js';
import { LoginResponseSchema } from '../openapi/schemas.js';
import { AuthService, clientAddress } from './auth.service.js';
import { Public } from './roles.js';

export const LoginBody = z.strictObject({
  username: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).max(200),
  password: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).max(1000),
});

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in: a bearer token for the other routes' })
  @ApiJsonBody(LoginBody)
  @ApiOkResponse(schemaResponse(LoginResponseSchema, 'the token, the role and when the token expires'))
  @(invalidResponse())
  @ApiUnauthorizedResponse(problemResponse('unknown user name or wrong password (one answer for both)'))
  @ApiTooManyRequestsResponse(problemResponse('too many attempts from this address: wait (Retry-After)'))
  async login(@JsonBody() body: unknown, @Req() req: Request): Promise<LoginResponse> {
    const { username, password } = parseBody(LoginBody, body);
    const answer = await this.auth.login(username, password, clientAddress(req));
    // One answer for an unknown user and a wrong password: it must not tell which names exist.
    if (!answer) throw unauthorized('unknown user name or wrong password');
    return answer;
  }
}
