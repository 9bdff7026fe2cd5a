import { ApiExtension, type OpenAPIObject } from '@nestjs/swagger';

/**
 * `security: []` on an operation is the OpenAPI way to say it needs no credentials; an operation
 * without `security` says nothing (linters flag it, generated clients cannot tell). @nestjs/swagger
 * drops an empty list from decorator metadata, so public routes carry a marker extension that
 * `markPublicOperations` turns into `security: []` once the document is built.
 */
const PUBLIC_MARK = 'x-jalon-public';

/** Marks an operation as callable without a token (used by the auth module's `@Public()`). */
export const ApiNoSecurity = () => ApiExtension(PUBLIC_MARK, true);

/** Replaces each public marker with `security: []`, in place. */
export function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (typeof operation !== 'object' || operation === null || !(PUBLIC_MARK in operation)) continue;
      delete (operation as Record<string, unknown>)[PUBLIC_MARK];
      (operation as { security?: unknown[] }).security = [];
    }
  }
}
