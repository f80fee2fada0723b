/**
 * Settings come from environment variables, then an optional JSON file (`REXIAN_CONFIG`, default
 * `./rexian.config.json` when present), then defaults. Every setting is listed in the README.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const Port = z.coerce.number().int().min(0).max(65535);
/** `true`/`false`/`1`/`0` from the environment, or a boolean from the config file (z.coerce.boolean would read "false" as true). */
const Flag = z.preprocess((v) => (typeof v === 'string' && /^(true|false|1|0)$/i.test(v) ? /^(true|1)$/i.test(v) : v), z.boolean());

const ConfigSchema = z.object({
  httpPort: Port.default(8080),
  httpHost: z.string().default('0.0.0.0'),
  sipPort: Port.default(5060),
  sipHost: z.string().default('0.0.0.0'),
  /** The digest realm phones authenticate in; changing it means setting every phone's password again. */
  sipRealm: z.string().min(1).default('rexian'),
  /**
   * Digest algorithms the SIP server challenges phones with, preferred first. RFC 8760 asks for
   * SHA-256 and MD5; some phones (baresip 1.0, older firmware) fail on any SHA-256 challenge: `MD5`.
   */
  sipDigestAlgorithms: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((a) => a.trim()).filter(Boolean) : v),
    z.array(z.enum(['SHA-256', 'MD5'])).min(1),
  ).default(['SHA-256', 'MD5']),
  /** The address written in SDP for RTP (the one phones and trunks send audio to). */
  mediaAddress: z.string().default('127.0.0.1'),
  /** RTP ports, as `first-last`; each call takes an even/odd pair. */
  rtpPorts: z.string().regex(/^\d{1,5}-\d{1,5}$/, 'first-last, e.g. 20000-30000').default('20000-30000'),
  /** Seconds without RTP from a caller before the call is taken for gone (0: never). */
  rtpTimeoutSec: z.coerce.number().int().min(0).max(3600).default(60),
  /** Start the SIP server with `npm start` (UDP and TCP on sipPort). */
  sipEnabled: Flag.default(true),
  dataDir: z.string().default('./data'),
  databaseUrl: z.string().optional(),
  adminPassword: z.string().min(8).optional(),
  /** Proxies whose X-Forwarded-For is believed (Fastify `trustProxy`); off by default. */
  trustProxy: z.union([Flag, z.string()]).default(false),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Mark the session cookie Secure (serve over HTTPS, or behind a TLS proxy). */
  secureCookies: Flag.default(false),
  /** Where the built web app lives; the server serves it at `/`. */
  webDir: z.string().default(resolve(import.meta.dirname, '../../web/dist')),
});

export type Config = z.infer<typeof ConfigSchema>;

const ENV_NAMES: Record<string, keyof Config> = {
  REXIAN_HTTP_PORT: 'httpPort',
  REXIAN_HTTP_HOST: 'httpHost',
  REXIAN_SIP_PORT: 'sipPort',
  REXIAN_SIP_HOST: 'sipHost',
  REXIAN_SIP_REALM: 'sipRealm',
  REXIAN_SIP: 'sipEnabled',
  REXIAN_MEDIA_ADDRESS: 'mediaAddress',
  REXIAN_RTP_PORTS: 'rtpPorts',
  REXIAN_RTP_TIMEOUT: 'rtpTimeoutSec',
  REXIAN_SIP_DIGEST_ALGORITHMS: 'sipDigestAlgorithms',
  REXIAN_DATA_DIR: 'dataDir',
  DATABASE_URL: 'databaseUrl',
  REXIAN_ADMIN_PASSWORD: 'adminPassword',
  REXIAN_TRUST_PROXY: 'trustProxy',
  REXIAN_LOG_LEVEL: 'logLevel',
  REXIAN_SECURE_COOKIES: 'secureCookies',
  REXIAN_WEB_DIR: 'webDir',
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const file = env.REXIAN_CONFIG ?? 'rexian.config.json';
  const fromFile: Record<string, unknown> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const parsed = ConfigSchema.safeParse({ ...fromFile, ...fromEnv });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

