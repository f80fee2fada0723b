/**
 * 大屏 in Chromium: today's figures from the call records with the hourly chart; the administrator
 * sets an abandonment threshold on the page and the figure beyond it turns red with an alarm.
 */
import { describe, expect, it } from 'vitest';
import { DatabaseSwitchStore } from '../src/modules/switch/switch-store';
import { DATABASE_KINDS } from './databases';
import { useAdminSession, useBrowser } from './browser';

const chromium = useBrowser();
const SOON = { timeout: 10_000, interval: 100 };

describe.each(DATABASE_KINDS)('大屏 in the browser (%s)', (kind) => {
  const session = useAdminSession(chromium, kind);

  it('shows today\'s calls, turns the abandon rate red past its threshold and raises the alarm', async () => {
    const store = new DatabaseSwitchStore(session.server.app.db);
    const now = Date.now();
    for (const [id, outcome] of [['b1', 'answered'], ['b2', 'abandoned'], ['b3', 'abandoned']] as const) {
      await store.callStarted({ id, direction: 'inbound', callerNumber: '13900000000', calledNumber: '8000', trunk: null, startedAt: new Date(now - 2000) });
      await store.callUpdated(id, { outcome, waitMs: 4000, answeredAt: outcome === 'answered' ? new Date(now - 1000) : null, talkMs: outcome === 'answered' ? 30_000 : null, endedAt: new Date(now) });
    }
    const page = await session.admin.newPage();
    await page.goto(`${session.server.baseUrl}/wallboard`);
    await expect.poll(() => page.getByTestId('figure-calls').innerText(), SOON).toContain('3');
    expect(await page.getByTestId('figure-abandonRate').innerText()).toContain('67%');
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: '告警阈值' }).click();
    await page.getByLabel('放弃率高于（%）').fill('20');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => page.locator('.ant-notification').innerText(), SOON).toContain('放弃率高于阈值');
    const colour = await page.getByTestId('figure-abandonRate').locator('.ant-statistic-content').evaluate((e) => getComputedStyle(e).color);
    expect(colour).toBe('rgb(207, 19, 34)');
    await page.close();
  });
});
