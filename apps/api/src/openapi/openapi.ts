import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { markPublicOperations } from './security.js';

/**
 * The project has chosen no licence (package.json is private and names none), so the document says
 * so rather than invent one, as an SPDX custom reference; change both together when one is chosen.
 */
const LICENSE = { name: 'Proprietary: no licence granted yet', identifier: 'LicenseRef-Proprietary' };

/** The OpenAPI document at /api/docs-json and its viewer at /api/docs, both without a token. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('jalon')
    .setDescription(
      'Results monitoring on an append-only, tamper-evident event log. Every error is ' +
        'application/problem+json (RFC 9457). See CONTRACT.md and DOMAIN.md.',
    )
    .setVersion('0.1.0')
    // Relative: the document describes the server that serves it, whatever its host and port.
    .addServer('/', 'the server that serves this document')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: 'a token from POST /api/v1/auth/login' },
      'bearer',
    )
    .build();
  config.info.license = LICENSE;
  const document = SwaggerModule.createDocument(app, config);
  markPublicOperations(document);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'jalon API',
    raw: ['json'],
  });
}
