import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { CallQuery, CallRecord, IdParams, pageOf, type FieldError } from '@rexian/contracts';
import { containsPattern } from '../../db/like-pattern';
import { calls, recordings } from '../../db/schema';
import { AppError } from '../../http/app-error';
import { actorOf, writeAudit } from '../audit/audit-log';
import { sendAudioFile } from './audio-file-sender';
import { presentCalls } from './call-presenter';
import { callScopeCondition } from './call-scope';

const CallParams = z.object({ id: z.string().min(1).max(100) });

/** `from`/`to` as instants; a value that is no date is refused, naming the field. */
function instantsOf(query: { from?: string; to?: string }): { from?: Date; to?: Date } {
  const problems: FieldError[] = [];
  const read = (field: 'from' | 'to') => {
    const text = query[field];
    if (text === undefined) return undefined;
    const at = new Date(text);
    if (Number.isNaN(at.getTime())) problems.push({ field, message: '时间格式不正确，应为 ISO 8601' });
    return at;
  };
  const out = { from: read('from'), to: read('to') };
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems);
  return out;
}

/** Call detail records 话单 and their recordings 录音. */
export const callRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['calls'];

  app.get('/calls', {
    config: { access: 'calls.view' },
    schema: { tags, summary: '话单查询（最新在前） Search call records, newest first', querystring: CallQuery, response: { 200: pageOf(CallRecord) } },
  }, async (request) => {
    const { page, pageSize, number, outcome, queueId, agentUserId } = request.query;
    const { from, to } = instantsOf(request.query);
    const conditions: (SQL | undefined)[] = [await callScopeCondition(db, request.principal!)];
    if (number) conditions.push(or(ilike(calls.callerNumber, containsPattern(number)), ilike(calls.calledNumber, containsPattern(number))));
    if (outcome) conditions.push(eq(calls.outcome, outcome));
    if (queueId !== undefined) conditions.push(eq(calls.queueId, queueId));
    if (agentUserId !== undefined) conditions.push(eq(calls.agentUserId, agentUserId));
    if (from) conditions.push(gte(calls.startedAt, from));
    if (to) conditions.push(lt(calls.startedAt, to));
    const where = and(...conditions);
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(calls).where(where);
    const rows = await db.select().from(calls).where(where).orderBy(desc(calls.startedAt), desc(calls.id)).limit(pageSize).offset((page - 1) * pageSize);
    return { items: await presentCalls(db, rows), total };
  });

  app.get('/calls/:id', {
    config: { access: 'calls.view' },
    schema: { tags, summary: '话单详情（含各通话段） A call record with its legs', params: CallParams, response: { 200: CallRecord } },
  }, async (request) => {
    const scope = await callScopeCondition(db, request.principal!);
    const rows = await db.select().from(calls).where(and(eq(calls.id, request.params.id), scope));
    if (rows.length === 0) throw new AppError('CALL_NOT_FOUND');
    return (await presentCalls(db, rows))[0]!;
  });

  app.get('/recordings/:id/audio', {
    config: { access: 'recordings.play' },
    schema: { tags, summary: '调听录音（audio/wav，支持 Range） Play a recording', params: IdParams },
  }, async (request, reply) => {
    const [recording] = await db.select().from(recordings).where(eq(recordings.id, request.params.id));
    if (!recording) throw new AppError('RECORDING_NOT_FOUND');
    // A recording is as private as its call: outside the caller's data scope it does not exist.
    const scope = await callScopeCondition(db, request.principal!);
    if (scope) {
      const [visible] = await db.select({ id: calls.id }).from(calls).where(and(eq(calls.id, recording.callId), scope));
      if (!visible) throw new AppError('RECORDING_NOT_FOUND');
    }
    return sendAudioFile(request, reply, {
      path: recording.path,
      dataDir: app.config.dataDir,
      notFound: 'RECORDING_NOT_FOUND',
      onPlaybackStart: () => writeAudit(db, actorOf(request), {
        action: 'recording.play', objectType: 'recording', objectId: recording.id, summary: { callId: recording.callId, callerNumber: recording.callerNumber },
      }),
    });
  });
};
