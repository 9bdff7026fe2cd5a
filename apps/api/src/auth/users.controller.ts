import { Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ROLES, type Me, type Role } from '@jalon/contracts';
import { identifier } from '@jalon/domain';
import type { Request } from 'express';
import { z } from 'zod';
import { JsonBody } from '../http/json-body.decorator.js';
import { conflictWith, invalidInput, notFound } from '../http/problem.js';
import { parseBody } from '../http/validate.js';
import { ApiJsonBody, invalidResponse, problemResponse, schemaResponse, unknownResponse } from '../openapi/responses.js';
import { MeSchema } from '../openapi/schemas.js';
import { AuthService, clientAddress } from './auth.service.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.js';
import { CurrentUser, type Principal } from './principal.js';
import { ADMINS, EVERYONE, Roles } from './roles.js';

const newPassword = z
  .string({ error: 'must be a string' })
  .min(PASSWORD_MIN, { error: `must be at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX, { error: `must be at most ${PASSWORD_MAX} characters` });

export const CreateUserBody = z.strictObject({
  username: identifier,
  password: newPassword,
  role: z.enum(ROLES as [Role, ...Role[]], { error: `must be one of: ${ROLES.join(', ')}` }),
});

export const ChangeOwnPasswordBody = z.strictObject({
  currentPassword: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).max(1000),
  newPassword,
});

export const SetPasswordBody = z.strictObject({ newPassword });

const UsernameParam = z.strictObject({ username: identifier });

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

  @Post('me/password')
  @HttpCode(204)
  @Roles(...EVERYONE)
  @ApiOperation({
    summary: "Change the caller's password",
    description: 'Every token of the caller is revoked, this one included: log in again with the new password.',
  })
  @ApiJsonBody(ChangeOwnPasswordBody)
  @ApiNoContentResponse({ description: 'changed; every token of the caller is revoked' })
  @(invalidResponse('invalid input, a wrong current password, or a new password equal to it'))
  @ApiTooManyRequestsResponse(problemResponse('too many wrong passwords for this user name: wait (Retry-After)'))
  async changeOwnPassword(@CurrentUser() user: Principal, @JsonBody() body: unknown, @Req() req: Request): Promise<void> {
    const { currentPassword, newPassword } = parseBody(ChangeOwnPasswordBody, body);
    if (newPassword === currentPassword)
      throw invalidInput([{ path: '/newPassword', message: 'must differ from the current password' }]);
    if (!(await this.auth.changeOwnPassword(user.username, currentPassword, newPassword, clientAddress(req))))
      throw invalidInput([{ path: '/currentPassword', message: 'is not the current password' }], 'the current password is wrong');
  }

  @Post('users/:username/password')
  @HttpCode(204)
  @Roles(...ADMINS)
  @ApiOperation({
    summary: "Set a user's password (admin)",
    description: 'Every token of that user is revoked: they log in again with the new password.',
  })
  @ApiParam({ name: 'username', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } })
  @ApiJsonBody(SetPasswordBody)
  @ApiNoContentResponse({ description: "set; every token of the user is revoked" })
  @(invalidResponse())
  @(unknownResponse('no user with this name'))
  async setPassword(@Param('username') username: string, @JsonBody() body: unknown): Promise<void> {
    if (!UsernameParam.safeParse({ username }).success)
      throw invalidInput([{ path: '/username', message: 'must be 1-64 letters, digits, "_" or "-"' }], 'the user name in the path is not valid');
    const { newPassword } = parseBody(SetPasswordBody, body);
    if (!(await this.auth.setPassword(username, newPassword))) throw notFound(`no user ${username}`);
  }

  @Get('me')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'The caller: user name and role' })
  @ApiOkResponse(schemaResponse(MeSchema, 'the caller'))
  me(@CurrentUser() user: Principal): Me {
    return { username: user.username, role: user.role };
  }
}
