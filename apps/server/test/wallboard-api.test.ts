/** The wallboard's figures from today's call records, and its thresholds (set by the administrator only). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallboardFigures, WallboardThresholds } from '@rexian/contracts';
import { DatabaseSwitchStore } from '../src/modules/switch/switch-store';
import { DATABASE_KINDS } from './databases';
import { startTestApp, type Session, type TestApp } from './test-app';

describe.each(DATABASE_KINDS)('wallboard (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.signIn('admin');
  });
  afterAll(() => t?.close());

  it('counts today\'s calls: answered, abandoned, service level, ASA, AHT, abandonment, by hour', async () => {
    const store = new DatabaseSwitchStore(t.database.db);
    const now = Date.now();
    const calls = [
      { id: 'w1', answered: true, waitMs: 5_000, talkMs: 60_000 },
      { id: 'w2', answered: true, waitMs: 30_000, talkMs: 120_000 },
      { id: 'w3', answered: false, waitMs: 40_000, talkMs: null },
    ];
    for (const c of calls) {
      await store.callStarted({ id: c.id, direction: 'inbound', callerNumber: '139', calledNumber: '8000', trunk: null, startedAt: new Date(now - 1000) });
      await store.callUpdated(c.id, {
        outcome: c.answered ? 'answered' : 'abandoned', waitMs: c.waitMs, talkMs: c.talkMs, holdMs: 0, wrapUpMs: c.answered ? 10_000 : null,
        answeredAt: c.answered ? new Date(now - 500) : null, endedAt: new Date(now),
      });
    }
    const figures = (await admin.request({ method: 'GET', url: '/api/wallboard/today' })).json() as WallboardFigures;
    expect(figures).toMatchObject({ calls: 3, answered: 2, abandoned: 1, serviceLevel: 0.5, asaMs: 17_500, ahtMs: 100_000, avgWaitMs: 25_000 });
    expect(figures.abandonRate).toBeCloseTo(1 / 3);
    expect(figures.byHour.reduce((sum, h) => sum + h.answered + h.abandoned + h.other, 0)).toBe(3);
  });

  it('keeps thresholds set by the administrator, audited; an agent may read but not set them', async () => {
    const set: WallboardThresholds = { maxWaiting: 5, maxLongestWaitSec: 60, minServiceLevel: 0.8, maxAbandonRate: 0.1 };
    expect((await admin.request({ method: 'PUT', url: '/api/wallboard/thresholds', payload: set })).statusCode).toBe(200);
    const agent = await t.signIn('agent1');
    expect((await agent.request({ method: 'GET', url: '/api/wallboard/thresholds' })).json()).toEqual(set);
    expect((await agent.request({ method: 'PUT', url: '/api/wallboard/thresholds', payload: set })).statusCode).toBe(403);
    expect((await admin.request({ method: 'PUT', url: '/api/wallboard/thresholds', payload: { minServiceLevel: 2 } })).statusCode).toBe(400);
    const audit = (await admin.request({ method: 'GET', url: '/api/audit?action=wallboard.thresholds.update' })).json() as { items: unknown[] };
    expect(audit.items).toHaveLength(1);
  });
});
