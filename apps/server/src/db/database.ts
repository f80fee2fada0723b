/**
 * Opens the database: embedded PGlite in the data directory by default, or the PostgreSQL server
 * named by DATABASE_URL. Both are driven through Drizzle from one schema, and migrations run at
 * start-up in a transaction.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { lockDataDir } from './data-dir-lock';

export type Schema = typeof schema;
/** A database or a transaction: both PGlite's and node-postgres's Drizzle instances are one. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for the log (never includes a password). */
  location: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…`; when absent the embedded PGlite is used. */
  url?: string;
  /** The PGlite directory; `memory://` keeps it in memory (tests). */
  dataDir: string;
}

const MIGRATIONS = resolve(import.meta.dirname, '../../drizzle');

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's network error must not end the process; the next query reports it.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  try {
    await migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS });
  } catch (error) {
    await pool.end();
    throw error;
  }
  const where = new URL(url);
  return {
    db,
    kind: 'postgres',
    location: `postgres://${where.host}${where.pathname}`,
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === 'memory://';
  let lock: { release(): void } | undefined;
  let dir = dataDir;
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
    dir = join(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  try {
    const client = await PGlite.create(inMemory ? undefined : dir);
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS });
    return {
      db,
      kind: 'pglite',
      location: inMemory ? 'memory' : resolve(dir),
      close: async () => {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
