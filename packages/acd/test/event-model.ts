import type { AcdEvent, AgentConfig, Channel, QueueConfig } from '../src/index';

interface ModelItem {
  phase: 'waiting' | 'offered' | 'assigned' | 'moving';
  queueId: string;
  channel: Channel;
  offers: Set<string>;
  queuedAt: number;
  acceptedAt?: number;
  talkFrom?: number;
  holdFrom?: number;
  holdMs: number;
}

const CALLS: Channel[] = ['voice', 'callback'];

const QUEUE_KEYS = ['offered', 'answered', 'answeredWithinThreshold', 'answerWaitMs', 'abandoned', 'shortAbandoned', 'overflowed', 'refused', 'completed', 'talkMs', 'holdMs', 'wrapUpMs'] as const;
const AGENT_KEYS = ['offered', 'answered', 'rejected', 'timedOut', 'completed', 'talkMs', 'holdMs', 'wrapUpMs'] as const;
type QueueFigures = Record<(typeof QUEUE_KEYS)[number], number>;
type AgentFigures = Record<(typeof AGENT_KEYS)[number], number>;
type Figures = { completed: number; talkMs: number; holdMs: number; wrapUpMs: number };

/**
 * An independent replica built only from the event stream: what each item and agent should be,
 * checks of each offer at the moment it is made, and statistics recomputed the simple way.
 */
export class EventModel {
  readonly items = new Map<string, ModelItem>();
  readonly ended = new Set<string>();
  readonly offers = new Map<string, { itemId: string; agentId: string; channel: Channel }>();
  readonly agentState = new Map<string, string>();
  readonly load = new Map<string, Record<string, number>>();
  readonly violations: string[] = [];
  readonly queueFigures = new Map<string, QueueFigures>();
  readonly agentFigures = new Map<string, AgentFigures>();
  private readonly completedAt = new Map<string, number>();

  constructor(
    private readonly queues: QueueConfig[],
    private readonly agents: AgentConfig[],
  ) {}

  record(e: AcdEvent): void {
    const fail = (why: string): void => void this.violations.push(`${e.type} at ${e.at}: ${why}`);
    switch (e.type) {
      case 'queued':
        if (this.items.has(e.itemId) && this.items.get(e.itemId)?.phase !== 'moving') fail(`${e.itemId} queued twice`);
        this.items.set(e.itemId, { phase: 'waiting', queueId: e.queueId, channel: e.channel, offers: new Set(), queuedAt: e.at, holdMs: 0 });
        this.q(e.queueId).offered++;
        break;
      case 'refused':
        this.items.delete(e.itemId);
        this.ended.add(e.itemId);
        this.q(e.queueId).refused++;
        break;
      case 'offered': {
        const item = this.items.get(e.itemId);
        const cfg = this.agents.find((a) => a.id === e.agentId);
        const load = this.loadOf(e.agentId);
        const capacity = cfg?.capacity ?? { voice: 1, callback: 1 };
        if (this.agentState.get(e.agentId) !== 'ready') fail(`${e.agentId} is ${this.agentState.get(e.agentId)}`);
        if ((load[e.channel] ?? 0) >= (capacity[e.channel] ?? 0)) fail(`${e.agentId} at capacity for ${e.channel}`);
        if (cfg?.callBlocksOtherChannels !== false && CALLS.some((c) => (load[c] ?? 0) > 0)) fail(`${e.agentId} is on a call`);
        if (!item || item.phase === 'assigned' || item.phase === 'moving') fail(`${e.itemId} is ${item?.phase}`);
        const ringAll = this.queues.find((q) => q.id === e.queueId)?.strategy === 'ring-all';
        if (item && item.offers.size > 0 && !ringAll) fail(`${e.itemId} already ringing elsewhere`);
        if (item) {
          item.phase = 'offered';
          item.offers.add(e.offerId);
        }
        this.offers.set(e.offerId, { itemId: e.itemId, agentId: e.agentId, channel: e.channel });
        load[e.channel] = (load[e.channel] ?? 0) + 1;
        this.a(e.agentId).offered++;
        break;
      }
      case 'accepted': {
        const item = this.items.get(e.itemId);
        if (item?.phase !== 'offered') fail(`${e.itemId} accepted while ${item?.phase}`);
        this.offers.delete(e.offerId);
        if (item) {
          item.offers.delete(e.offerId);
          item.phase = 'assigned';
          item.acceptedAt = e.at;
          const wait = e.at - item.queuedAt;
          const q = this.q(e.queueId);
          q.answered++;
          q.answerWaitMs += wait;
          if (wait <= (this.cfg(e.queueId).serviceLevelMs ?? 20_000)) q.answeredWithinThreshold++;
        }
        this.a(e.agentId).answered++;
        break;
      }
      case 'rejected':
      case 'offer-timed-out':
      case 'offer-withdrawn': {
        const offer = this.offers.get(e.offerId);
        if (!offer) fail(`unknown offer ${e.offerId}`);
        this.offers.delete(e.offerId);
        const load = this.loadOf(e.agentId);
        if (offer) load[offer.channel] = (load[offer.channel] ?? 0) - 1;
        const item = this.items.get(e.itemId);
        if (item) {
          item.offers.delete(e.offerId);
          if (item.offers.size === 0 && item.phase === 'offered') item.phase = 'waiting';
        }
        if (e.type === 'rejected') this.a(e.agentId).rejected++;
        if (e.type === 'offer-timed-out') this.a(e.agentId).timedOut++;
        break;
      }
      case 'abandoned': {
        const item = this.items.get(e.itemId);
        if (!item || item.phase !== 'waiting') fail(`${e.itemId} abandoned while ${item?.phase}`);
        this.items.delete(e.itemId);
        this.ended.add(e.itemId);
        const q = this.q(e.queueId);
        q.abandoned++;
        if (item && e.at - item.queuedAt < (this.cfg(e.queueId).shortAbandonMs ?? 5_000)) q.shortAbandoned++;
        break;
      }
      case 'overflowed': {
        const item = this.items.get(e.itemId);
        if (!item || item.phase !== 'waiting') fail(`${e.itemId} overflowed while ${item?.phase}`);
        this.q(e.queueId).overflowed++;
        if (e.target.kind === 'queue' && item) item.phase = 'moving';
        else {
          this.items.delete(e.itemId);
          this.ended.add(e.itemId);
        }
        break;
      }
      case 'talk-started': {
        const item = this.items.get(e.itemId);
        if (item) item.talkFrom = e.at;
        break;
      }
      case 'held': {
        const item = this.items.get(e.itemId);
        if (item) item.holdFrom = e.at;
        break;
      }
      case 'resumed': {
        const item = this.items.get(e.itemId);
        if (item && item.holdFrom !== undefined) item.holdMs += e.at - item.holdFrom;
        if (item) item.holdFrom = undefined;
        break;
      }
      case 'completed': {
        const item = this.items.get(e.itemId);
        if (item?.phase !== 'assigned') fail(`${e.itemId} completed while ${item?.phase}`);
        if (!item) break;
        const holdMs = item.holdMs + (item.holdFrom !== undefined ? e.at - item.holdFrom : 0);
        const talkMs = Math.max(0, e.at - (item.talkFrom ?? item.acceptedAt ?? e.at) - holdMs);
        for (const f of [this.q(e.queueId), this.a(e.agentId)] as Figures[]) {
          f.completed++;
          f.talkMs += talkMs;
          f.holdMs += holdMs;
        }
        const load = this.loadOf(e.agentId);
        load[item.channel] = (load[item.channel] ?? 0) - 1;
        this.items.delete(e.itemId);
        this.ended.add(e.itemId);
        this.completedAt.set(e.itemId, e.at);
        break;
      }
      case 'wrap-up-ended': {
        const ms = e.at - (this.completedAt.get(e.itemId) ?? e.at);
        this.q(e.queueId).wrapUpMs += ms;
        this.a(e.agentId).wrapUpMs += ms;
        break;
      }
      case 'agent-state-changed':
        if ((this.agentState.get(e.agentId) ?? 'logged-out') !== e.from) fail(`${e.agentId} was ${this.agentState.get(e.agentId)}, event says ${e.from}`);
        this.agentState.set(e.agentId, e.to);
        break;
      default:
        break;
    }
  }

  /** What the random commands may pick from. */
  live(): { offers: string[]; items: string[]; assigned: string[] } {
    const all = [...this.items.entries()];
    return {
      offers: [...this.offers.keys()],
      items: all.filter(([, i]) => i.phase !== 'assigned').map(([id]) => id),
      assigned: all.filter(([, i]) => i.phase === 'assigned').map(([id]) => id),
    };
  }

  loadOf(agentId: string): Record<string, number> {
    let load = this.load.get(agentId);
    if (!load) this.load.set(agentId, (load = {}));
    return load;
  }

  private cfg(queueId: string): QueueConfig {
    return this.queues.find((q) => q.id === queueId) as QueueConfig;
  }

  private q(id: string): QueueFigures {
    let f = this.queueFigures.get(id);
    if (!f) this.queueFigures.set(id, (f = Object.fromEntries(QUEUE_KEYS.map((k) => [k, 0])) as QueueFigures));
    return f;
  }

  private a(id: string): AgentFigures {
    let f = this.agentFigures.get(id);
    if (!f) this.agentFigures.set(id, (f = Object.fromEntries(AGENT_KEYS.map((k) => [k, 0])) as AgentFigures));
    return f;
  }
}
