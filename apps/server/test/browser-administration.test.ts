import { MENU_ENTRIES } from '../../web/src/layout/menu-entries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from './databases';
import { signInThroughPage, startWebServer, useBrowser, type WebServer } from './browser';
import { ADMIN_PASSWORD } from './test-app';

const chromium = useBrowser();


describe.each(DATABASE_KINDS)('administration in the browser (%s)', (kind) => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startWebServer(kind, chromium.webDir);
  });
  afterAll(() => server?.close());

  it('an administrator creates a department, a role and a user; the user sees only the menus the role allows; the audit log lists it all with the IP', async () => {
    const context = await chromium.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    await signInThroughPage(page, server.baseUrl, 'admin', ADMIN_PASSWORD);
    // The administrator holds every right, so every page is in the menu.
    expect(await page.locator('[data-menu]').count()).toBe(MENU_ENTRIES.length);

    // 部门管理: a new department.
    await page.locator('[data-menu="departments"]').click();
    await page.getByRole('button', { name: '新建部门' }).click();
    await page.getByRole('dialog').getByLabel('部门名称').fill('质检部');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('treeitem', { name: /质检部/ }).waitFor();

    // 角色与权限: a role that may read departments and publish announcements, nothing else.
    await page.locator('[data-menu="roles"]').click();
    await page.getByRole('button', { name: '新建角色' }).click();
    const roleDialog = page.getByRole('dialog');
    await roleDialog.getByLabel('角色名称').fill('质检员');
    await roleDialog.getByRole('checkbox', { name: '查看部门' }).check();
    await roleDialog.getByRole('checkbox', { name: '发布公告' }).check();
    await roleDialog.getByRole('button', { name: '确定' }).click();
    await page.getByRole('row', { name: /质检员/ }).waitFor();

    // 用户管理: a user in the new department with the new role.
    await page.locator('[data-menu="users"]').click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const userDialog = page.getByRole('dialog');
    await userDialog.getByLabel('账号').fill('qc01');
    await userDialog.getByLabel('姓名').fill('周质检');
    await userDialog.getByLabel('初始密码').fill('Quality2026');
    await userDialog.getByLabel('部门').click();
    await page.locator('.ant-select-tree').getByTitle('质检部').click();
    await userDialog.getByLabel('角色').click();
    await page.getByTitle('质检员').click();
    await userDialog.getByLabel('姓名').click();
    await userDialog.getByRole('button', { name: '确定' }).click();
    await page.getByRole('row', { name: /qc01/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /qc01/ }).innerText()).toContain('质检员');
    expect(await page.getByRole('row', { name: /qc01/ }).innerText()).toContain('质检部');

    // The new user sees home, departments and announcements: what the role allows, no more.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('账号').waitFor();
    await signInThroughPage(page, server.baseUrl, 'qc01', 'Quality2026');
    const menus = await page.locator('[data-menu]').evaluateAll((items) => items.map((i) => i.getAttribute('data-menu')));
    expect(menus.sort()).toEqual(['announcements', 'departments', 'home']);
    await page.goto(`${server.baseUrl}/users`);
    await page.getByText('403').first().waitFor();

    // Back as the administrator: the audit log shows the three changes, made from 127.0.0.1.
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('button', { name: '退出登录' }).click();
    await signInThroughPage(page, server.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.locator('[data-menu="audit"]').click();
    const rows = page.getByTestId('audit-table').locator('tbody tr[data-row-key]');
    await rows.first().waitFor();
    const text = (await rows.allInnerTexts()).join('\n');
    for (const action of ['department.create', 'role.create', 'user.create']) {
      const row = (await rows.allInnerTexts()).find((r) => r.includes(action));
      expect(row, action).toBeDefined();
      expect(row).toContain('admin');
      expect(row).toContain('127.0.0.1');
    }
    expect(text).toContain('auth.login');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a wrong password and then the lock-out on the sign-in page, in Chinese', async () => {
    const context = await chromium.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('账号').fill('agent5');
      await page.getByLabel('密码').fill(`wrong-${i}`);
      await page.getByRole('button', { name: '登录' }).click();
      await expect.poll(() => page.getByTestId('login-error').innerText().catch(() => '')).toMatch(i < 4 ? /账号或密码错误/ : /已锁定/);
    }
    await context.close();
  });
});
