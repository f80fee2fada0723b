import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../src/index';
import { agent, harness, queue } from './harness';

function twoAgents(extra: Parameters<typeof queue>[1] = {}) {
  const h = harness();
  h.engine.addQueue(queue('q', { strategy: 'linear', ringTimeoutMs: 10_000, ...extra }));
  h.engine.addAgent(agent('a', ['q']));
  h.engine.addAgent(agent('b', ['q']));
  return h;
}

describe('offers: ring timeout, re-offer, rejection, ring-all', () => {
  it('ring timeout: the agent is set not ready (ring-no-answer) and the item goes back to the head, then to the next agent', () => {
    const h = twoAgents();
    h.engine.login('a', { ready: true });
    h.engine.enqueue({ id: 'first', queueId: 'q', channel: 'voice' });
    h.clock.advance(1_000);
    h.engine.enqueue({ id: 'second', queueId: 'q', channel: 'voice' });
    expect(h.engine.position('second')).toBe(1);
    h.clock.advance(8_999);
    expect(h.of('offer-timed-out')).toEqual([]);
    h.clock.advance(1);
    expect(h.of('offer-timed-out').map((e) => [e.itemId, e.agentId])).toEqual([['first', 'a']]);
    expect(h.engine.agent('a')).toMatchObject({ state: 'not-ready', reason: 'ring-no-answer' });
    expect(h.engine.position('first')).toBe(1);
    expect(h.engine.position('second')).toBe(2);
    h.engine.login('b', { ready: true });
    expect(h.of('offered').at(-1)).toMatchObject({ itemId: 'first', agentId: 'b' });
  });

  it('ring timeout without not-ready: the agent stays ready, is skipped for that item and gets the next one', () => {
    const h = twoAgents({ notReadyOnRingTimeout: false });
    h.engine.login('a', { ready: true });
    h.engine.enqueue({ id: 'first', queueId: 'q', channel: 'voice' });
    h.engine.enqueue({ id: 'second', queueId: 'q', channel: 'voice' });
    h.clock.advance(10_000);
    expect(h.engine.agent('a').state).toBe('ready');
    expect(h.of('offered').map((e) => [e.itemId, e.agentId])).toEqual([
      ['first', 'a'],
      ['second', 'a'],
    ]);
    expect(h.engine.position('first')).toBe(1);
  });

  it('a rejecting agent is skipped for that item: it goes to the next agent', () => {
    const h = twoAgents();
    h.engine.login('a', { ready: true });
    h.engine.login('b', { ready: true });
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    expect(h.of('offered').map((e) => e.agentId)).toEqual(['a']);
    h.engine.reject(h.lastOfferTo('a'));
    expect(h.of('rejected')).toHaveLength(1);
    expect(h.of('offered').map((e) => e.agentId)).toEqual(['a', 'b']);
    h.engine.reject(h.lastOfferTo('b'));
    expect(h.of('offered')).toHaveLength(2);
    expect(h.engine.item('x')?.phase).toBe('waiting');
    expect(h.engine.agent('a').state).toBe('ready');
  });

  it('no item rings at two agents at once outside ring-all', () => {
    const h = twoAgents();
    h.engine.login('a', { ready: true });
    h.engine.login('b', { ready: true });
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    expect(h.of('offered')).toHaveLength(1);
    expect(h.engine.item('x')?.offerIds).toHaveLength(1);
  });

  it('ring-all: every free agent rings, the first to accept wins and the others are withdrawn', () => {
    const h = harness();
    h.engine.addQueue(queue('q', { strategy: 'ring-all' }));
    for (const id of ['a', 'b', 'c']) {
      h.engine.addAgent(agent(id, ['q']));
      h.engine.login(id, { ready: true });
    }
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    expect(h.of('offered').map((e) => e.agentId)).toEqual(['a', 'b', 'c']);
    const loser = h.lastOfferTo('a');
    h.engine.accept(h.lastOfferTo('b'));
    expect(h.of('accepted').map((e) => e.agentId)).toEqual(['b']);
    expect(h.of('offer-withdrawn').map((e) => [e.agentId, e.reason])).toEqual([
      ['a', 'accepted-elsewhere'],
      ['c', 'accepted-elsewhere'],
    ]);
    expect(h.engine.agent('a')).toMatchObject({ activity: 'idle', load: { voice: 0 } });
    expect(h.engine.agent('b').activity).toBe('busy');
    expect(() => h.engine.accept(loser)).toThrow(NotFoundError);
  });

  it('ring-all ring timeout: the item comes back once every offer has timed out', () => {
    const h = harness();
    h.engine.addQueue(queue('q', { strategy: 'ring-all', notReadyOnRingTimeout: false }));
    for (const id of ['a', 'b']) {
      h.engine.addAgent(agent(id, ['q']));
      h.engine.login(id, { ready: true });
    }
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    h.clock.advance(10_000);
    expect(h.of('offer-timed-out')).toHaveLength(2);
    expect(h.engine.item('x')?.phase).toBe('waiting');
  });

  it('an agent who goes not ready while ringing has the offer withdrawn and the item goes to the next agent', () => {
    const h = twoAgents();
    h.engine.login('a', { ready: true });
    h.engine.login('b', { ready: true });
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    h.engine.setNotReady('a', 'lunch');
    expect(h.of('offer-withdrawn').map((e) => e.reason)).toEqual(['agent-unavailable']);
    expect(h.of('offered').at(-1)?.agentId).toBe('b');
  });
});
