/**
 * Takes the README's screenshots of the main pages (docs/screenshots/*.png) from a fresh demo
 * organisation: `npm run screenshots -w apps/server`. Needs Debian's chromium, fonts-wqy-microhei and
 * baresip (a real phone registers, so the phones page shows it online).
 */
import { resolve } from 'node:path';
import { buildWeb, launchChromium, signInThroughPage, startWebServer } from '../test/browser';
import { ADMIN_PASSWORD } from '../test/test-app';
import { DEMO_PHONES } from '../src/db/demo-organisation';
import { startBaresip } from '../../../packages/sip/test/baresip/baresip-phone';

const OUT = resolve(import.meta.dirname, '../../../docs/screenshots');
const PAGES: [string, string][] = [
  ['home', '/'],
  ['users', '/users'],
  ['roles', '/roles'],
  ['calendar', '/calendar'],
  ['audit', '/audit'],
  ['phones', '/phones'],
  ['trunks', '/trunks'],
];

const web = buildWeb();
const server = await startWebServer('pglite', web.dir, { withSip: true });
const browser = await launchChromium();
// A real phone registered as 1001, so the phones page shows one online.
const phone = startBaresip(`<sip:1001@127.0.0.1:${server.sipPort}>;auth_pass=${DEMO_PHONES[1]!.password}`);
try {
  const page = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 760 } });
  await page.goto(`${server.baseUrl}/login`);
  await page.screenshot({ path: `${OUT}/login.png` });
  await signInThroughPage(page, server.baseUrl, 'admin', ADMIN_PASSWORD);
  for (const [name, path] of PAGES) {
    await page.goto(`${server.baseUrl}${path}`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${OUT}/${name}.png` });
    process.stdout.write(`${OUT}/${name}.png\n`);
  }
} finally {
  await phone.stop('SIGTERM');
  await browser.close();
  await server.close();
  web.dispose();
}
