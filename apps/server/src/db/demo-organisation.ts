/**
 * The demo organisation, created on first start with an empty database so that a newcomer can sign
 * in at once: four departments, an administrator, a team leader, five agents (extensions 1001–1005),
 * two department handlers, roles to match, their phones, a demo trunk, starter reference data, and
 * the demo hotline 8000 (three queues and a published IVR flow).
 */
import { count } from 'drizzle-orm';
import { ALL_RIGHTS, type Right } from '@rexian/contracts';
import type { Db } from './database';
import {
  announcements, departments, dictionaryItems, dictionaryTypes, hotlineRoutes, ivrFlows, ivrFlowVersions, phoneAccounts, queueMembers, queues,
  roles, shifts, specialDays, trunks, userRoles, users, workHours,
} from './schema';
import { hashPassword } from '../modules/auth/passwords';
import { writeAudit } from '../modules/audit/audit-log';
import { phoneCredentials } from '../modules/telephony/phone-credentials';
import { demoHotlineFlow } from '@rexian/switch';

export interface DemoPasswords {
  /** For `admin`. */
  admin: string;
  /** For every other demo account. */
  staff: string;
}

export const DEMO_ACCOUNTS = {
  admin: 'admin',
  leader: 'leader',
  agents: ['agent1', 'agent2', 'agent3', 'agent4', 'agent5'],
  handlers: ['eng1', 'ops1'],
} as const;

/**
 * Demo phones 1000 (team leader) and 1001–1005 (agents) register with these passwords, printed in
 * the README so a newcomer can set up a softphone at once. They are public: change them on the
 * phones page (分机管理) before the SIP port is reachable from outside.
 */
export const DEMO_PHONES = ['1000', '1001', '1002', '1003', '1004', '1005'].map((extension) => ({
  extension, password: `rexian${extension}`,
}));

/** The demo trunk: a carrier on this machine, trusted by address, bringing in hotline 8000. */
export const DEMO_TRUNK = { name: '演示中继', kind: 'peer' as const, addresses: ['127.0.0.1'], inboundNumbers: ['8000'] };

/** Seeds the demo organisation when no user exists yet; returns false when there was one already. */
export async function seedDemoOrganisation(db: Db, passwords: DemoPasswords, sipRealm = 'rexian'): Promise<boolean> {
  const [adminHash, staffHash] = await Promise.all([hashPassword(passwords.admin), hashPassword(passwords.staff)]);
  return db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(users);
    if (n > 0) return false;

    const [centre, engineering, operations] = await tx.insert(departments).values([
      { name: '客服中心', code: 'CSC', sort: 1 },
      { name: '工程部', code: 'ENG', sort: 2 },
      { name: '运维部', code: 'OPS', sort: 3 },
      { name: '营业部', code: 'BIL', sort: 4 },
    ]).returning();

    const view: Right[] = ['departments.view', 'users.view'];
    const [adminRole, leaderRole, agentRole, handlerRole] = await tx.insert(roles).values([
      { name: '系统管理员', description: '全部功能，全部数据', rights: [...ALL_RIGHTS], dataScope: 'all' as const },
      {
        name: '班长', description: '查看本部门人员、话单、录音与审计日志，处理留言，监控坐席，发布公告',
        rights: [
          ...view, 'audit.view', 'announcements.manage', 'calls.view', 'recordings.play', 'voicemail.handle', 'cti.agent', 'cti.supervise',
          'customers.view', 'customers.manage',
        ],
        dataScope: 'department' as const,
      },
      { name: '座席', description: '接听与受理；只看本人数据', rights: ['cti.agent', 'calls.view', 'customers.view', 'customers.manage'], dataScope: 'own' as const },
      { name: '处理部门人员', description: '处理派发到本部门的工单', rights: ['departments.view'], dataScope: 'department' as const },
    ]).returning();

    const person = (account: string, name: string, departmentId: number, extension: string | null, hash: string) =>
      ({ account, name, departmentId, extension, passwordHash: hash });
    const created = await tx.insert(users).values([
      person(DEMO_ACCOUNTS.admin, '系统管理员', centre!.id, null, adminHash),
      person(DEMO_ACCOUNTS.leader, '王班长', centre!.id, '1000', staffHash),
      ...DEMO_ACCOUNTS.agents.map((account, i) =>
        person(account, ['李晓梅', '张伟', '刘洋', '陈静', '杨帆'][i]!, centre!.id, String(1001 + i), staffHash)),
      person('eng1', '赵工程', engineering!.id, null, staffHash),
      person('ops1', '孙运维', operations!.id, null, staffHash),
    ]).returning();
    const roleOf: Record<string, number> = { admin: adminRole!.id, leader: leaderRole!.id, eng1: handlerRole!.id, ops1: handlerRole!.id };
    await tx.insert(userRoles).values(created.map((u) => ({ userId: u.id, roleId: roleOf[u.account] ?? agentRole!.id })));

    await tx.insert(dictionaryTypes).values([
      { code: 'ticket_category', name: '工单分类', description: '来电诉求的业务分类' },
      { code: 'not_ready_reason', name: '示忙原因', description: '座席置忙时选择的原因' },
    ]);
    const items = (type: string, labels: string[]) => labels.map((label, i) => ({ typeCode: type, value: String(i + 1).padStart(2, '0'), label, sort: i }));
    await tx.insert(dictionaryItems).values([
      ...items('ticket_category', ['咨询', '投诉', '报修', '建议', '表扬']),
      ...items('not_ready_reason', ['小休', '就餐', '培训', '会议', '后处理']),
    ]);

    // The demo hotline answers around the clock, so a newcomer reaches an agent whenever they try.
    // A week interval cannot end at 24:00 (ClockTime is HH:MM up to 23:59): 23:59 is the latest.
    const allDay = [{ start: '00:00', end: '23:59' }];
    await tx.insert(workHours).values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: allDay })));
    await tx.insert(specialDays).values([{ date: '2027-01-01', kind: 'holiday' as const, name: '元旦', intervals: [] }]);
    await tx.insert(shifts).values([
      { name: '早班', start: '08:00', end: '16:00', color: '#52c41a' },
      { name: '中班', start: '16:00', end: '00:00', color: '#1677ff' },
      { name: '夜班', start: '00:00', end: '08:00', color: '#722ed1' },
    ]);
    await tx.insert(announcements).values({
      title: '欢迎使用 Rexian 热线',
      body: '这是演示单位。管理员可在“系统管理”中维护部门、用户、角色与权限；所有变更都会记入审计日志。',
      pinned: true,
      authorId: created[0]!.id,
    });
    const byExtension = new Map(created.map((u) => [u.extension, u.name]));
    await tx.insert(phoneAccounts).values(DEMO_PHONES.map(({ extension, password }) => ({
      extension, name: `${byExtension.get(extension) ?? extension}的电话`, ...phoneCredentials(extension, password, sipRealm),
    })));
    await tx.insert(trunks).values(DEMO_TRUNK);
    await seedDemoHotline(tx, created);
    await writeAudit(tx, { userId: null, account: 'system', ip: null }, {
      action: 'system.seed', objectType: 'organisation', summary: { departments: 4, users: created.length, roles: 4, phones: DEMO_PHONES.length, trunks: 1, queues: 3, ivrFlows: 1, routes: 1 },
    });
    return true;
  });
}

/**
 * The demo hotline: queues 账务查询 (agent1, agent2), 故障报修 and 业务咨询 (agent1–agent5), the IVR
 * flow 演示热线 published as version 1, and number 8000 routed to it.
 */
async function seedDemoHotline(db: Db, people: { id: number; account: string }[]): Promise<void> {
  const settings = {
    strategy: 'longest-idle' as const, record: true, maxWaitSec: 120, overflow: 'voicemail' as const, ringTimeoutSec: 20, wrapUpSec: 15,
    announceEverySec: 30, recordAbandoned: true,
  };
  const [billing, fault, consult] = await db.insert(queues).values([
    { name: '账务查询', ...settings }, { name: '故障报修', ...settings }, { name: '业务咨询', ...settings },
  ]).returning();
  const agentIds = DEMO_ACCOUNTS.agents.map((account) => people.find((p) => p.account === account)!.id);
  await db.insert(queueMembers).values([
    ...agentIds.slice(0, 2).map((userId) => ({ queueId: billing!.id, userId })),
    ...agentIds.map((userId) => ({ queueId: fault!.id, userId })),
    ...agentIds.map((userId) => ({ queueId: consult!.id, userId })),
  ]);
  const [flow] = await db.insert(ivrFlows).values({ name: '演示热线', description: '演示单位的热线 8000：账单查询、故障报修、业务咨询', publishedVersion: 1 }).returning();
  const graph = demoHotlineFlow({ queues: { billing: billing!.id, fault: fault!.id, consult: consult!.id } });
  await db.insert(ivrFlowVersions).values({ flowId: flow!.id, version: 1, status: 'published', graph, publishedAt: new Date() });
  await db.insert(hotlineRoutes).values({ number: '8000', flowId: flow!.id, description: '演示热线' });
}
