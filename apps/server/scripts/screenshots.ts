/**
 * Takes the README's screenshots of the main pages (docs/screenshots/*.png) from a fresh demo
 * organisation: `npm run screenshots -w apps/server`. Needs Debian's chromium, fonts-wqy-microhei,
 * baresip and SIPp: a real phone registers as 1001 and answers a real call through the demo IVR,
 * so the phone, call record and agent pages have something to show.
 */
import { resolve } from 'node:path';
import { buildWeb, launchChromium, signInThroughPage, startWebServer } from '../test/browser';
import { ADMIN_PASSWORD, STAFF_PASSWORD } from '../test/test-app';
import { DEMO_PHONES } from '../src/db/demo-organisation';
import { signInOver } from '../test/server-process';
import { startAgentPhone } from '../test/support/agent-phone';
import { callHotline } from '../test/support/sipp-caller';

const OUT = resolve(import.meta.dirname, '../../../docs/screenshots');
const PAGES: [string, string][] = [
  ['home', '/'],
  ['users', '/users'],
  ['roles', '/roles'],
  ['calendar', '/calendar'],
  ['audit', '/audit'],
  ['phones', '/phones'],
  ['trunks', '/trunks'],
  ['calls', '/calls'],
  ['call-tasks', '/call-tasks'],
  ['queues', '/queues'],
  ['routing', '/routing'],
  ['ivr-flows', '/ivr-flows'],
  ['customers', '/customers'],
  ['supervisor', '/supervisor'],
  ['wallboard', '/wallboard'],
];

const web = buildWeb();
const server = await startWebServer('pglite', web.dir, { withSip: true });
const browser = await launchChromium();
// A real phone registered as 1001 (agent1), answering by itself with a tone as its voice.
const phone = await startAgentPhone({ extension: '1001', password: DEMO_PHONES[1]!.password, sipPort: server.sipPort!, answer: 'auto', speak: { toneHz: 440 } });
try {
  await phone.waitRegistered(10_000);
  const agent = await signInOver(`${server.baseUrl}/`, 'agent1', STAFF_PASSWORD);
  // The caller is a known customer, so the records and the screen pop show a name.
  await fetch(`${server.baseUrl}/api/customers`, {
    method: 'POST', headers: agent,
    body: JSON.stringify({ name: '李秀英', phones: [{ number: '13912345678', label: '手机' }], accounts: [{ accountNo: '20261122', kind: '户号' }], addresses: [{ address: '西湖区文三路 100 号', area: '0571' }], vipLevel: 1, tags: ['老年人'] }),
  });
  await fetch(`${server.baseUrl}/api/cti/commands`, { method: 'POST', headers: agent, body: JSON.stringify({ command: 'agent.login', extension: '1001', ready: true }) });
  // A caller walks the menu: 1 bill inquiry, an account number, 0 for an agent; talks; hangs up.
  await callHotline({
    sipPort: server.sipPort!, callerNumber: '13912345678',
    steps: [{ wait: 2500 }, { digits: '1' }, { wait: 2500 }, { digits: '20261122#' }, { wait: 4000 }, { digits: '0' }, { wait: 3000 }, { audio: 3000 }],
    ending: { by: 'caller' },
  });
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
  // The record of that call, opened: IVR path, keys, variables, legs and the recording player.
  await page.goto(`${server.baseUrl}/calls`);
  await page.getByRole('row').filter({ hasText: '13912345678' }).first().getByRole('button').first().click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT}/call-detail.png` });
  // The agent console 话务台 as agent1 sees it, signed in on 1001.
  const agentPage = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 760 } });
  await signInThroughPage(agentPage, server.baseUrl, 'agent1', STAFF_PASSWORD);
  await agentPage.goto(`${server.baseUrl}/agent`);
  await agentPage.waitForLoadState('networkidle');
  await agentPage.waitForTimeout(800);
  await agentPage.screenshot({ path: `${OUT}/agent.png` });
} finally {
  await phone.stop();
  await browser.close();
  await server.close();
  web.dispose();
}
