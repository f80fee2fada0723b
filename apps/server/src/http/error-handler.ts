/**
 * Every error leaves the server as `{ error: ApiError }` from the one catalogue: validation failures
 * as 400 naming each field, expected failures with their code, anything else as a logged 500 that
 * reveals nothing.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldError } from '@rexian/contracts';
import { AppError, apiError } from './app-error';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send(apiError(error.code, error.fields));
    if (hasZodFastifySchemaValidationErrors(error)) {
      // instancePath is `/intervals/0/start`; the field is named `intervals.0.start`.
      const fields: FieldError[] = error.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || (error.validationContext ?? 'body'),
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send(apiError('VALIDATION_FAILED', fields));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large …
      const code = error.statusCode === 429 ? 'RATE_LIMITED' : error.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
      const body = apiError(code);
      body.error.messageEn = `${body.error.messageEn}: ${error.message}`;
      return reply.status(error.statusCode).send(body);
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(apiError('INTERNAL'));
  });
}
