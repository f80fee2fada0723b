import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { Department, DepartmentInput, IdParams, Ok } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { departments, users } from '../../db/schema';
import { AppError } from '../../http/app-error';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';

export const departmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['departments'];

  app.get('/', {
    config: { access: 'departments.view' },
    schema: { tags, summary: '部门列表（树的扁平形式）List departments', response: { 200: z.array(Department) } },
  }, async () => listDepartments(db));

  app.post('/', {
    config: { access: 'departments.manage' },
    schema: { tags, summary: '新建部门 Create a department', body: DepartmentInput, response: { 200: Department } },
  }, async (request) => {
    const input = request.body;
    return db.transaction(async (tx) => {
      if (input.parentId) await mustFind(tx, input.parentId);
      const [row] = await tx.insert(departments).values({ ...input, code: input.code ?? null }).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'department.create', objectType: 'department', objectId: row!.id, summary: changeSummary(undefined, row),
      });
      return { ...row!, userCount: 0 };
    });
  });

  app.put('/:id', {
    config: { access: 'departments.manage' },
    schema: { tags, summary: '修改部门 Update a department', params: IdParams, body: DepartmentInput, response: { 200: Department } },
  }, async (request) => {
    const { id } = request.params;
    const input = request.body;
    return db.transaction(async (tx) => {
      const before = await mustFind(tx, id);
      if (input.parentId) await assertNotBelow(tx, input.parentId, id);
      const [row] = await tx.update(departments).set({ ...input, code: input.code ?? null }).where(eq(departments.id, id)).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'department.update', objectType: 'department', objectId: id, summary: changeSummary(before, row),
      });
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(users).where(eq(users.departmentId, id));
      return { ...row!, userCount: n };
    });
  });

  app.delete('/:id', {
    config: { access: 'departments.manage' },
    schema: { tags, summary: '删除部门 Delete a department', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    return db.transaction(async (tx) => {
      const before = await mustFind(tx, id);
      const [{ children } = { children: 0 }] = await tx.select({ children: count() }).from(departments).where(eq(departments.parentId, id));
      const [{ members } = { members: 0 }] = await tx.select({ members: count() }).from(users).where(eq(users.departmentId, id));
      if (children > 0 || members > 0) throw new AppError('DEPARTMENT_NOT_EMPTY');
      await tx.delete(departments).where(eq(departments.id, id));
      await writeAudit(tx, actorOf(request), {
        action: 'department.delete', objectType: 'department', objectId: id, summary: changeSummary(before, undefined),
      });
      return { ok: true as const };
    });
  });
};

export async function listDepartments(db: Db): Promise<Department[]> {
  const rows = await db.select().from(departments).orderBy(asc(departments.sort), asc(departments.id));
  const counts = await db.select({ id: users.departmentId, n: count() }).from(users).groupBy(users.departmentId);
  const byId = new Map(counts.map((c) => [c.id, c.n]));
  return rows.map((d) => ({ id: d.id, parentId: d.parentId, name: d.name, code: d.code, sort: d.sort, userCount: byId.get(d.id) ?? 0 }));
}

async function mustFind(db: Db, id: number) {
  const [row] = await db.select().from(departments).where(eq(departments.id, id));
  if (!row) throw new AppError('DEPARTMENT_NOT_FOUND');
  return row;
}

/** Moving a department under one of its own descendants would cut the branch off the tree. */
async function assertNotBelow(db: Db, newParentId: number, id: number): Promise<void> {
  const all = await db.select({ id: departments.id, parentId: departments.parentId }).from(departments);
  const parentOf = new Map(all.map((d) => [d.id, d.parentId]));
  if (!parentOf.has(newParentId)) throw new AppError('DEPARTMENT_NOT_FOUND', [{ field: 'parentId', message: '上级部门不存在' }]);
  for (let at: number | null | undefined = newParentId, steps = 0; at && steps <= all.length; at = parentOf.get(at), steps++) {
    if (at === id) throw new AppError('DEPARTMENT_CYCLE', [{ field: 'parentId', message: '不能移到自己的下级' }]);
  }
}
