/**
 * 班长监控 in Chromium on the running product, with real phones: the team leader signs in on their
 * own extension on the 话务台, opens the console, sees agent1 take a call live, listens in (the
 * leader's phone is called and joins), sees a help request pop, and forces agent1 not ready.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { CONTEXT_OPTIONS, signInThroughPage, useBrowser } from './browser';
import { exited, signInOver, startServerProcess, type ServerProcess } from './server-process';
import { startAgentPhone, type AgentPhone } from './support/agent-phone';
import { ADMIN_PASSWORD, STAFF_PASSWORD, hasSipPeers } from './support/hotline-test';
import { startHotlineCall } from './support/sipp-caller';

const chromium = useBrowser();
const SOON = { timeout: 15_000, interval: 200 };

describe.skipIf(!hasSipPeers)('班长监控 with a live call', () => {
  let dataDir: string;
  let server: ServerProcess;
  let leaderContext: BrowserContext;
  const phones: AgentPhone[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rexian-supervisor-'));
    server = await startServerProcess({
      REXIAN_DATA_DIR: dataDir, REXIAN_ADMIN_PASSWORD: ADMIN_PASSWORD, REXIAN_DEMO_PASSWORD: STAFF_PASSWORD, REXIAN_WEB_DIR: chromium.webDir, REXIAN_SIP_DIGEST_ALGORITHMS: 'MD5',
    });
    leaderContext = await chromium.browser.newContext(CONTEXT_OPTIONS);
  }, 90_000);
  afterAll(async () => {
    for (const phone of phones) await phone.stop();
    await leaderContext?.close();
    if (server) {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows agent1 taking a call live, listens in through the leader\'s phone, pops a help request, forces not ready', async () => {
    const agentPhone = await startAgentPhone({ extension: '1001', password: 'rexian1001', sipPort: server.sipPort!, answer: 'auto', speak: { toneHz: 1000 } });
    const leaderPhone = await startAgentPhone({ extension: '1000', password: 'rexian1000', sipPort: server.sipPort!, answer: 'auto' });
    phones.push(agentPhone, leaderPhone);
    await Promise.all([agentPhone.waitRegistered(10_000), leaderPhone.waitRegistered(10_000)]);
    const agent = await signInOver(server.baseUrl, 'agent1', STAFF_PASSWORD);
    const cti = async (command: object) => (await fetch(`${server.baseUrl}api/cti/commands`, { method: 'POST', headers: agent, body: JSON.stringify(command) })).json();
    expect(await cti({ command: 'agent.login', extension: '1001', ready: true })).toMatchObject({ ok: true });

    const baseUrl = server.baseUrl.replace(/\/$/, '');
    const page = await leaderContext.newPage();
    await signInThroughPage(page, baseUrl, 'leader', STAFF_PASSWORD);
    // The leader signs in on their own phone first (not ready: they take no queue calls).
    await page.locator('[data-menu="agent"]').click();
    const signIn = page.getByRole('button', { name: '签入' });
    await expect.poll(() => signIn.isEnabled(), SOON).toBe(true);
    await signIn.click();
    await expect.poll(() => page.getByTestId('agent-state').innerText(), SOON).toContain('忙碌');

    await page.locator('[data-menu="supervisor"]').click();
    const grid = page.getByTestId('agents-grid');
    const agentRow = grid.getByRole('row', { name: /1001/ });
    await expect.poll(() => agentRow.innerText(), SOON).toContain('空闲');

    const call = await startHotlineCall({ sipPort: server.sipPort!, callerNumber: '13955557777', steps: [{ wait: 1500 }, { digits: '3' }, { wait: 12_000 }], ending: { by: 'caller' } });
    await expect.poll(() => agentRow.innerText(), SOON).toContain('通话中');
    expect(await agentRow.innerText()).toContain('13955557777');

    await agentRow.getByRole('button', { name: '监听' }).click();
    await leaderPhone.waitForCall('established', 15_000);
    await expect.poll(() => agentRow.getByRole('button', { name: '结束监控' }).count(), SOON).toBe(1);

    expect(await cti({ command: 'agent.help', message: '客户情绪激动' })).toMatchObject({ ok: true });
    await expect.poll(() => page.locator('.ant-notification').innerText(), SOON).toContain('客户情绪激动');

    expect((await call.done).succeeded).toBe(true);
    await expect.poll(async () => (await leaderPhone.calls()).filter((c) => c.state === 'established').length, SOON).toBe(0);
    await expect.poll(() => agentRow.innerText(), SOON).toMatch(/话后处理|空闲/);
    await agentRow.getByRole('button', { name: '强制置忙' }).click();
    await expect.poll(() => agentRow.innerText(), SOON).toContain('忙碌');
  }, 120_000);
});
