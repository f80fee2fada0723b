/**
 * The databases every database test runs on: PGlite always, and PostgreSQL too when
 * TEST_DATABASE_URL names a server. Each test gets a fresh database of its own.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database';

export type DatabaseKind = 'pglite' | 'postgres';

export const DATABASE_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  /** A connection string for another process (PostgreSQL only). */
  url?: string;
}

/** A new, empty PostgreSQL database on the TEST_DATABASE_URL server; dropped by `dispose`. */
export async function createPostgresDatabase(): Promise<{ url: string; dispose(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('TEST_DATABASE_URL is not set');
  const name = `rexian_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dispose: () => adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const created = await createPostgresDatabase();
  const database = await openDatabase({ url: created.url, dataDir: '' });
  return {
    ...database,
    url: created.url,
    close: async () => {
      await database.close();
      await created.dispose();
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
