/** The OpenAPI 3 document at /api/openapi.json, generated from the routes' zod schemas, and a browsable page at /api/docs. */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { CSRF_HEADER, SESSION_COOKIE } from '@rexian/contracts';

// fastify-plugin: swagger must sit in the root context to see every route registered after it.
export const openApiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Rexian 热线 API',
        version: '0.1.0',
        description:
          'Everything the web pages do. Browser sessions use the `' + SESSION_COOKIE + '` cookie and send the ' +
          '`' + CSRF_HEADER + '` header on changes; integrations send `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets a few inline styles of its own (collapsing panels).
    transformStaticCSP: (header) => header.replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline'"),
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
});
