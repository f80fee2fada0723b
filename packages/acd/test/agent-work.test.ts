import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '../src/index';
import { agent, harness, queue } from './harness';

function answered(extra: Parameters<typeof queue>[1] = {}) {
  const h = harness();
  h.engine.addQueue(queue('q', { wrapUpMs: 30_000, ...extra }));
  h.engine.addAgent(agent('a', ['q']));
  h.engine.login('a', { ready: true });
  h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
  h.engine.accept(h.lastOfferTo('a'));
  h.clock.advance(60_000);
  h.engine.complete('x');
  h.engine.enqueue({ id: 'next', queueId: 'q', channel: 'voice' });
  return h;
}

describe('wrap-up 话后处理', () => {
  it('after an item the agent is in wrap-up and gets nothing; at expiry back to ready and offered', () => {
    const h = answered();
    expect(h.engine.agent('a').state).toBe('wrap-up');
    h.clock.advance(29_999);
    expect(h.of('offered')).toHaveLength(1);
    h.clock.advance(1);
    expect(h.of('wrap-up-ended')).toEqual([expect.objectContaining({ itemId: 'x', wrapUpMs: 30_000 })]);
    expect(h.engine.agent('a').state).toBe('ready');
    expect(h.of('offered').at(-1)?.itemId).toBe('next');
  });

  it('with wrap-up end "not-ready", the agent stays not ready after the time limit', () => {
    const h = answered({ wrapUpEnd: 'not-ready' });
    h.clock.advance(30_000);
    expect(h.engine.agent('a')).toMatchObject({ state: 'not-ready', reason: 'wrap-up-expired' });
    expect(h.of('offered')).toHaveLength(1);
  });

  it('ending wrap-up early makes the agent ready at once, and the wrap-up time counts in AHT', () => {
    const h = answered();
    h.clock.advance(10_000);
    h.engine.endWrapUp('a');
    expect(h.engine.agent('a').state).toBe('ready');
    expect(h.of('offered').at(-1)?.itemId).toBe('next');
    expect(h.engine.queueStatistics('q').ahtMs).toBe(60_000 + 10_000);
    expect(() => h.engine.endWrapUp('a')).toThrow(InvalidStateError);
  });

  it('no wrap-up configured: the agent is offered the next item straight away', () => {
    const h = answered({ wrapUpMs: 0 });
    expect(h.engine.agent('a').state).toBe('ready');
    expect(h.of('offered').at(-1)?.itemId).toBe('next');
  });
});

describe('agent states', () => {
  it('log in goes to not ready (login) unless asked for ready; logout is refused with work in hand', () => {
    const h = harness();
    h.engine.addQueue(queue('q'));
    h.engine.addAgent(agent('a', ['q']));
    h.engine.login('a');
    expect(h.engine.agent('a')).toMatchObject({ state: 'not-ready', reason: 'login' });
    expect(() => h.engine.login('a')).toThrow(InvalidStateError);
    h.engine.setReady('a');
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    h.engine.accept(h.lastOfferTo('a'));
    expect(() => h.engine.logout('a')).toThrow(InvalidStateError);
    h.engine.complete('x');
    h.engine.logout('a');
    expect(h.engine.agent('a').state).toBe('logged-out');
  });

  it('every state change is an event with the time spent in the previous state', () => {
    const h = harness();
    h.engine.addAgent(agent('a', []));
    h.engine.login('a');
    h.clock.advance(5_000);
    h.engine.setReady('a');
    h.clock.advance(7_000);
    h.engine.setNotReady('a', 'meeting');
    expect(h.of('agent-state-changed').map((e) => [e.from, e.to, e.reason, e.durationMs])).toEqual([
      ['logged-out', 'not-ready', 'login', expect.any(Number)],
      ['not-ready', 'ready', undefined, 5_000],
      ['ready', 'not-ready', 'meeting', 7_000],
    ]);
    expect(h.engine.agentStatistics('a').stateMs).toMatchObject({ 'not-ready': 5_000, ready: 7_000 });
  });

  it('hold time is kept apart from talk time', () => {
    const h = harness();
    h.engine.addQueue(queue('q'));
    h.engine.addAgent(agent('a', ['q']));
    h.engine.login('a', { ready: true });
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    h.engine.accept(h.lastOfferTo('a'));
    h.clock.advance(2_000);
    h.engine.startTalk('x');
    h.clock.advance(10_000);
    h.engine.hold('x');
    h.clock.advance(4_000);
    h.engine.resume('x');
    h.clock.advance(6_000);
    h.engine.complete('x');
    expect(h.of('completed')[0]).toMatchObject({ talkMs: 16_000, holdMs: 4_000 });
  });
});

describe('capacity per channel', () => {
  function blended(callBlocksOtherChannels: boolean) {
    const h = harness();
    h.engine.addQueue(queue('calls'));
    h.engine.addQueue(queue('chats'));
    h.engine.addAgent(agent('a', ['calls', 'chats'], { capacity: { voice: 1, chat: 3 }, callBlocksOtherChannels }));
    h.engine.login('a', { ready: true });
    h.engine.enqueue({ id: 'call', queueId: 'calls', channel: 'voice' });
    h.engine.accept(h.lastOfferTo('a'));
    for (const n of [1, 2, 3, 4]) h.engine.enqueue({ id: `chat${n}`, queueId: 'chats', channel: 'chat' });
    return h;
  }

  it('an agent on a call still takes chats when allowed, up to the chat capacity', () => {
    const h = blended(false);
    expect(h.of('offered').map((e) => e.itemId)).toEqual(['call', 'chat1', 'chat2', 'chat3']);
    expect(h.engine.position('chat4')).toBe(1);
    h.engine.enqueue({ id: 'call2', queueId: 'calls', channel: 'voice' });
    expect(h.engine.position('call2')).toBe(1);
  });

  it('an agent on a call takes no chat when a call blocks other channels, and gets them after', () => {
    const h = blended(true);
    expect(h.of('offered').map((e) => e.itemId)).toEqual(['call']);
    h.engine.complete('call');
    expect(h.of('offered').map((e) => e.itemId)).toEqual(['call', 'chat1', 'chat2', 'chat3']);
  });

  it('an agent without capacity for a channel is never offered it', () => {
    const h = harness();
    h.engine.addQueue(queue('mail'));
    h.engine.addAgent(agent('a', ['mail']));
    h.engine.login('a', { ready: true });
    h.engine.enqueue({ id: 'm', queueId: 'mail', channel: 'email' });
    expect(h.of('offered')).toEqual([]);
  });

  it('a head item no free agent can take does not block the items behind it', () => {
    const h = harness();
    h.engine.addQueue(queue('mixed'));
    h.engine.addAgent(agent('a', ['mixed'], { capacity: { chat: 1 } }));
    h.engine.enqueue({ id: 'mail', queueId: 'mixed', channel: 'email', priority: 9 });
    h.engine.enqueue({ id: 'chat', queueId: 'mixed', channel: 'chat' });
    h.engine.login('a', { ready: true });
    expect(h.of('offered').map((e) => e.itemId)).toEqual(['chat']);
    expect(h.engine.position('mail')).toBe(1);
  });
});

describe('agents in several queues', () => {
  function twoQueues(rule: 'longest-waiting' | 'queue-priority', lowHeadPriority = 0) {
    const h = harness({ multiQueueRule: rule });
    h.engine.addQueue(queue('low', { priority: 1 }));
    h.engine.addQueue(queue('high', { priority: 5 }));
    h.engine.addAgent(agent('a', ['low', 'high']));
    h.engine.enqueue({ id: 'old', queueId: 'low', channel: 'voice', priority: lowHeadPriority });
    h.clock.advance(10_000);
    h.engine.enqueue({ id: 'new', queueId: 'high', channel: 'voice', priority: 1 });
    h.clock.advance(10_000);
    h.engine.login('a', { ready: true });
    return h.of('offered').map((e) => e.itemId);
  }

  it('by default the queue whose head item comes first (priority, then longest wait) serves the free agent', () => {
    expect(twoQueues('longest-waiting')).toEqual(['new']); // priority 1 beats a longer wait at 0
    expect(twoQueues('longest-waiting', 1)).toEqual(['old']); // equal priority: longest wait
  });

  it('with the queue-priority rule the higher queue priority serves first, whatever the waits', () => {
    expect(twoQueues('queue-priority', 1)).toEqual(['new']);
  });
});
