import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AcdEngine, FakeClock, type AcdEvent, type AcdSnapshot, type Channel } from '../src/index';
import { EventModel } from './event-model';
import { AGENTS, QUEUES, apply, commandsArb, setUp, type Command } from './random-commands';

const CHANNELS: Channel[] = ['voice', 'email', 'chat', 'callback'];
// ACD_PROPERTY_RUNS=2000 for a longer hunt; the default keeps the suite short.
const RUNS = Number(process.env.ACD_PROPERTY_RUNS ?? 150);

function run(commands: Command[], rule: 'longest-waiting' | 'queue-priority', check: (engine: AcdEngine, model: EventModel, clock: FakeClock) => void): void {
  const clock = new FakeClock(50_000);
  const engine = new AcdEngine({ clock, multiQueueRule: rule, seed: 7 });
  const model = new EventModel(QUEUES, AGENTS);
  engine.on((e) => model.record(e));
  setUp(engine);
  const counter = { n: 0 };
  for (const command of commands) {
    apply(engine, (ms) => clock.advance(ms), command, counter, () => model.live());
    check(engine, model, clock);
  }
  engine.close();
}

describe('ACD engine invariants over random command sequences', { timeout: 120_000 }, () => {
  it('never offers to a not-ready, logged-out or full agent, never to two at once (ring-all aside), loses no item, exceeds no capacity, leaves no free agent idle beside an item they could take', () => {
    fc.assert(
      fc.property(commandsArb, fc.constantFrom('longest-waiting' as const, 'queue-priority' as const), (commands, rule) => {
        run(commands, rule, (engine, model) => {
          expect(model.violations).toEqual([]);
          for (const [id, expected] of model.items) {
            const item = engine.item(id);
            expect(item?.phase, `item ${id}`).toBe(expected.phase);
            expect(item?.queueId).toBe(expected.queueId);
          }
          for (const [offerId, offer] of model.offers) expect(model.items.get(offer.itemId)?.phase, `offer ${offerId} still ringing`).toBe('offered');
          for (const id of model.ended) expect(engine.item(id), `ended item ${id}`).toBeUndefined();
          for (const a of AGENTS) {
            const view = engine.agent(a.id);
            const capacity = a.capacity ?? { voice: 1, callback: 1 };
            for (const channel of CHANNELS) {
              expect(view.load[channel] ?? 0, `${a.id} ${channel}`).toBeLessThanOrEqual(capacity[channel] ?? 0);
              expect(view.load[channel] ?? 0).toBe(model.loadOf(a.id)[channel] ?? 0);
            }
            expect(view.state).toBe(model.agentState.get(a.id) ?? 'logged-out');
          }
          expect(idleWhileWaiting(engine, model)).toEqual([]);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('statistics equal those recomputed from the event log', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        run(commands, 'longest-waiting', (engine, model) => {
          for (const q of QUEUES) {
            const stats = engine.queueStatistics(q.id);
            const figures = model.queueFigures.get(q.id);
            for (const [key, value] of Object.entries(figures ?? {})) expect(stats[key as keyof typeof stats], `${q.id}.${key}`).toBe(value);
            const answered = figures?.answered ?? 0;
            expect(stats.serviceLevel).toBe(answered ? (figures?.answeredWithinThreshold ?? 0) / answered : null);
          }
          for (const a of AGENTS) {
            const stats = engine.agentStatistics(a.id);
            for (const [key, value] of Object.entries(model.agentFigures.get(a.id) ?? {})) expect(stats[key as keyof typeof stats], `${a.id}.${key}`).toBe(value);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('an engine restored from a snapshot taken mid-way continues with the same events and state', () => {
    fc.assert(
      fc.property(commandsArb, fc.nat(), (commands, at) => {
        const split = at % commands.length;
        const start = 50_000;
        const full = replay(start, commands);
        const first = replay(start, commands.slice(0, split));
        const snapshot = JSON.parse(JSON.stringify(first.engine.snapshot())) as AcdSnapshot;
        const clock = new FakeClock(first.clock.now());
        const restored = new AcdEngine({ clock, seed: 99 });
        const events: AcdEvent[] = [];
        restored.on((e) => events.push(e));
        restored.restore(snapshot);
        const counter = { n: first.counter.n };
        const model = first.model;
        restored.on((e) => model.record(e));
        for (const command of commands.slice(split)) {
          apply(restored, (ms) => clock.advance(ms), command, counter, () => model.live());
        }
        expect(events).toEqual(full.events.slice(first.events.length));
        expect(restored.snapshot()).toEqual(full.engine.snapshot());
        for (const e of [full.engine, first.engine, restored]) e.close();
      }),
      { numRuns: RUNS },
    );
  });
});

/** Work conservation: no waiting item that a ready member with room (not skipped for it) could take. */
function idleWhileWaiting(engine: AcdEngine, model: EventModel): string[] {
  const missed: string[] = [];
  for (const [id, modelItem] of model.items) {
    if (modelItem.phase !== 'waiting') continue;
    const item = engine.item(id);
    const queue = QUEUES.find((q) => q.id === modelItem.queueId);
    for (const a of AGENTS) {
      const member = a.queues.some((m) => m.queueId === queue?.id) && Object.entries(queue?.requiredSkills ?? {}).every(([skill, min]) => (a.skills?.[skill] ?? 0) >= min);
      const view = engine.agent(a.id);
      const capacity = a.capacity ?? { voice: 1, callback: 1 };
      const onCall = (view.load.voice ?? 0) + (view.load.callback ?? 0) > 0;
      const room = (view.load[modelItem.channel] ?? 0) < (capacity[modelItem.channel] ?? 0) && !(a.callBlocksOtherChannels !== false && onCall);
      if (member && view.state === 'ready' && room && !item?.skippedAgents.includes(a.id)) missed.push(`${id} waits while ${a.id} is free`);
    }
  }
  return missed;
}

function replay(start: number, commands: Command[]) {
  const clock = new FakeClock(start);
  const engine = new AcdEngine({ clock, seed: 7 });
  const model = new EventModel(QUEUES, AGENTS);
  const events: AcdEvent[] = [];
  engine.on((e) => {
    events.push(e);
    model.record(e);
  });
  setUp(engine);
  const counter = { n: 0 };
  for (const command of commands) apply(engine, (ms) => clock.advance(ms), command, counter, () => model.live());
  return { clock, engine, model, events, counter };
}
