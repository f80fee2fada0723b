/**
 * What a browser test needs: the web app built fresh, a Rexian server over a test database serving
 * it on a free loopback port, and Debian's Chromium driven by playwright-core.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { SESSION_COOKIE } from '@rexian/contracts';
import type { FastifyInstance } from 'fastify';
import { build } from '../src/app';
import { loadConfig } from '../src/config';
import { seedDemoOrganisation } from '../src/db/demo-organisation';
import { MediaEngine } from '@rexian/media';
import { startSwitchService } from '../src/modules/switch/switch-service';
import pino from 'pino';
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './databases';
import { ADMIN_PASSWORD, STAFF_PASSWORD } from './test-app';

const WEB_ROOT = resolve(import.meta.dirname, '../../web');
const CHROMIUM = '/usr/bin/chromium';

/** Builds the web app into a new temporary folder, so the test never sees a stale build. */
export function buildWeb(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'rexian-web-'));
  execFileSync(process.execPath, [resolve(WEB_ROOT, '../../node_modules/vite/bin/vite.js'), 'build', WEB_ROOT, '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], {
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would bundle development React and antd's test mode:
    // the browser tests must see the production build that users get.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface WebServer {
  baseUrl: string;
  /** The SIP port, when started `withSip`. */
  sipPort?: number;
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * `withSip` also starts the media engine and the call switch with its SIP server (free port on
 * 127.0.0.1, MD5 digest for baresip 1.0), as `npm start` does.
 */
export async function startWebServer(kind: DatabaseKind, webDir: string, { withSip = false } = {}): Promise<WebServer> {
  const database = await openTestDatabase(kind);
  await seedDemoOrganisation(database.db, { admin: ADMIN_PASSWORD, staff: STAFF_PASSWORD });
  const dataDir = mkdtempSync(join(tmpdir(), 'rexian-web-data-'));
  const config = loadConfig({
    REXIAN_WEB_DIR: webDir, REXIAN_SIP_PORT: '0', REXIAN_SIP_HOST: '127.0.0.1', REXIAN_SIP_DIGEST_ALGORITHMS: 'MD5', REXIAN_DATA_DIR: dataDir,
  });
  let baseUrl = '';
  const media = withSip ? await MediaEngine.start({ workers: 1, address: '127.0.0.1', portRange: { min: 31000, max: 31998 }, ttsCacheDir: join(dataDir, 'tts-cache') }) : undefined;
  const telephony = media ? await startSwitchService({ db: database.db, config, logger: pino({ level: 'silent' }), media, serverUrl: () => baseUrl }) : undefined;
  const app = await build({ database, config, ...(telephony ? { telephony: telephony.sip.status, switchboard: telephony.status } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    ...(telephony ? { sipPort: telephony.sip.address.port } : {}),
    app,
    database,
    close: async () => {
      await app.close();
      await telephony?.close();
      await media?.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei (.ci/run does this)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Signs in through the sign-in page, as a person does, and waits for the signed-in layout. */
export async function signInThroughPage(page: Page, baseUrl: string, account: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('current-user').waitFor();
}

/**
 * For a browser test file: builds the web app and launches Chromium once for the file, and cleans
 * both up after it. Read `.browser` and `.webDir` inside tests and hooks.
 */
export function useBrowser(): { readonly browser: Browser; readonly webDir: string } {
  let web: { dir: string; dispose(): void } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    web = buildWeb();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    web?.dispose();
  });
  return {
    get browser() {
      return browser!;
    },
    get webDir() {
      return web!.dir;
    },
  };
}

/** Browser contexts of the tests: Chinese, Shanghai time. */
export const CONTEXT_OPTIONS = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;

/**
 * For a describe block: a server over `kind` and one administrator signed in through the sign-in
 * page for all its tests (each test opens its own tab in `admin`); `adminGet` reads the API as them.
 */
export function useAdminSession(browser: { readonly browser: Browser; readonly webDir: string }, kind: DatabaseKind) {
  let server: WebServer | undefined;
  let admin: BrowserContext | undefined;
  let cookie = '';
  beforeAll(async () => {
    server = await startWebServer(kind, browser.webDir);
    admin = await browser.browser.newContext(CONTEXT_OPTIONS);
    const page = await admin.newPage();
    await signInThroughPage(page, server.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.close();
    cookie = (await admin.cookies()).find((c) => c.name === SESSION_COOKIE)!.value;
  });
  afterAll(async () => {
    await admin?.close();
    await server?.close();
  });
  return {
    get server(): WebServer {
      return server!;
    },
    get admin(): BrowserContext {
      return admin!;
    },
    /** A GET as the signed-in administrator, straight to the server. */
    async adminGet<T>(url: string): Promise<T> {
      const response = await server!.app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      return response.json() as T;
    },
  };
}
