/**
 * Builds the HTTP application (Fastify) over an open database. `server.ts` listens; tests call
 * `build()` and use `app.inject()`.
 */
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database, Db } from './db/database';
import { accessControl } from './http/access-control';
import { apiError } from './http/app-error';
import { installErrorHandler } from './http/error-handler';
import { metricsPlugin } from './http/metrics';
import { openApiPlugin } from './http/openapi';
import { announcementRoutes } from './modules/announcements/routes';
import { callRoutes } from './modules/calls/routes';
import { taskRoutes } from './modules/calls/task-routes';
import { customerRoutes, interactionRoutes } from './modules/customers/routes';
import { wallboardRoutes } from './modules/wallboard/routes';
import { ctiRoutes } from './modules/cti/routes';
import { ctiSocketRoutes } from './modules/cti/ws-routes';
import { demoBillingRoutes } from './modules/demo-billing/routes';
import { ivrFlowRoutes } from './modules/ivr/routes';
import { queueRoutes } from './modules/queues/routes';
import { callerListRoutes } from './modules/routing/caller-list-routes';
import { hotlineRouteRoutes } from './modules/routing/route-routes';
import { OFFLINE_SWITCH, type SwitchStatus } from './modules/switch/switch-status';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { calendarRoutes } from './modules/calendar/routes';
import { departmentRoutes } from './modules/departments/routes';
import { dictionaryRoutes } from './modules/dictionary/routes';
import { groupRoutes } from './modules/groups/routes';
import { parameterRoutes } from './modules/parameters/routes';
import { roleRoutes } from './modules/roles/routes';
import { shiftRoutes } from './modules/shifts/routes';
import { phoneRoutes } from './modules/telephony/phone-routes';
import { OFFLINE_TELEPHONY, type TelephonyStatus } from './modules/telephony/telephony-status';
import { trunkRoutes } from './modules/telephony/trunk-routes';
import { tokenRoutes } from './modules/tokens/routes';
import { userRoutes } from './modules/users/routes';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    telephony: TelephonyStatus;
    /** The running call switch (CTI and configuration reload); offline when it is not started. */
    switchboard: SwitchStatus;
  }
}

export interface BuildOptions {
  database: Database;
  config: Config;
  logger?: FastifyServerOptions['logger'];
  /** The running SIP server's view of phones and trunks; offline when SIP is not started. */
  telephony?: TelephonyStatus;
  /** The running call switch; offline (commands refused, empty snapshot) when not started. */
  switchboard?: SwitchStatus;
}

export async function build({
  database, config, logger = false, telephony = OFFLINE_TELEPHONY, switchboard = OFFLINE_SWITCH,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Ids in logs let a support engineer follow one request.
    requestIdHeader: 'x-request-id',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', database.db);
  app.decorate('config', config);
  app.decorate('telephony', telephony);
  app.decorate('switchboard', switchboard);
  installErrorHandler(app);

  await app.register(cookie);
  // Before the access control: a WebSocket upgrade it refuses must still get its socket closed
  // after the 401/403 answer (the plugin's hooks mark and clean up upgrade requests).
  // CTI messages are small commands; a client sending megabytes is not an agent desktop.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its CSS-in-JS into <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(accessControl, { db: database.db });
  await app.register(metricsPlugin);
  await app.register(openApiPlugin);

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await database.db.execute('select 1');
      return { status: 'ok', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind });
    }
  });

  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(departmentRoutes, { prefix: '/api/departments' });
  await app.register(userRoutes, { prefix: '/api/users' });
  await app.register(groupRoutes, { prefix: '/api/groups' });
  await app.register(roleRoutes, { prefix: '/api/roles' });
  await app.register(tokenRoutes, { prefix: '/api/tokens' });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(dictionaryRoutes, { prefix: '/api/dictionary' });
  await app.register(calendarRoutes, { prefix: '/api/calendar' });
  await app.register(shiftRoutes, { prefix: '/api/shifts' });
  await app.register(parameterRoutes, { prefix: '/api/parameters' });
  await app.register(announcementRoutes, { prefix: '/api/announcements' });
  await app.register(phoneRoutes, { prefix: '/api/phones' });
  await app.register(trunkRoutes, { prefix: '/api/trunks' });
  await app.register(callRoutes, { prefix: '/api' });
  await app.register(taskRoutes, { prefix: '/api' });
  await app.register(queueRoutes, { prefix: '/api/queues' });
  await app.register(hotlineRouteRoutes, { prefix: '/api/routes' });
  await app.register(callerListRoutes, { prefix: '/api/caller-lists' });
  await app.register(ivrFlowRoutes, { prefix: '/api/ivr-flows' });
  await app.register(ctiRoutes, { prefix: '/api/cti' });
  await app.register(customerRoutes, { prefix: '/api/customers' });
  await app.register(wallboardRoutes, { prefix: '/api/wallboard' });
  await app.register(interactionRoutes, { prefix: '/api/interactions' });
  await app.register(ctiSocketRoutes);
  await app.register(demoBillingRoutes, { prefix: '/api/demo-billing' });

  const hasWeb = existsSync(`${config.webDir}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: config.webDir, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any page address that is not the API gets index.html.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send(apiError('NOT_FOUND'));
  });
  return app;
}
