import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { WallboardFigures, WallboardThresholds } from '@rexian/contracts';
import { switchState } from '../../db/schema';
import { actorOf, changeSummary, writeAudit } from '../audit/audit-log';
import { readParameter } from '../parameters/parameter-store';
import { todayFigures } from './today-figures';

const THRESHOLDS_KEY = 'wallboard-thresholds';

/** The wallboard 大屏 (SUP-3): today's figures, and the thresholds that turn them red. */
export const wallboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const tags = ['wallboard'];

  const thresholds = async (): Promise<WallboardThresholds> => {
    const [row] = await db.select().from(switchState).where(eq(switchState.key, THRESHOLDS_KEY));
    return WallboardThresholds.parse(row?.value ?? {});
  };

  app.get('/today', {
    config: { access: 'calls.view' },
    schema: { tags, summary: '今日话务 Today\'s figures', response: { 200: WallboardFigures } },
  }, async () => todayFigures(db, await readParameter(db, 'system.timeZone')));

  app.get('/thresholds', {
    config: { access: 'calls.view' },
    schema: { tags, summary: '大屏告警阈值 Wallboard thresholds', response: { 200: WallboardThresholds } },
  }, async () => thresholds());

  app.put('/thresholds', {
    config: { access: 'wallboard.manage' },
    schema: { tags, summary: '设置大屏告警阈值 Set wallboard thresholds', body: WallboardThresholds, response: { 200: WallboardThresholds } },
  }, async (request) => {
    const before = await thresholds();
    await db.transaction(async (tx) => {
      await tx.insert(switchState).values({ key: THRESHOLDS_KEY, value: request.body })
        .onConflictDoUpdate({ target: switchState.key, set: { value: request.body, updatedAt: new Date() } });
      await writeAudit(tx, actorOf(request), { action: 'wallboard.thresholds.update', objectType: 'wallboard', summary: changeSummary(before, request.body) });
    });
    return request.body;
  });
};
