import { describe, expect, it } from 'vitest';
import { agent, harness, queue } from './harness';

describe('while waiting: priority, position, estimated wait, overflow, maximum length', () => {
  it('a VIP item jumps ahead of normal items; equal priorities keep arrival order', () => {
    const h = harness();
    h.engine.addQueue(queue('q'));
    h.engine.addAgent(agent('a', ['q']));
    h.engine.enqueue({ id: 'n1', queueId: 'q', channel: 'voice' });
    h.clock.advance(1_000);
    h.engine.enqueue({ id: 'n2', queueId: 'q', channel: 'voice' });
    h.clock.advance(1_000);
    h.engine.enqueue({ id: 'vip', queueId: 'q', channel: 'voice', priority: 5 });
    expect(['vip', 'n1', 'n2'].map((id) => h.engine.position(id))).toEqual([1, 2, 3]);
    h.engine.login('a', { ready: true });
    expect(h.of('offered').map((e) => e.itemId)).toEqual(['vip']);
  });

  it('aging: a long wait overtakes a slightly higher priority, but not a much higher one', () => {
    const scenario = (vipPriority: number) => {
      const h = harness();
      h.engine.addQueue(queue('q', { agingStepMs: 1_000 }));
      h.engine.addAgent(agent('a', ['q']));
      h.engine.enqueue({ id: 'old', queueId: 'q', channel: 'voice' });
      h.clock.advance(2_500);
      h.engine.enqueue({ id: 'vip', queueId: 'q', channel: 'voice', priority: vipPriority });
      h.clock.advance(1_500);
      h.engine.login('a', { ready: true });
      return h.of('offered')[0]?.itemId;
    };
    expect(scenario(2)).toBe('old'); // old: 0 + 4.0, vip: 2 + 1.5
    expect(scenario(3)).toBe('vip'); // old: 0 + 4.0, vip: 3 + 1.5
  });

  it('estimated wait = place × recent handle time ÷ agents at work, following completed items', () => {
    const h = harness();
    h.engine.addQueue(queue('q', { expectedHandleMs: 60_000 }));
    h.engine.addAgent(agent('a', ['q']));
    h.engine.addAgent(agent('b', ['q']));
    h.engine.enqueue({ id: 'i1', queueId: 'q', channel: 'voice' });
    expect(h.engine.estimatedWait('i1')).toBeUndefined(); // no one at work
    h.engine.login('a', { ready: true });
    h.engine.login('b', { ready: true });
    h.engine.enqueue({ id: 'i2', queueId: 'q', channel: 'voice' });
    h.engine.accept(h.lastOfferTo('a'));
    h.engine.accept(h.lastOfferTo('b'));
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    h.engine.enqueue({ id: 'y', queueId: 'q', channel: 'voice' });
    expect(h.engine.estimatedWait('x')).toBe(30_000);
    expect(h.engine.estimatedWait('y')).toBe(60_000);
    h.clock.advance(10_000);
    h.engine.complete('i1'); // handle 10 s pulls the average to 0.8 × 60 s + 0.2 × 10 s = 50 s
    expect(h.engine.position('y')).toBe(1);
    expect(h.engine.estimatedWait('y')).toBe(25_000);
    expect(h.engine.estimatedWait('x')).toBe(0); // ringing
  });

  it('maximum wait: overflow to another queue, where the item is offered', () => {
    const h = harness();
    h.engine.addQueue(queue('first', { maxWaitMs: 60_000, overflow: { kind: 'queue', queueId: 'second' } }));
    h.engine.addQueue(queue('second'));
    h.engine.addAgent(agent('s', ['second']));
    h.engine.login('s', { ready: true });
    h.engine.enqueue({ id: 'x', queueId: 'first', channel: 'voice' });
    h.clock.advance(59_999);
    expect(h.of('overflowed')).toEqual([]);
    h.clock.advance(1);
    expect(h.of('overflowed')).toEqual([expect.objectContaining({ itemId: 'x', queueId: 'first', target: { kind: 'queue', queueId: 'second' }, waitMs: 60_000 })]);
    expect(h.of('queued').map((e) => e.queueId)).toEqual(['first', 'second']);
    expect(h.of('offered')[0]).toMatchObject({ itemId: 'x', queueId: 'second', agentId: 's' });
    expect(h.engine.queueStatistics('first').overflowed).toBe(1);
  });

  it('maximum wait: overflow to voicemail ends the item with an event for the switch', () => {
    const h = harness();
    h.engine.addQueue(queue('q', { maxWaitMs: 30_000, overflow: { kind: 'voicemail', mailbox: '800' } }));
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    h.clock.advance(30_000);
    expect(h.of('overflowed')[0]?.target).toEqual({ kind: 'voicemail', mailbox: '800' });
    expect(h.engine.item('x')).toBeUndefined();
  });

  it('maximum wait: overflow to a callback request keeps the caller number', () => {
    const h = harness();
    h.engine.addQueue(queue('q', { maxWaitMs: 30_000, overflow: { kind: 'callback' }, callbackQueueId: 'callbacks' }));
    h.engine.addQueue(queue('callbacks'));
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice', callerNumber: '13800138000' });
    h.clock.advance(30_000);
    const [request] = h.of('callback-requested');
    expect(request).toMatchObject({ originalItemId: 'x', queueId: 'callbacks', callerNumber: '13800138000' });
    expect(h.engine.item(request?.itemId ?? '')).toMatchObject({ channel: 'callback', queueId: 'callbacks', callerNumber: '13800138000', phase: 'waiting' });
  });

  it('an item whose maximum wait passes while ringing overflows as soon as the offer fails, not while it rings', () => {
    const h = harness();
    h.engine.addQueue(queue('q', { ringTimeoutMs: 20_000, maxWaitMs: 15_000, overflow: { kind: 'voicemail' } }));
    h.engine.addAgent(agent('a', ['q']));
    h.engine.login('a', { ready: true });
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    h.clock.advance(15_000);
    expect(h.of('overflowed')).toEqual([]);
    h.clock.advance(5_000);
    expect(h.of('overflowed').map((e) => e.waitMs)).toEqual([20_000]);
  });

  it('maximum length: the item beyond it is refused at entry', () => {
    const h = harness();
    h.engine.addQueue(queue('q', { maxLength: 2 }));
    for (const id of ['a', 'b', 'c']) h.engine.enqueue({ id, queueId: 'q', channel: 'voice' });
    expect(h.of('refused')).toEqual([expect.objectContaining({ itemId: 'c', reason: 'max-length' })]);
    expect(h.engine.waitingCount('q')).toBe(2);
    expect(h.engine.queueStatistics('q').refused).toBe(1);
  });
});

describe('abandon and callback capture', () => {
  function setUp(extra: Parameters<typeof queue>[1] = {}) {
    const h = harness();
    h.engine.addQueue(queue('q', { shortAbandonMs: 5_000, callbackOnAbandon: true, callbackQueueId: 'cb', ...extra }));
    h.engine.addQueue(queue('cb'));
    return h;
  }

  it('a caller who hangs up after the short-abandon threshold is abandoned and put on the callback list', () => {
    const h = setUp();
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice', callerNumber: '021-5555' });
    h.clock.advance(12_000);
    h.engine.abandon('x');
    expect(h.of('abandoned')).toEqual([expect.objectContaining({ itemId: 'x', waitMs: 12_000, short: false })]);
    expect(h.of('callback-requested')).toEqual([expect.objectContaining({ originalItemId: 'x', queueId: 'cb', callerNumber: '021-5555' })]);
    expect(h.engine.waitingCount('cb')).toBe(1);
    expect(h.engine.queueStatistics('q')).toMatchObject({ abandoned: 1, shortAbandoned: 0 });
  });

  it('a short abandon is counted apart and not called back', () => {
    const h = setUp();
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice', callerNumber: '021-5555' });
    h.clock.advance(4_999);
    h.engine.abandon('x');
    expect(h.of('abandoned')[0]?.short).toBe(true);
    expect(h.of('callback-requested')).toEqual([]);
    expect(h.engine.queueStatistics('q')).toMatchObject({ abandoned: 1, shortAbandoned: 1 });
  });

  it('no callback when the queue does not ask for it', () => {
    const h = setUp({ callbackOnAbandon: false });
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice', callerNumber: '021-5555' });
    h.clock.advance(30_000);
    h.engine.abandon('x');
    expect(h.of('callback-requested')).toEqual([]);
  });

  it('hanging up while ringing withdraws the offer and frees the agent for the next item', () => {
    const h = setUp();
    h.engine.addAgent(agent('a', ['q']));
    h.engine.login('a', { ready: true });
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    h.engine.enqueue({ id: 'y', queueId: 'q', channel: 'voice' });
    h.engine.abandon('x');
    expect(h.of('offer-withdrawn').map((e) => e.reason)).toEqual(['abandoned']);
    expect(h.of('offered').map((e) => e.itemId)).toEqual(['x', 'y']);
  });
});
