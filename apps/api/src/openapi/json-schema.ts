import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * The JSON Schema of a zod schema, for the OpenAPI 3.1 document: request bodies come from the
 * domain's own schemas, so the document cannot drift from what the API accepts. Refinements (a
 * real date, a sum of participants) are not expressible and are left out; the API still applies them.
 */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest as SchemaObject;
}

/** True when the schema accepts a missing value (optional, or with a default). */
export function isOptional(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}
