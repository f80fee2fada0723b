/**
 * The reference-data and self-service pages driven in Chromium the way the hotline's administrator
 * and staff use them: 数据字典, 工作日历, 班次, 系统参数, 公告, 用户组, API 令牌 and the language switch.
 * Each test checks what the page shows and, through the API, that the change was stored and audited.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { type AuditEntry, type BusinessCalendar, type DictionaryItem, type Me, type Parameter } from '@rexian/contracts';
import { workHours } from '../src/db/schema';
import { DATABASE_KINDS } from './databases';
import { CONTEXT_OPTIONS, signInThroughPage, useAdminSession, useBrowser } from './browser';
import { STAFF_PASSWORD } from './test-app';

const chromium = useBrowser();

/** For expect.poll: what the page shows after a request, given time on a busy machine (vitest's default is 1 s). */
const SOON = { timeout: 15_000, interval: 100 };


/** A new tab whose uncaught script errors are collected in `problems`. */
async function openPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, problems };
}

/** The visible menu keys (`data-menu`) of a signed-in page. */
function menuKeys(page: Page): Promise<(string | null)[]> {
  return page.locator('[data-menu]').evaluateAll((items) => items.map((i) => i.getAttribute('data-menu')));
}

describe.each(DATABASE_KINDS)('reference pages in the browser (%s)', (kind) => {
  const session = useAdminSession(chromium, kind);
  const adminGet = session.adminGet;


  async function audited(action: string): Promise<AuditEntry[]> {
    const page = await adminGet<{ items: AuditEntry[] }>(`/api/audit?action=${encodeURIComponent(action)}&pageSize=100`);
    return page.items.filter((entry) => entry.action === action);
  }

  it('数据字典: an item added to 示忙原因 shows in the table, and switching it off survives a reload', async () => {
    const { page, problems } = await openPage(session.admin);
    await page.goto(`${session.server.baseUrl}/dictionary`);
    await page.locator('[data-dictionary-type="not_ready_reason"]').click();
    await page.getByText('示忙原因（not_ready_reason）', { exact: true }).waitFor();

    await page.getByRole('button', { name: '新建字典项' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('值').fill('06');
    await dialog.getByLabel('显示名称').fill('外呼回访');
    await dialog.getByLabel('排序').fill('6');
    await dialog.getByRole('button', { name: '确定' }).click();
    const row = page.getByRole('row', { name: /外呼回访/ });
    await row.waitFor();
    await expect.poll(() => row.getByRole('switch').getAttribute('aria-checked'), SOON).toBe('true');
    await expect.poll(() => page.locator('[data-dictionary-type="not_ready_reason"]').innerText(), SOON).toContain('· 6');

    await row.getByRole('switch').click();
    await expect.poll(() => row.getByRole('switch').getAttribute('aria-checked'), SOON).toBe('false');
    const stored = () =>
      adminGet<DictionaryItem[]>('/api/dictionary/types/not_ready_reason/items').then((items) => items.find((i) => i.label === '外呼回访'));
    await expect.poll(async () => (await stored())?.enabled, SOON).toBe(false);

    await page.reload();
    await page.locator('[data-dictionary-type="not_ready_reason"]').click();
    await page.getByRole('row', { name: /外呼回访/ }).waitFor();
    expect(await page.getByRole('row', { name: /外呼回访/ }).getByRole('switch').getAttribute('aria-checked')).toBe('false');
    expect(await page.getByRole('row', { name: /小休/ }).getByRole('switch').getAttribute('aria-checked')).toBe('true');

    const item = (await stored())!;
    expect(item).toMatchObject({ value: '06', sort: 6, enabled: false });
    expect((await audited('dictionary.item.create')).map((e) => e.account)).toEqual(['admin']);
    expect(await audited('dictionary.item.update')).toHaveLength(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('工作日历: a holiday and a make-up Saturday are listed, and the check says a moment on that Saturday is in business hours', async () => {
    // The demo week is 7×24 (the demo hotline answers around the clock); this test is about office hours.
    const office = [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }];
    await session.server.app.db.delete(workHours);
    await session.server.app.db.insert(workHours).values([1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: office })));
    const { page, problems } = await openPage(session.admin);
    await page.goto(`${session.server.baseUrl}/calendar`);
    const specialDays = page.locator('.ant-card').filter({ hasText: '特殊日期' }).getByRole('table');
    await specialDays.getByRole('row', { name: /2027-01-01/ }).waitFor();

    async function addSpecialDay(date: string, kind: '节假日' | '调休上班', name: string) {
      await page.getByRole('button', { name: '添加特殊日期' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('日期').fill(date);
      await dialog.getByLabel('日期').press('Tab');
      await dialog.getByRole('radio', { name: kind }).check();
      await dialog.getByLabel('名称', { exact: true }).fill(name);
      await dialog.getByRole('button', { name: '确定' }).click();
      await specialDays.getByRole('row', { name: new RegExp(date) }).waitFor();
      await dialog.waitFor({ state: 'hidden' });
    }
    // Monday 15 March 2027 off, Saturday 13 March worked instead (on Monday's hours).
    await addSpecialDay('2027-03-15', '节假日', '春季检修放假');
    await addSpecialDay('2027-03-13', '调休上班', '春季检修调休');

    const holiday = await specialDays.getByRole('row', { name: /2027-03-15/ }).innerText();
    expect(holiday).toMatch(/节假日[\s\S]*春季检修放假[\s\S]*休息/);
    const workday = await specialDays.getByRole('row', { name: /2027-03-13/ }).innerText();
    expect(workday).toMatch(/调休上班[\s\S]*春季检修调休[\s\S]*同周一/);

    async function check(moment: string): Promise<string> {
      await page.getByLabel('时间点').fill(moment);
      await page.getByLabel('时间点').press('Tab');
      await page.getByRole('button', { name: '检查' }).click();
      const result = page.getByTestId('calendar-check-result');
      await expect.poll(() => result.innerText().catch(() => ''), SOON).toContain(`${moment}:00`);
      return result.innerText();
    }
    expect(await check('2027-03-13 10:00')).toContain('2027-03-13 10:00:00 在工作时间内');
    expect(await check('2027-03-15 10:00')).toContain('2027-03-15 10:00:00 不在工作时间内');
    expect(await check('2027-03-13 12:30')).toContain('不在工作时间内');

    const calendar = await adminGet<BusinessCalendar>('/api/calendar');
    expect(calendar.specialDays.map((d) => `${d.date} ${d.kind}`).sort()).toEqual(['2027-01-01 holiday', '2027-03-13 workday', '2027-03-15 holiday']);
    const set = await audited('calendar.day.set');
    expect(set.map((e) => e.objectId).sort()).toEqual(['2027-03-13', '2027-03-15']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('班次: a night shift from 22:00 to 06:00 is listed as overnight (跨天)', async () => {
    const { page, problems } = await openPage(session.admin);
    await page.goto(`${session.server.baseUrl}/shifts`);
    await page.getByRole('row', { name: /早班/ }).waitFor();
    expect(await page.getByRole('row', { name: /早班/ }).innerText()).not.toContain('跨天');

    await page.getByRole('button', { name: '新建班次' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('班次名称').fill('大夜班');
    await dialog.getByLabel('开始时间').fill('22:00');
    await dialog.getByLabel('开始时间').press('Tab');
    await dialog.getByLabel('结束时间').fill('06:00');
    await dialog.getByLabel('结束时间').press('Tab');
    await dialog.getByRole('button', { name: '确定' }).click();

    const row = page.getByRole('row', { name: /大夜班/ });
    await row.waitFor();
    await expect.poll(() => row.innerText(), SOON).toMatch(/22:00–06:00\s*跨天/);
    const shifts = await adminGet<{ name: string; start: string; end: string; overnight: boolean }[]>('/api/shifts');
    expect(shifts.find((s) => s.name === '大夜班')).toMatchObject({ start: '22:00', end: '06:00', overnight: true });
    expect((await audited('shift.create')).map((e) => e.account)).toEqual(['admin']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('系统参数: a lock-out threshold lowered to 3 is kept after a reload and locks an account on the third wrong password', async () => {
    const { page, problems } = await openPage(session.admin);
    await page.goto(`${session.server.baseUrl}/parameters`);
    const row = page.getByRole('row', { name: /连续登录失败锁定次数/ });
    await row.waitFor();
    expect(await row.getByRole('spinbutton').inputValue()).toBe('5');
    await row.getByRole('spinbutton').fill('3');
    await row.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();

    await page.reload();
    await expect.poll(() => page.getByRole('row', { name: /连续登录失败锁定次数/ }).getByRole('spinbutton').inputValue(), SOON).toBe('3');
    const parameters = await adminGet<Parameter[]>('/api/parameters');
    expect(parameters.find((p) => p.key === 'security.lockoutThreshold')?.value).toBe(3);

    // Three wrong passwords in a row now lock agent3; even the right one is then refused.
    const login = (password: string) =>
      session.server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { account: 'agent3', password } });
    expect((await login('wrong-1')).statusCode).toBe(401);
    expect((await login('wrong-2')).statusCode).toBe(401);
    expect((await login('wrong-3')).statusCode).toBe(423);
    expect((await login(STAFF_PASSWORD)).statusCode).toBe(423);

    expect((await audited('parameter.update')).map((e) => e.objectId)).toEqual(['security.lockoutThreshold']);
    const locks = await audited('user.lock');
    expect(locks.map((e) => e.account)).toEqual(['agent3']);
    expect(locks[0]!.summary).toMatchObject({ reason: '3 failed sign-ins' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('公告: an announcement the administrator publishes is unread for agent1 until opened, then 阅读情况 shows agent1 with the read time', async () => {
    const { page, problems } = await openPage(session.admin);
    await page.goto(`${session.server.baseUrl}/announcements`);
    await page.getByRole('button', { name: '发布公告' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('标题').fill('五一假期排班调整');
    await dialog.getByLabel('内容').fill('5 月 1 日至 5 日每天早班 2 人、中班 2 人，请在周五前确认排班表。');
    await dialog.getByRole('button', { name: '确定' }).click();
    const row = page.getByRole('row', { name: /五一假期排班调整/ });
    await row.waitFor();
    const recipients = 9; // every active user: admin, leader, agent1–5, eng1, ops1
    await expect.poll(() => row.innerText(), SOON).toContain(`0 / ${recipients}`);
    expect(await row.innerText()).toContain('系统管理员');

    // agent1, in a browser of their own, finds it among the unread on the home page and opens it.
    const agentContext = await chromium.browser.newContext(CONTEXT_OPTIONS);
    const agent = await openPage(agentContext);
    await signInThroughPage(agent.page, session.server.baseUrl, 'agent1', STAFF_PASSWORD);
    await agent.page.getByText('未读公告（2）').waitFor();
    const unread = agent.page.getByRole('row', { name: /五一假期排班调整/ });
    await unread.getByRole('button', { name: '五一假期排班调整' }).click();
    await agent.page.getByRole('dialog').getByText('请在周五前确认排班表').waitFor();
    await agent.page.getByRole('dialog').locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await agent.page.getByText('未读公告（1）').waitFor();
    expect(await agent.page.getByRole('row', { name: /五一假期排班调整/ }).count()).toBe(0);
    await agent.page.locator('[data-menu="announcements"]').click();
    const agentRow = agent.page.getByRole('row', { name: /五一假期排班调整/ });
    await agentRow.waitFor();
    expect(await agentRow.innerText()).not.toContain('未读');
    expect(await agent.page.getByRole('row', { name: /欢迎使用 Rexian 热线/ }).innerText()).toContain('未读');
    expect(agent.problems).toEqual([]);
    await agentContext.close();

    // The administrator sees one reader of nine, agent1, with the time they read it.
    await page.reload();
    await expect.poll(() => page.getByRole('row', { name: /五一假期排班调整/ }).innerText(), SOON).toContain(`1 / ${recipients}`);
    await page.getByRole('row', { name: /五一假期排班调整/ }).getByRole('button', { name: '阅读情况' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '阅读情况：五一假期排班调整' });
    const reader = drawer.getByRole('row', { name: /agent1/ });
    await reader.waitFor();
    expect(await reader.innerText()).toMatch(/李晓梅\s+agent1\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(await drawer.locator('.ant-statistic').innerText()).toMatch(new RegExp(`^已读 / 接收人数\\s+1\\s*/ ${recipients}$`));
    expect(await drawer.getByRole('row', { name: /agent2/ }).innerText()).toContain('未读');

    const published = await audited('announcement.publish');
    expect(published.map((e) => e.account)).toEqual(['admin']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('用户组: agent2, made a member of a group holding the 班长 role, sees the 审计日志 menu on signing in', async () => {
    const before = await session.server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { account: 'agent2', password: STAFF_PASSWORD } });
    expect((before.json() as Me).rights).not.toContain('audit.view');

    const { page, problems } = await openPage(session.admin);
    await page.goto(`${session.server.baseUrl}/groups`);
    await page.getByRole('button', { name: '新建用户组' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户组名称').fill('值班班长组');
    // The member picker searches the server as one types: on a busy machine the option list can be
    // replaced under the click, so choose until the picker shows the member as chosen.
    const chosen = dialog.locator('.ant-select-selection-item', { hasText: 'agent2' });
    for (let attempt = 0; attempt < 3 && (await chosen.count()) === 0; attempt++) {
      await dialog.getByLabel('成员', { exact: true }).click();
      await dialog.getByLabel('成员', { exact: true }).fill('agent2');
      await page.locator('.ant-select-dropdown:visible').getByTitle('张伟（agent2）').click();
      await dialog.getByLabel('用户组名称').click();
      await chosen.waitFor({ timeout: 3000 }).catch(() => {});
    }
    expect(await chosen.count()).toBe(1);
    await dialog.getByLabel('角色', { exact: true }).click();
    await page.locator('.ant-select-dropdown').getByTitle('班长', { exact: true }).click();
    await dialog.getByLabel('用户组名称').click();
    await dialog.getByRole('button', { name: '确定' }).click();
    const row = page.getByRole('row', { name: /值班班长组/ });
    await row.waitFor();
    await expect.poll(() => row.innerText(), SOON).toMatch(/值班班长组\s+—\s+1\s+班长/);
    expect((await audited('group.create')).map((e) => e.account)).toEqual(['admin']);
    expect(problems).toEqual([]);
    await page.close();

    const agentContext = await chromium.browser.newContext(CONTEXT_OPTIONS);
    const agent = await openPage(agentContext);
    await signInThroughPage(agent.page, session.server.baseUrl, 'agent2', STAFF_PASSWORD);
    // 座席 and 班长 together: agent work, own and department call records, voicemail, and the 班长 menus.
    expect((await menuKeys(agent.page)).sort()).toEqual(['agent', 'announcements', 'audit', 'callTasks', 'calls', 'customers', 'departments', 'home', 'supervisor', 'users', 'wallboard']);
    await agent.page.locator('[data-menu="audit"]').click();
    await agent.page.getByTestId('audit-table').locator('tbody tr[data-row-key]').first().waitFor();
    expect(await agent.page.getByTestId('audit-table').innerText()).toContain('agent2');
    expect(agent.problems).toEqual([]);
    await agentContext.close();
  });

  it('API 令牌: a new token is shown once as rxt_…, opens the API to an integration, and is refused once revoked', async () => {
    const { page, problems } = await openPage(session.admin);
    await page.goto(`${session.server.baseUrl}/tokens`);
    await page.getByRole('button', { name: '新建令牌' }).click();
    await page.getByRole('dialog').getByLabel('令牌名称').fill('工单系统对接');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    const secretText = page.getByTestId('token-secret');
    await secretText.waitFor();
    const secret = (await secretText.textContent())!.trim();
    expect(secret).toMatch(/^rxt_\S{20,}$/);
    await page.getByRole('button', { name: '我已复制' }).click();
    await secretText.waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: /工单系统对接/ });
    await row.waitFor();
    expect(await row.innerText()).toContain(`${secret.slice(0, 10)}…`);
    expect(await row.innerText()).toContain('永不过期');
    expect(await row.getByRole('cell').nth(3).innerText()).toBe('—'); // 最近使用: never yet

    const departments = () =>
      session.server.app.inject({ method: 'GET', url: '/api/departments', headers: { authorization: `Bearer ${secret}` } });
    const allowed = await departments();
    expect(allowed.statusCode).toBe(200);
    expect((allowed.json() as { name: string }[]).map((d) => d.name)).toContain('客服中心');

    // 最近使用 now shows when the integration called.
    await page.reload();
    await expect.poll(() => page.getByRole('row', { name: /工单系统对接/ }).getByRole('cell').nth(3).innerText(), SOON).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await page.getByRole('row', { name: /工单系统对接/ }).getByRole('button', { name: '吊销' }).click();
    await page.getByRole('dialog').filter({ hasText: '吊销令牌“工单系统对接”？' }).getByRole('button', { name: '确定' }).click();
    await page.getByRole('row', { name: /工单系统对接/ }).waitFor({ state: 'detached' });

    expect((await departments()).statusCode).toBe(401);
    expect((await audited('token.create')).map((e) => e.account)).toEqual(['admin']);
    expect((await audited('token.revoke')).map((e) => e.account)).toEqual(['admin']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switching the language to English relabels the menu, is remembered on reload, and 中文 switches it back', async () => {
    // A browser of its own (the language is remembered per browser), signed in as the administrator.
    const context = await chromium.browser.newContext({ ...CONTEXT_OPTIONS, storageState: await session.admin.storageState() });
    const { page, problems } = await openPage(context);
    await page.goto(session.server.baseUrl);
    const label = (key: string) => page.locator(`[data-menu="${key}"]`).innerText();
    expect(await label('dictionary')).toBe('数据字典');

    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => label('dictionary'), SOON).toBe('Data dictionary');
    expect(await label('home')).toBe('Home');
    expect(await label('audit')).toBe('Audit log');
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);

    await page.reload();
    await expect.poll(() => label('calendar'), SOON).toBe('Business calendar');

    await page.getByText('中文', { exact: true }).click();
    await expect.poll(() => label('dictionary'), SOON).toBe('数据字典');
    expect(await label('calendar')).toBe('工作日历');
    expect(await page.getByRole('button', { name: '退出登录' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
