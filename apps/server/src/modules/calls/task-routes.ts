import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { count, desc, eq } from 'drizzle-orm';
import { CALLBACK_STATUSES, CallbackRequest, IdParams, PageQuery, TaskUpdate, VOICEMAIL_STATUSES, Voicemail, pageOf } from '@rexian/contracts';
import { z } from 'zod';
import { callbacks, voicemails } from '../../db/schema';
import { AppError } from '../../http/app-error';
import { actorOf, writeAudit } from '../audit/audit-log';
import type { Principal } from '../auth/principal';
import { sendAudioFile } from './audio-file-sender';
import { presentCallbacks, presentVoicemails } from './task-presenter';

/** Who closed a task and when; reopening it clears both. */
function handling(principal: Principal, closed: boolean) {
  return closed ? { handledBy: principal.userId, handledAt: new Date() } : { handledBy: null, handledAt: null };
}

/** Voicemail 留言 and callback requests 回叫: tasks someone works through and marks done. */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['voicemail'];
  const access = 'voicemail.handle' as const;

  app.get('/voicemails', {
    config: { access },
    schema: {
      tags, summary: '留言列表（最新在前） List voicemail, newest first',
      querystring: PageQuery.extend({ status: z.enum(VOICEMAIL_STATUSES).optional() }), response: { 200: pageOf(Voicemail) },
    },
  }, async (request) => {
    const { status, page, pageSize } = request.query;
    const where = status ? eq(voicemails.status, status) : undefined;
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(voicemails).where(where);
    const rows = await db.select().from(voicemails).where(where).orderBy(desc(voicemails.createdAt), desc(voicemails.id)).limit(pageSize).offset((page - 1) * pageSize);
    return { items: await presentVoicemails(db, rows), total };
  });

  app.get('/voicemails/:id/audio', {
    config: { access },
    schema: { tags, summary: '收听留言（audio/wav，支持 Range） Listen to a voicemail', params: IdParams },
  }, async (request, reply) => {
    const [voicemail] = await db.select().from(voicemails).where(eq(voicemails.id, request.params.id));
    if (!voicemail) throw new AppError('VOICEMAIL_NOT_FOUND');
    return sendAudioFile(request, reply, { path: voicemail.path, dataDir: app.config.dataDir, notFound: 'VOICEMAIL_NOT_FOUND', onPlaybackStart: async () => {} });
  });

  app.patch('/voicemails/:id', {
    config: { access },
    schema: { tags, summary: '处理留言 Mark a voicemail done or new, with a note', params: IdParams, body: TaskUpdate, response: { 200: Voicemail } },
  }, async (request) => {
    const { id } = request.params;
    const { status, note } = request.body;
    if (status !== 'new' && status !== 'done') throw new AppError('TASK_STATUS_INVALID', [{ field: 'status', message: '留言的状态只能是 new 或 done' }]);
    const row = await db.transaction(async (tx) => {
      const [before] = await tx.select().from(voicemails).where(eq(voicemails.id, id));
      if (!before) throw new AppError('VOICEMAIL_NOT_FOUND');
      const [after] = await tx.update(voicemails).set({ status, note, ...handling(request.principal!, status === 'done') }).where(eq(voicemails.id, id)).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'voicemail.update', objectType: 'voicemail', objectId: id,
        summary: { before: { status: before.status, note: before.note }, after: { status, note } },
      });
      return after!;
    });
    return (await presentVoicemails(db, [row]))[0]!;
  });

  app.get('/callbacks', {
    config: { access },
    schema: {
      tags, summary: '回叫列表（最新在前） List callback requests, newest first',
      querystring: PageQuery.extend({ status: z.enum(CALLBACK_STATUSES).optional() }), response: { 200: pageOf(CallbackRequest) },
    },
  }, async (request) => {
    const { status, page, pageSize } = request.query;
    const where = status ? eq(callbacks.status, status) : undefined;
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(callbacks).where(where);
    const rows = await db.select().from(callbacks).where(where).orderBy(desc(callbacks.createdAt), desc(callbacks.id)).limit(pageSize).offset((page - 1) * pageSize);
    return { items: await presentCallbacks(db, rows), total };
  });

  app.patch('/callbacks/:id', {
    config: { access },
    schema: { tags, summary: '处理回叫 Mark a callback done, unreachable or open', params: IdParams, body: TaskUpdate, response: { 200: CallbackRequest } },
  }, async (request) => {
    const { id } = request.params;
    const { status, note } = request.body;
    if (status === 'new') throw new AppError('TASK_STATUS_INVALID', [{ field: 'status', message: '回叫的状态只能是 open、done 或 unreachable' }]);
    const row = await db.transaction(async (tx) => {
      const [before] = await tx.select().from(callbacks).where(eq(callbacks.id, id));
      if (!before) throw new AppError('CALLBACK_NOT_FOUND');
      const [after] = await tx.update(callbacks).set({ status, note, ...handling(request.principal!, status !== 'open') }).where(eq(callbacks.id, id)).returning();
      await writeAudit(tx, actorOf(request), {
        action: 'callback.update', objectType: 'callback', objectId: id,
        summary: { before: { status: before.status, note: before.note }, after: { status, note } },
      });
      return after!;
    });
    return (await presentCallbacks(db, [row]))[0]!;
  });
};
