/**
 * HTTP API benchmark: a real server process on the embedded database (PGlite, on disk) and on
 * PostgreSQL, loaded over loopback by autocannon. Bounded: each scenario runs a fixed number of
 * seconds. Writes its section of BENCHMARKS.md.
 *
 *   npm run bench -- http                  # PGlite, and PostgreSQL at 127.0.0.1:5432 when it answers
 *   BENCH_SECONDS=20 npm run bench -- http # longer runs
 */
import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { machineLine, writeBenchmarkSection } from './benchmarks-file';
import autocannon from 'autocannon';
import pg from 'pg';
import { createPostgresDatabase } from '../apps/server/test/databases';
import { signInOver, startServerProcess, exited } from '../apps/server/test/server-process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const POSTGRES = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PASSWORD = 'Bench2026x';

interface Scenario {
  name: string;
  connections: number;
  run(baseUrl: string, headers: Record<string, string>): autocannon.Options;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'GET /api/auth/me (session check + rights)',
    connections: 10,
    run: (url, headers) => ({ url: `${url}api/auth/me`, headers }),
  },
  {
    name: 'GET /api/users?pageSize=20 (scoped list)',
    connections: 10,
    run: (url, headers) => ({ url: `${url}api/users?pageSize=20`, headers }),
  },
  {
    name: 'POST dictionary item (write + audit, one transaction)',
    connections: 10,
    run: (url, headers) => {
      let n = 0;
      return {
        url: `${url}api/dictionary/types/bench/items`,
        method: 'POST',
        headers,
        requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ value: `b${n++}`, label: `压测 ${n}` }) }) }],
      };
    },
  },
  {
    name: 'POST /api/auth/login (scrypt N=2^15)',
    connections: 4,
    run: (url) => ({
      url: `${url}api/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: 'admin', password: PASSWORD }),
    }),
  },
];

interface Row { database: string; scenario: string; rps: number; p50: number; p99: number; errors: number; non2xx: number }

async function benchOne(database: string, env: Record<string, string>): Promise<Row[]> {
  const server = await startServerProcess({ ...env, REXIAN_ADMIN_PASSWORD: PASSWORD, REXIAN_LOG_LEVEL: 'warn' });
  const rows: Row[] = [];
  try {
    const headers = await signInOver(server.baseUrl, 'admin', PASSWORD);
    await fetch(`${server.baseUrl}api/dictionary/types`, { method: 'POST', headers, body: JSON.stringify({ code: 'bench', name: '压测' }) });
    // Each scenario is followed by the lock-out counter staying at zero: only correct passwords are sent.
    for (const scenario of SCENARIOS) {
      const result = await autocannon({ ...scenario.run(server.baseUrl, headers), connections: scenario.connections, duration: SECONDS });
      rows.push({
        database, scenario: scenario.name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
        errors: result.errors, non2xx: result.non2xx,
      });
      process.stdout.write(`${database}  ${scenario.name}: ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms\n`);
    }
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
  return rows;
}

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const rows: Row[] = [];
const dir = mkdtempSync(join(tmpdir(), 'rexian-bench-'));
try {
  rows.push(...(await benchOne('PGlite (embedded, on disk)', { REXIAN_DATA_DIR: dir })));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (await postgresAnswers()) {
  process.env.TEST_DATABASE_URL = POSTGRES;
  const created = await createPostgresDatabase();
  try {
    rows.push(...(await benchOne('PostgreSQL 15 (127.0.0.1)', { DATABASE_URL: created.url })));
  } finally {
    await created.dispose();
  }
}

const table = [
  '| database | scenario | requests/s | p50 ms | p99 ms | errors | non-2xx |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.database} | ${r.scenario} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`),
].join('\n');
writeBenchmarkSection(
  'http',
  `## HTTP API

Command: \`npm run bench -- http\` (bench/http-api.ts): a real server process, loaded over loopback
by autocannon for ${SECONDS} s per scenario, on the embedded database and on PostgreSQL.

${machineLine()}

${table}

Reading the figures: PGlite runs every query in WebAssembly on the server's own thread, one at a
time, so the embedded database is several times slower than a PostgreSQL server, which works in its
own processes; that is enough for a small centre and the reason the README recommends PostgreSQL for
production. Each authenticated request loads the session and the caller's rights (three small
queries) before it does its work. Sign-in is slow on purpose: scrypt with N=2^15 costs 32 MiB and
tens of milliseconds of CPU per attempt, which is what makes stolen hashes expensive to crack.
`,
);
