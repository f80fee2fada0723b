import { describe, expect, it } from 'vitest';
import type { StrategyName } from '../src/index';
import { agent, harness, queue } from './harness';

/**
 * One scenario for every strategy. Five agents build a history in a warm-up queue, then become
 * ready one after another; the billing queue's strategy decides who gets the next item:
 *
 *   agent  order  calls  talk each  billing skill  ready at
 *   ann    0      3      100 ms     5              4th
 *   bob    1      2      20 ms      4              2nd
 *   cai    2      1      700 ms     6              3rd
 *   dan    3      4      100 ms     8              5th (last)
 *   eve    4      3      200 ms     3              1st (longest idle)
 */
const HISTORY: Array<[string, number, number, number]> = [
  ['ann', 3, 100, 5],
  ['bob', 2, 20, 4],
  ['cai', 1, 700, 6],
  ['dan', 4, 100, 8],
  ['eve', 3, 200, 3],
];
const READY_ORDER = ['eve', 'bob', 'cai', 'ann', 'dan'];

function scenario(strategy: StrategyName) {
  const h = harness({ seed: 3 });
  h.engine.addQueue(queue('warm'));
  h.engine.addQueue(queue('billing', { strategy, requiredSkills: { billing: 3 } }));
  for (const [id, , , skill] of HISTORY) h.engine.addAgent(agent(id, ['billing', 'warm'], { skills: { billing: skill } }));
  let n = 0;
  for (const [id, calls, talkMs] of HISTORY) {
    h.engine.login(id, { ready: true });
    for (let i = 0; i < calls; i++) {
      h.engine.enqueue({ id: `warm-${++n}`, queueId: 'warm', channel: 'voice' });
      h.engine.accept(h.lastOfferTo(id));
      h.clock.advance(talkMs);
      h.engine.complete(`warm-${n}`);
    }
    h.engine.setNotReady(id, 'history');
  }
  for (const id of READY_ORDER) {
    h.clock.advance(1_000);
    h.engine.setReady(id);
  }
  h.engine.enqueue({ id: 'bill-1', queueId: 'billing', channel: 'voice' });
  return { h, offeredTo: h.of('offered').filter((e) => e.itemId === 'bill-1').map((e) => e.agentId) };
}

describe('each strategy picks its agent on the same scenario', () => {
  it.each<[StrategyName, string[]]>([
    ['longest-idle', ['eve']],
    ['fewest-calls', ['cai']],
    ['least-talk-time', ['bob']],
    ['skill-weighted', ['dan']],
    ['linear', ['ann']],
    ['round-robin', ['ann']],
    ['ring-all', ['ann', 'bob', 'cai', 'dan', 'eve']],
  ])('%s offers the item to %j', (strategy, expected) => {
    expect(scenario(strategy).offeredTo).toEqual(expected);
  });

  it('round robin with memory: after ann, the next item goes to bob even though ann is free again', () => {
    const { h } = scenario('round-robin');
    h.engine.accept(h.lastOfferTo('ann'));
    h.engine.complete('bill-1');
    h.engine.enqueue({ id: 'bill-2', queueId: 'billing', channel: 'voice' });
    expect(h.of('offered').at(-1)?.agentId).toBe('bob');
  });

  it('linear has no memory: ann again', () => {
    const { h } = scenario('linear');
    h.engine.accept(h.lastOfferTo('ann'));
    h.engine.complete('bill-1');
    h.engine.enqueue({ id: 'bill-2', queueId: 'billing', channel: 'voice' });
    expect(h.of('offered').at(-1)?.agentId).toBe('ann');
  });

  it('random is deterministic for a seed and picks one of the candidates', () => {
    const first = scenario('random').offeredTo;
    expect(first).toHaveLength(1);
    expect(scenario('random').offeredTo).toEqual(first);
    expect(READY_ORDER).toContain(first[0]);
  });

  it('only agents with the required skill level are members: a level-2 agent is never offered billing', () => {
    const h = harness();
    h.engine.addQueue(queue('billing', { requiredSkills: { billing: 3 } }));
    h.engine.addAgent(agent('low', ['billing'], { skills: { billing: 2 } }));
    h.engine.login('low', { ready: true });
    h.engine.enqueue({ id: 'b', queueId: 'billing', channel: 'voice' });
    expect(h.of('offered')).toEqual([]);
    h.engine.updateAgent(agent('low', ['billing'], { skills: { billing: 3 } }));
    expect(h.of('offered').map((e) => e.agentId)).toEqual(['low']);
  });

  it('a lower penalty is served first; a higher penalty only when no lower one is free', () => {
    const h = harness();
    h.engine.addQueue(queue('q', { strategy: 'linear' }));
    h.engine.addAgent({ id: 'backup', queues: [{ queueId: 'q', penalty: 2 }] });
    h.engine.addAgent({ id: 'main', queues: [{ queueId: 'q', penalty: 0 }] });
    h.engine.login('backup', { ready: true });
    h.engine.login('main', { ready: true });
    h.engine.enqueue({ id: 'i1', queueId: 'q', channel: 'voice' });
    h.engine.enqueue({ id: 'i2', queueId: 'q', channel: 'voice' });
    expect(h.of('offered').map((e) => [e.itemId, e.agentId])).toEqual([
      ['i1', 'main'],
      ['i2', 'backup'],
    ]);
  });
});
