import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, type Me, type Role } from '@jalon/contracts';
import { identifier } from '@jalon/domain';
import { z } from 'zod';
import { JsonBody } from '../http/json-body.decorator.js';
import { conflictWith } from '../http/problem.js';
import { parseBody } from '../http/validate.js';
import { ApiJsonBody, invalidResponse, problemResponse, schemaResponse } from '../openapi/responses.js';
import { MeSchema } from '../openapi/schemas.js';
import { AuthService } from './auth.service.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.js';
import { CurrentUser, type Principal } from './principal.js';
import { ADMINS, EVERYONE, Roles } from './roles.js';

export const CreateUserBody = z.strictObject({
  username: identifier,
  password: z
    .string({ error: 'must be a string' })
    .min(PASSWORD_MIN, { error: `must be at least ${PASSWORD_MIN} characters` })
    .max(PASSWORD_MAX, { error: `must be at most ${PASSWORD_MAX} characters` }),
  role: z.enum(ROLES as [Role, ...Role[]], { error: `must be one of: ${ROLES.join(', ')}` }),
});

@ApiTags('auth')
@Controller('api/v1')
export class UsersController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Post('users')
  @HttpCode(201)
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Create a user (admin)' })
  @ApiJsonBody(CreateUserBody)
  @ApiCreatedResponse(schemaResponse(MeSchema, 'the user was created'))
  @ApiConflictResponse(problemResponse('the user name is taken'))
  @(invalidResponse())
  async create(@JsonBody() body: unknown): Promise<Me> {
    const { username, password, role } = parseBody(CreateUserBody, body);
    if (!(await this.auth.createUser(username, password, role)))
      throw conflictWith(`the user name ${username} is taken`, [{ path: '/username', message: 'is taken' }]);
    return { username, role };
  }

  @Get('me')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'The caller: user name and role' })
  @ApiOkResponse(schemaResponse(MeSchema, 'the caller'))
  me(@CurrentUser() user: Principal): Me {
    return { username: user.username, role: user.role };
  }
}
