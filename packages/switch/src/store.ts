/**
 * What the switch writes as calls progress (CDR, legs, recordings, voicemail, callbacks, surveys,
 * the ACD's state) and what it reads at start. apps/server implements it over the database;
 * tests use `MemorySwitchStore`. Writes are awaited in order per call, so that a crash leaves the
 * rows of every call that had started, to be closed on restart by `closeInterrupted`.
 */
import type { CallOutcome, CallerListKind, LegRole } from '@rexian/contracts';

export interface CallFields {
  answeredAt: Date | null;
  endedAt: Date | null;
  outcome: CallOutcome;
  ivrPath: string[];
  digits: string;
  variables: Record<string, string>;
  callerList: CallerListKind | null;
  queueId: number | null;
  queueName: string | null;
  waitMs: number | null;
  ringMs: number | null;
  talkMs: number | null;
  holdMs: number;
  wrapUpMs: number | null;
  agentUserId: number | null;
  agentName: string | null;
  agentExtension: string | null;
  recordingId: number | null;
  endReason: string | null;
}

export interface CallStart {
  id: string;
  direction: 'inbound' | 'outbound' | 'internal';
  callerNumber: string;
  calledNumber: string;
  trunk: string | null;
  startedAt: Date;
}

export interface LegStart {
  id: string;
  callId: string;
  role: LegRole;
  peer: string;
  agentUserId: number | null;
  startedAt: Date;
}

export interface LegFields {
  answeredAt: Date | null;
  endedAt: Date | null;
  result: string | null;
  holdMs: number;
}

export interface SwitchStore {
  callStarted(call: CallStart): Promise<void>;
  callUpdated(callId: string, patch: Partial<CallFields>): Promise<void>;
  legStarted(leg: LegStart): Promise<void>;
  legUpdated(legId: string, patch: Partial<LegFields>): Promise<void>;
  /** Indexes a finished recording file; returns its id. */
  recordingSaved(recording: {
    callId: string; path: string; startedAt: Date; durationMs: number; bytes: number; agentUserId: number | null; callerNumber: string;
  }): Promise<number>;
  voicemailSaved(voicemail: {
    callId: string; callerNumber: string; queueId: number | null; reason: 'after-hours' | 'overflow' | 'ivr'; path: string; durationMs: number;
  }): Promise<void>;
  callbackRequested(callback: { callId: string; callerNumber: string; queueId: number | null; reason: 'abandoned' | 'overflow'; waitedMs: number }): Promise<void>;
  surveySaved(survey: { callId: string; agentUserId: number | null; score: number; question: string }): Promise<void>;
  /** The ACD's snapshot (agent states, waiting calls), saved after changes. */
  saveAcdState(snapshot: unknown): Promise<void>;
  loadAcdState(): Promise<unknown | undefined>;
  /** At start: closes calls and legs still `in-progress` (the server stopped during them). Returns how many calls. */
  closeInterrupted(at: Date): Promise<number>;
}
