/**
 * The switch's records in the database: it writes CDRs, legs, recordings, voicemail, callbacks and
 * surveys through this store as calls progress, and saves the ACD's snapshot. Plain inserts and
 * updates, awaited in order by the switch, so a crash leaves every started call to be closed on
 * the next start (`closeInterrupted`).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { CallFields, CallStart, LegFields, LegStart, SwitchStore } from '@rexian/switch';
import type { Db } from '../../db/database';
import { callbacks, callLegs, calls, recordings, surveys, switchState, voicemails } from '../../db/schema';

const ACD_STATE_KEY = 'acd';

/** Drops keys whose value is undefined: a patch names only what changed. */
function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export class DatabaseSwitchStore implements SwitchStore {
  constructor(private readonly db: Db) {}

  async callStarted(call: CallStart): Promise<void> {
    await this.db.insert(calls).values({ ...call, outcome: 'in-progress' });
  }

  async callUpdated(callId: string, patch: Partial<CallFields>): Promise<void> {
    const set = defined(patch);
    if (Object.keys(set).length === 0) return;
    await this.db.update(calls).set(set).where(eq(calls.id, callId));
  }

  async legStarted(leg: LegStart): Promise<void> {
    await this.db.insert(callLegs).values(leg);
  }

  async legUpdated(legId: string, patch: Partial<LegFields>): Promise<void> {
    const set = defined(patch);
    if (Object.keys(set).length === 0) return;
    await this.db.update(callLegs).set(set).where(eq(callLegs.id, legId));
  }

  async recordingSaved(recording: Parameters<SwitchStore['recordingSaved']>[0]): Promise<number> {
    const [row] = await this.db.insert(recordings).values(recording).returning({ id: recordings.id });
    return row!.id;
  }

  async voicemailSaved(voicemail: Parameters<SwitchStore['voicemailSaved']>[0]): Promise<void> {
    await this.db.insert(voicemails).values(voicemail);
  }

  async callbackRequested(callback: Parameters<SwitchStore['callbackRequested']>[0]): Promise<void> {
    await this.db.insert(callbacks).values(callback);
  }

  async surveySaved(survey: Parameters<SwitchStore['surveySaved']>[0]): Promise<void> {
    await this.db.insert(surveys).values(survey);
  }

  async saveAcdState(snapshot: unknown): Promise<void> {
    const updatedAt = new Date();
    await this.db.insert(switchState).values({ key: ACD_STATE_KEY, value: snapshot, updatedAt })
      .onConflictDoUpdate({ target: switchState.key, set: { value: snapshot, updatedAt } });
  }

  async loadAcdState(): Promise<unknown | undefined> {
    const [row] = await this.db.select().from(switchState).where(eq(switchState.key, ACD_STATE_KEY));
    return row?.value;
  }

  /** Calls still `in-progress` at start were cut off when the server stopped: closed as `interrupted`. */
  async closeInterrupted(at: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      const closed = await tx.update(calls)
        .set({ outcome: 'interrupted', endedAt: at, endReason: 'server-stopped' })
        .where(eq(calls.outcome, 'in-progress'))
        .returning({ id: calls.id });
      if (closed.length > 0) {
        await tx.update(callLegs).set({ endedAt: at, result: 'interrupted' })
          .where(and(inArray(callLegs.callId, closed.map((c) => c.id)), isNull(callLegs.endedAt)));
      }
      return closed.length;
    });
  }
}
