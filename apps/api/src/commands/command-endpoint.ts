import { applyDecorators, HttpCode } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import { COMMANDS, type CommandType } from '@jalon/domain';
import { RECORDERS, Roles } from '../auth/roles.js';
import { ApiJsonBody, invalidResponse, problemResponse, schemaResponse, unknownResponse } from '../openapi/responses.js';
import { CommandAcceptedSchema } from '../openapi/schemas.js';

/** What every command route shares: who may call it, 201, and its documentation from the domain. */
export function CommandEndpoint(type: CommandType, summary: string) {
  const { event, pathId } = COMMANDS[type];
  return applyDecorators(
    Roles(...RECORDERS),
    HttpCode(201),
    ApiOperation({ summary, description: `Appends a \`${event}\` event (DOMAIN.md).` }),
    ApiJsonBody(COMMANDS[type].body),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Optional, 1-200 printable characters, scoped to the user: the same key with the same method, path (as routed: ' +
        'case and a trailing slash do not matter) and body answers the first 201 again and appends nothing, also after ' +
        'an export and import; with anything else it is a 409 (after any 400 or 404 the request earns on its own).',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    }),
    ApiCreatedResponse(schemaResponse(CommandAcceptedSchema, 'the events appended and the position of the last')),
    invalidResponse(),
    ...(pathId || type === 'SetTarget' ? [unknownResponse(`no ${pathId} in effect with this id`)] : []),
    ApiConflictResponse(problemResponse('the command conflicts with recorded facts, or the Idempotency-Key was used for another request')),
    ApiPayloadTooLargeResponse(problemResponse('the body is larger than 1 MiB')),
    ApiServiceUnavailableResponse(problemResponse('the event store is full (no disk space) or cannot be reached: nothing was written; retry after Retry-After seconds')),
  );
}
