/**
 * A Rexian app over a fresh database with the demo organisation, driven through `app.inject()`,
 * with helpers that sign in as a person would and send requests with their cookie and CSRF token.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE, type Me } from '@rexian/contracts';
import { build, type BuildOptions } from '../src/app';
import { loadConfig } from '../src/config';
import { seedDemoOrganisation } from '../src/db/demo-organisation';
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './databases';

export const ADMIN_PASSWORD = 'Admin12345';
export const STAFF_PASSWORD = 'Staff12345';

export interface Session {
  me: Me;
  cookie: string;
  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  signIn(account: string, password?: string, remoteAddress?: string): Promise<Session>;
  close(): Promise<void>;
}

/** `options`: what else to give `build()`, e.g. a fake switchboard. */
export async function startTestApp(kind: DatabaseKind, options: Omit<BuildOptions, 'database' | 'config'> = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  await seedDemoOrganisation(database.db, { admin: ADMIN_PASSWORD, staff: STAFF_PASSWORD });
  const app = await build({ database, config: loadConfig({ REXIAN_WEB_DIR: '/nonexistent' }), ...options });
  await app.ready();

  async function signIn(account: string, password?: string, remoteAddress = '127.0.0.1'): Promise<Session> {
    const response = await app.inject({
      method: 'POST', url: '/api/auth/login', remoteAddress,
      payload: { account, password: password ?? (account === 'admin' ? ADMIN_PASSWORD : STAFF_PASSWORD) },
    });
    if (response.statusCode !== 200) throw new Error(`sign-in as ${account} failed: ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const me = response.json() as Me;
    return {
      me,
      cookie,
      request: ({ csrf = true, headers, ...options }) =>
        app.inject({
          remoteAddress,
          ...options,
          headers: { ...headers, cookie: `${SESSION_COOKIE}=${cookie}`, ...(csrf ? { [CSRF_HEADER]: me.csrfToken } : {}) },
        }),
    };
  }

  return {
    app,
    database,
    signIn,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
