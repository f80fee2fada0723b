import { describe, expect, it } from 'vitest';
import { agent, harness, queue } from './harness';

describe('statistics from the event stream', () => {
  it('service level (both variants), ASA, average wait, AHT and occupancy for a small day', () => {
    const h = harness();
    h.engine.addQueue(queue('q', { serviceLevelMs: 20_000, shortAbandonMs: 5_000, wrapUpMs: 10_000 }));
    h.engine.addAgent(agent('a', ['q']));
    h.engine.login('a', { ready: true });
    // 1: answered after 0 s, talk 60 s, wrap-up 10 s
    h.engine.enqueue({ id: 'c1', queueId: 'q', channel: 'voice' });
    h.engine.accept(h.lastOfferTo('a'));
    // 2: waits behind c1, answered at 70 s (wait 70 s, outside the threshold), talk 30 s, wrap-up 10 s
    h.engine.enqueue({ id: 'c2', queueId: 'q', channel: 'voice' });
    // 3: hangs up after 3 s (short abandon), 4: after 25 s (abandon)
    h.engine.enqueue({ id: 'c3', queueId: 'q', channel: 'voice' });
    h.engine.enqueue({ id: 'c4', queueId: 'q', channel: 'voice' });
    h.clock.advance(3_000);
    h.engine.abandon('c3');
    h.clock.advance(22_000);
    h.engine.abandon('c4');
    h.clock.advance(35_000);
    h.engine.complete('c1');
    h.clock.advance(10_000);
    h.engine.accept(h.lastOfferTo('a'));
    h.clock.advance(30_000);
    h.engine.complete('c2');
    h.clock.advance(10_000);

    const q = h.engine.queueStatistics('q');
    expect(q).toMatchObject({ offered: 4, answered: 2, answeredWithinThreshold: 1, abandoned: 2, shortAbandoned: 1, completed: 2 });
    expect(q.serviceLevel).toBe(1 / 2);
    expect(q.serviceLevelWithAbandons).toBe(1 / 3); // short abandon left out
    expect(q.asaMs).toBe((0 + 70_000) / 2);
    expect(q.averageWaitMs).toBe((0 + 70_000 + 3_000 + 25_000) / 4);
    expect(q.ahtMs).toBe((60_000 + 10_000 + 30_000 + 10_000) / 2);

    const a = h.engine.agentStatistics('a');
    expect(a).toMatchObject({ offered: 2, answered: 2, completed: 2, talkMs: 90_000, wrapUpMs: 20_000 });
    // ready 0–60 s and 70–100 s, wrap-up 60–70 s and 100–110 s: 110 s at work, 110 s handled
    expect(a.occupancy).toBe(1);
    expect(a.loggedInMs).toBe(110_000);
  });

  it('figures are null, not NaN, before anything happened', () => {
    const h = harness();
    h.engine.addQueue(queue('q'));
    expect(h.engine.queueStatistics('q')).toMatchObject({ serviceLevel: null, asaMs: null, ahtMs: null, averageWaitMs: null });
  });
});
