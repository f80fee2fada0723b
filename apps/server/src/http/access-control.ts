/**
 * Who may call what. Every route declares `config.access` ('public', 'signedIn' or a right); a route
 * under /api without one stops the server at start-up. Before the body is even parsed, each request
 * is matched to its caller (session cookie or API token), then refused with 401 (nobody signed in) or
 * 403 (outside the caller's IP ranges, a cookie request without its CSRF token, or a missing right).
 * Refusals go to the audit log, but for anonymous reads (a page checking whether anyone is signed in).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { eq } from 'drizzle-orm';
import { CSRF_HEADER, SESSION_COOKIE, type ErrorCode, type RouteAccess } from '@rexian/contracts';
import type { Db } from '../db/database';
import { apiTokens } from '../db/schema';
import { loadPrincipal, type Principal } from '../modules/auth/principal';
import { findApiToken, findSession } from '../modules/auth/sessions';
import { ipInRanges } from '../modules/auth/ip-ranges';
import { actorOf, writeAudit } from '../modules/audit/audit-log';
import { apiError } from './app-error';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyInstance {
    /** Every route with the access it declared: the API's rights table, and what tests walk. */
    routeAccess: DeclaredRoute[];
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** Whether the route validates a request body. */
  takesBody: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes that third-party plugins register for themselves (API docs) are public. */
const PLUGIN_ROUTES = /^\/api\/docs(\/|$)/;

export const accessControl = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  const { db } = opts;

  const declared: DeclaredRoute[] = [];
  app.decorate('routeAccess', declared);
  app.addHook('onRoute', (route) => {
    if (!route.config?.access) {
      if (route.url.startsWith('/api/') && !PLUGIN_ROUTES.test(route.url)) {
        throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
      }
      route.config = { ...route.config, access: 'public' };
    }
    // The API document tells integrators which right each operation needs.
    const access = route.config.access!;
    if (route.schema && access !== 'public') {
      const needs = access === 'signedIn' ? '任何已登录用户 Any signed-in user' : `需要权限 Right: ${[access].flat().map((r) => `\`${r}\``).join(' / ')}`;
      route.schema = { ...route.schema, description: [route.schema.description, needs].filter(Boolean).join('\n\n') };
    }
    for (const method of [route.method].flat()) declared.push({ method, url: route.url, access: route.config.access!, takesBody: Boolean(route.schema?.body) });
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access ?? 'public';
    // A cross-site form or script may not change anything, signed in or not (e.g. sign-in CSRF).
    if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
      return refuse(request, reply, 'CSRF_REJECTED', { reason: 'origin', origin: request.headers.origin });
    }
    if (access === 'public') return;

    const principal = await identify(db, request);
    if (!principal || principal.status !== 'active') {
      // An attempt to change something without signing in is worth a trace; a page asking
      // "who am I?" before sign-in is not, or the log would fill with nothing.
      if (!SAFE_METHODS.has(request.method)) return refuse(request, reply, 'NOT_SIGNED_IN', { reason: 'not signed in' });
      return reply.status(401).send(apiError('NOT_SIGNED_IN'));
    }
    request.principal = principal;

    if (!principal.ipAllowLists.every((list) => ipInRanges(request.ip, list))) {
      return refuse(request, reply, 'IP_NOT_ALLOWED', { reason: 'ip' });
    }
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method) && !csrfTokenMatches(request, principal)) {
      return refuse(request, reply, 'CSRF_REJECTED', { reason: 'csrf token' });
    }
    if (access !== 'signedIn' && ![access].flat().some((right) => principal.rights.has(right))) {
      return refuse(request, reply, 'FORBIDDEN', { reason: 'right', right: access });
    }
  });

  async function refuse(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, summary: Record<string, unknown>) {
    await writeAudit(db, actorOf(request), {
      action: 'request.denied',
      objectType: 'route',
      objectId: `${request.method} ${request.routeOptions.url ?? request.url}`,
      summary: { code, ...summary },
      outcome: 'denied',
    });
    return reply.status(code === 'NOT_SIGNED_IN' ? 401 : 403).send(apiError(code));
  }
});

async function identify(db: Db, request: FastifyRequest): Promise<Principal | undefined> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const token = await findApiToken(db, authorization.slice(7).trim());
    if (!token) return undefined;
    // "Last used" to the minute is enough, and spares a write on every call of a busy integration.
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, token.id));
    }
    return loadPrincipal(db, token.userId, 'token');
  }
  const secret = request.cookies[SESSION_COOKIE];
  if (!secret) return undefined;
  const session = await findSession(db, secret);
  if (!session) return undefined;
  const principal = await loadPrincipal(db, session.userId, 'session');
  return principal && { ...principal, sessionId: session.id, csrfToken: session.csrfToken };
}

function csrfTokenMatches(request: FastifyRequest, principal: Principal): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !principal.csrfToken) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(principal.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A browser names the page's origin on every unsafe request; it must be this server. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser, or a same-origin navigation in an old browser: the CSRF token still applies
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}
