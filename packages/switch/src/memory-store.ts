/** A SwitchStore in memory, for tests and tools that run the switch without a database. */
import type { CallFields, CallStart, LegFields, LegStart, SwitchStore } from './store';

export interface StoredCall extends CallStart, Partial<CallFields> {
  legs: (LegStart & Partial<LegFields>)[];
}

export class MemorySwitchStore implements SwitchStore {
  readonly calls = new Map<string, StoredCall>();
  readonly recordings: { id: number; callId: string; path: string; durationMs: number; bytes: number }[] = [];
  readonly voicemails: { callId: string; path: string; durationMs: number; reason: string }[] = [];
  readonly callbacks: { callId: string; callerNumber: string; reason: string }[] = [];
  readonly surveys: { callId: string; score: number }[] = [];
  acdState: unknown;

  async callStarted(call: CallStart): Promise<void> {
    this.calls.set(call.id, { ...call, outcome: 'in-progress', legs: [] });
  }
  async callUpdated(callId: string, patch: Partial<CallFields>): Promise<void> {
    const call = this.calls.get(callId);
    if (call) Object.assign(call, patch);
  }
  async legStarted(leg: LegStart): Promise<void> {
    this.calls.get(leg.callId)?.legs.push({ ...leg });
  }
  async legUpdated(legId: string, patch: Partial<LegFields>): Promise<void> {
    for (const call of this.calls.values()) {
      const leg = call.legs.find((l) => l.id === legId);
      if (leg) Object.assign(leg, patch);
    }
  }
  async recordingSaved(recording: { callId: string; path: string; durationMs: number; bytes: number }): Promise<number> {
    const id = this.recordings.length + 1;
    this.recordings.push({ id, ...recording });
    return id;
  }
  async voicemailSaved(voicemail: { callId: string; path: string; durationMs: number; reason: string }): Promise<void> {
    this.voicemails.push(voicemail);
  }
  async callbackRequested(callback: { callId: string; callerNumber: string; reason: string }): Promise<void> {
    this.callbacks.push(callback);
  }
  async surveySaved(survey: { callId: string; score: number }): Promise<void> {
    this.surveys.push(survey);
  }
  async saveAcdState(snapshot: unknown): Promise<void> {
    this.acdState = structuredClone(snapshot);
  }
  async loadAcdState(): Promise<unknown> {
    return this.acdState;
  }
  async closeInterrupted(at: Date): Promise<number> {
    let closed = 0;
    for (const call of this.calls.values()) {
      if (call.outcome !== 'in-progress') continue;
      Object.assign(call, { outcome: 'interrupted', endedAt: at });
      closed++;
    }
    return closed;
  }
}
