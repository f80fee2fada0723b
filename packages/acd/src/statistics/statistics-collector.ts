import type { AcdEvent } from '../events';
import type { AgentCounters, AgentStatistics, QueueCounters, QueueStatistics } from './statistics-types';

export interface StatisticsSnapshot {
  queues: Record<string, QueueCounters>;
  agents: Record<string, AgentCounters>;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

function newQueue(): QueueCounters {
  return { offered: 0, answered: 0, answeredWithinThreshold: 0, abandoned: 0, shortAbandoned: 0, overflowed: 0, refused: 0, answerWaitMs: 0, waitMs: 0, waits: 0, completed: 0, talkMs: 0, holdMs: 0, wrapUpMs: 0 };
}

function newAgent(): AgentCounters {
  return { offered: 0, answered: 0, rejected: 0, timedOut: 0, completed: 0, talkMs: 0, holdMs: 0, wrapUpMs: 0, stateMs: {}, state: 'logged-out', since: 0 };
}

/**
 * Per-queue and per-agent figures, computed only from the event stream (one place for the
 * wallboard and reports). Feed it every event with record().
 */
export class StatisticsCollector {
  private queues = new Map<string, QueueCounters>();
  private agents = new Map<string, AgentCounters>();

  record(event: AcdEvent): void {
    switch (event.type) {
      case 'queued':
        this.queue(event.queueId).offered++;
        break;
      case 'refused':
        this.queue(event.queueId).refused++;
        break;
      case 'offered':
        this.agent(event.agentId).offered++;
        break;
      case 'accepted': {
        const q = this.queue(event.queueId);
        q.answered++;
        if (event.withinServiceLevel) q.answeredWithinThreshold++;
        q.answerWaitMs += event.waitMs;
        q.waitMs += event.waitMs;
        q.waits++;
        this.agent(event.agentId).answered++;
        break;
      }
      case 'rejected':
        this.agent(event.agentId).rejected++;
        break;
      case 'offer-timed-out':
        this.agent(event.agentId).timedOut++;
        break;
      case 'abandoned': {
        const q = this.queue(event.queueId);
        q.abandoned++;
        if (event.short) q.shortAbandoned++;
        q.waitMs += event.waitMs;
        q.waits++;
        break;
      }
      case 'overflowed': {
        const q = this.queue(event.queueId);
        q.overflowed++;
        q.waitMs += event.waitMs;
        q.waits++;
        break;
      }
      case 'completed': {
        for (const c of [this.queue(event.queueId), this.agent(event.agentId)]) {
          c.completed++;
          c.talkMs += event.talkMs;
          c.holdMs += event.holdMs;
        }
        break;
      }
      case 'wrap-up-ended':
        this.queue(event.queueId).wrapUpMs += event.wrapUpMs;
        this.agent(event.agentId).wrapUpMs += event.wrapUpMs;
        break;
      case 'agent-state-changed': {
        const a = this.agent(event.agentId);
        a.stateMs[event.from] = (a.stateMs[event.from] ?? 0) + event.durationMs;
        a.state = event.to;
        a.since = event.at;
        break;
      }
      default:
        break;
    }
  }

  queueStatistics(queueId: string): QueueStatistics {
    const q = this.queues.get(queueId) ?? newQueue();
    return {
      ...q,
      serviceLevel: ratio(q.answeredWithinThreshold, q.answered),
      serviceLevelWithAbandons: ratio(q.answeredWithinThreshold, q.answered + q.abandoned - q.shortAbandoned),
      asaMs: ratio(q.answerWaitMs, q.answered),
      averageWaitMs: ratio(q.waitMs, q.waits),
      ahtMs: ratio(q.talkMs + q.holdMs + q.wrapUpMs, q.completed),
    };
  }

  /** `now` closes the current state's interval for occupancy. */
  agentStatistics(agentId: string, now: number): AgentStatistics {
    const a = this.agents.get(agentId) ?? newAgent();
    const stateMs = { ...a.stateMs, [a.state]: (a.stateMs[a.state] ?? 0) + Math.max(0, now - a.since) };
    const working = (stateMs['ready'] ?? 0) + (stateMs['wrap-up'] ?? 0);
    return {
      ...a,
      stateMs,
      loggedInMs: Object.entries(stateMs).reduce((sum, [state, ms]) => (state === 'logged-out' ? sum : sum + ms), 0),
      ahtMs: ratio(a.talkMs + a.holdMs + a.wrapUpMs, a.completed),
      occupancy: ratio(a.talkMs + a.holdMs + a.wrapUpMs, working),
    };
  }

  snapshot(): StatisticsSnapshot {
    const copy = <T>(m: Map<string, T>): Record<string, T> => structuredClone(Object.fromEntries(m));
    return { queues: copy(this.queues), agents: copy(this.agents) };
  }

  restore(snapshot: StatisticsSnapshot): void {
    this.queues = new Map(Object.entries(structuredClone(snapshot.queues)));
    this.agents = new Map(Object.entries(structuredClone(snapshot.agents)));
  }

  private queue(id: string): QueueCounters {
    let q = this.queues.get(id);
    if (!q) this.queues.set(id, (q = newQueue()));
    return q;
  }

  private agent(id: string): AgentCounters {
    let a = this.agents.get(id);
    if (!a) this.agents.set(id, (a = newAgent()));
    return a;
  }
}
