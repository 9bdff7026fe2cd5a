import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

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
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: 'a token from POST /api/v1/auth/login' },
      'bearer',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'jalon API',
    raw: ['json'],
  });
}
