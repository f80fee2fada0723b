/**
 * 客户管理 in Chromium as the hotline's staff use it: a customer with two numbers, an account and a
 * VIP level typed into the form, found again by the account number, opened with its timeline; the
 * agent desktop's one-click link `?new=<number>` opens the form with the number filled in.
 */
import { describe, expect, it } from 'vitest';
import type { Customer } from '@rexian/contracts';
import { DATABASE_KINDS } from './databases';
import { useAdminSession, useBrowser } from './browser';

const chromium = useBrowser();
const SOON = { timeout: 10_000, interval: 100 };

describe.each(DATABASE_KINDS)('客户管理 in the browser (%s)', (kind) => {
  const session = useAdminSession(chromium, kind);

  it('creates a customer with two numbers, an account and VIP 2, finds it by the account and opens its record', async () => {
    const page = await session.admin.newPage();
    await page.goto(`${session.server.baseUrl}/customers`);
    await page.getByRole('button', { name: '新建客户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('客户名称').fill('王建华');
    for (const number of ['13811112222', '057187654321']) {
      await dialog.getByRole('button', { name: '添加电话' }).click();
      await dialog.getByLabel('号码').last().fill(number);
    }
    await dialog.getByRole('button', { name: '添加户号' }).click();
    await dialog.getByLabel('户号/表号').fill('330100778899');
    await dialog.getByLabel('VIP 等级（0–3）').fill('2');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByRole('row', { name: /王建华/ }).count(), SOON).toBe(1);

    const saved = (await session.adminGet<{ items: Customer[] }>('/api/customers?q=330100778899')).items;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ vipLevel: 2, phones: [{ number: '13811112222' }, { number: '057187654321' }], accounts: [{ accountNo: '330100778899' }] });

    await page.getByRole('searchbox', { name: '查找客户' }).fill('778899');
    await page.getByRole('searchbox', { name: '查找客户' }).press('Enter');
    await expect.poll(() => page.getByRole('row').count(), SOON).toBe(2);
    await page.getByRole('button', { name: '王建华' }).click();
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.innerText(), SOON).toContain('VIP 2');
    expect(await drawer.innerText()).toContain('暂无接触记录');
    await page.close();
  });

  it('opens the new-customer form with the caller\'s number from the screen pop\'s link', async () => {
    const page = await session.admin.newPage();
    await page.goto(`${session.server.baseUrl}/customers?new=13900001111`);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('号码').inputValue(), SOON).toBe('13900001111');
    await page.close();
  });
});
