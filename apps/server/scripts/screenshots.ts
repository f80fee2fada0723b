/**
 * Takes the README's screenshots of the main pages (docs/screenshots/*.png) from a fresh demo
 * organisation: `npm run screenshots -w apps/server`. Needs Debian's chromium and fonts-wqy-microhei.
 */
import { resolve } from 'node:path';
import { buildWeb, launchChromium, signInThroughPage, startWebServer } from '../test/browser';
import { ADMIN_PASSWORD } from '../test/test-app';

const OUT = resolve(import.meta.dirname, '../../../docs/screenshots');
const PAGES: [string, string][] = [
  ['home', '/'],
  ['users', '/users'],
  ['roles', '/roles'],
  ['calendar', '/calendar'],
  ['audit', '/audit'],
];

const web = buildWeb();
const server = await startWebServer('pglite', web.dir);
const browser = await launchChromium();
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
  await browser.close();
  await server.close();
  web.dispose();
}
