import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { Announcement, AnnouncementInput, AnnouncementReader, IdParams, Ok } from '@rexian/contracts';
import type { Db } from '../../db/database';
import { announcementReads, announcements, users } from '../../db/schema';
import { AppError } from '../../http/app-error';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';

/** Announcements 公告 to every active user, with read receipts. */
export const announcementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['announcements'];

  app.get('/', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '公告列表 List announcements', response: { 200: z.array(Announcement) } },
  }, async (request) => listAnnouncements(db, request.principal!.userId));

  app.post('/', {
    config: { access: 'announcements.manage' },
    schema: { tags, summary: '发布公告 Publish an announcement', body: AnnouncementInput, response: { 200: Announcement } },
  }, async (request) => {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx.insert(announcements).values({ ...request.body, authorId: request.principal!.userId }).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'announcement.publish', objectType: 'announcement', objectId: row!.id,
        summary: changeSummary(undefined, { title: row!.title, pinned: row!.pinned }),
      });
      return row!.id;
    });
    return mustFindFor(db, id, request.principal!.userId);
  });

  app.put('/:id', {
    config: { access: 'announcements.manage' },
    schema: { tags, summary: '修改公告 Edit an announcement', params: IdParams, body: AnnouncementInput, response: { 200: Announcement } },
  }, async (request) => {
    const { id } = request.params;
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(announcements).where(eq(announcements.id, id));
      if (!before) throw new AppError('ANNOUNCEMENT_NOT_FOUND');
      const [row] = await tx.update(announcements).set({ ...request.body, updatedAt: new Date() }).where(eq(announcements.id, id)).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'announcement.update', objectType: 'announcement', objectId: id,
        summary: changeSummary({ title: before.title, body: before.body, pinned: before.pinned }, { title: row!.title, body: row!.body, pinned: row!.pinned }),
      });
    });
    return mustFindFor(db, id, request.principal!.userId);
  });

  app.delete('/:id', {
    config: { access: 'announcements.manage' },
    schema: { tags, summary: '删除公告 Delete an announcement', params: IdParams, response: { 200: Ok } },
  }, async (request) => db.transaction(async (tx) => {
    const { id } = request.params;
    const [before] = await tx.delete(announcements).where(eq(announcements.id, id)).returning();
    if (!before) throw new AppError('ANNOUNCEMENT_NOT_FOUND');
    await writeAudit(tx, actorOf(request), {
      action: 'announcement.delete', objectType: 'announcement', objectId: id, summary: { before: { title: before.title } },
    });
    return { ok: true as const };
  }));

  app.post('/:id/read', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '标记已读 Mark as read', params: IdParams, response: { 200: Ok } },
  }, async (request) => {
    const { id } = request.params;
    const [exists] = await db.select({ id: announcements.id }).from(announcements).where(eq(announcements.id, id));
    if (!exists) throw new AppError('ANNOUNCEMENT_NOT_FOUND');
    // Reading twice keeps the first read time: a receipt records when it was first seen.
    await db.insert(announcementReads).values({ announcementId: id, userId: request.principal!.userId }).onConflictDoNothing();
    return { ok: true as const };
  });

  app.get('/:id/readers', {
    config: { access: 'announcements.manage' },
    schema: { tags, summary: '阅读情况 Who has read it', params: IdParams, response: { 200: z.array(AnnouncementReader) } },
  }, async (request) => {
    const { id } = request.params;
    await mustFindFor(db, id, request.principal!.userId);
    const rows = await db
      .select({ userId: users.id, account: users.account, name: users.name, readAt: announcementReads.readAt })
      .from(users)
      .leftJoin(announcementReads, and(eq(announcementReads.userId, users.id), eq(announcementReads.announcementId, id)))
      .where(eq(users.status, 'active'))
      .orderBy(asc(announcementReads.readAt), asc(users.account));
    return rows.map((r) => ({ ...r, readAt: r.readAt?.toISOString() ?? null }));
  });
};

async function listAnnouncements(db: Db, userId: number, onlyId?: number): Promise<Announcement[]> {
  const rows = await db
    .select({ a: announcements, authorName: users.name })
    .from(announcements)
    .leftJoin(users, eq(users.id, announcements.authorId))
    .where(onlyId ? eq(announcements.id, onlyId) : undefined)
    .orderBy(desc(announcements.pinned), desc(announcements.publishedAt), desc(announcements.id));
  const reads = await db.select({ id: announcementReads.announcementId, n: count() }).from(announcementReads).groupBy(announcementReads.announcementId);
  const mine = await db.select({ id: announcementReads.announcementId }).from(announcementReads).where(eq(announcementReads.userId, userId));
  const [{ recipients } = { recipients: 0 }] = await db.select({ recipients: count() }).from(users).where(eq(users.status, 'active'));
  const readCount = new Map(reads.map((r) => [r.id, r.n]));
  const readByMe = new Set(mine.map((m) => m.id));
  return rows.map(({ a, authorName }) => ({
    id: a.id, title: a.title, body: a.body, pinned: a.pinned, authorName, publishedAt: a.publishedAt.toISOString(),
    readByMe: readByMe.has(a.id), readCount: readCount.get(a.id) ?? 0, recipientCount: recipients,
  }));
}

async function mustFindFor(db: Db, id: number, userId: number): Promise<Announcement> {
  const [found] = await listAnnouncements(db, userId, id);
  if (!found) throw new AppError('ANNOUNCEMENT_NOT_FOUND');
  return found;
}
