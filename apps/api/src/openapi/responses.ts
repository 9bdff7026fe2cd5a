import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiNotFoundResponse,
  ApiQuery,
  ApiServiceUnavailableResponse,
  type ApiResponseNoStatusOptions,
} from '@nestjs/swagger';
import type { z } from 'zod';
import { isOptional, jsonSchema } from './json-schema.js';
import { ProblemSchema } from './schemas.js';

/** Swagger decorators fed with zod schemas: one source for validation and documentation. */

export function schemaResponse(schema: z.ZodType, description: string, media = 'application/json'): ApiResponseNoStatusOptions {
  return { description, content: { [media]: { schema: jsonSchema(schema, 'output') } } };
}

export function problemResponse(description: string): ApiResponseNoStatusOptions {
  return schemaResponse(ProblemSchema, description, 'application/problem+json');
}

export const invalidResponse = (description = 'invalid input; `errors` names each bad field') =>
  ApiBadRequestResponse(problemResponse(description));

export const unknownResponse = (description: string) => ApiNotFoundResponse(problemResponse(description));

export const notReadyResponse = () =>
  ApiServiceUnavailableResponse(problemResponse('the read models did not reach the position asked within 5 s (Retry-After: 1)'));

export function ApiJsonBody(schema: z.ZodType, description?: string) {
  return ApiBody({ schema: jsonSchema(schema, 'input'), required: true, description });
}

/** One documented query parameter per key of a strict zod object. */
export function ApiZodQuery(schema: z.ZodObject) {
  return applyDecorators(
    ...Object.entries(schema.shape).map(([name, field]) =>
      ApiQuery({
        name,
        required: !isOptional(field as z.ZodType),
        schema: jsonSchema(field as z.ZodType, 'input'),
        description: (field as z.ZodType).description,
      }),
    ),
  );
}
