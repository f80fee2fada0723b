import { clip16, FRAME_SAMPLES, InvalidStateError } from '../frames.js';
import { MixerParty, PartyRole } from './mixer-party.js';

/** Options of a party joining a mix. */
export interface PartyOptions {
  /** Default `PartyRole.Participant`. */
  role?: PartyRole;
  /** With `PartyRole.Whisper`: the ids of the parties who hear the whisperer (usually the agent). */
  whisperTo?: Iterable<string>;
}

/**
 * An N-party mixer where each party hears the sum of the parties audible to it, never itself.
 *
 * Per 20 ms tick: every party's `input(frame)` (a party that gave none is silent), then `tick()`,
 * then each party's `output()`. In a worker's tick loop that is: each session sends its party's
 * `output()` (or `party.source`) and writes what it received into `input()` (or `party.sink`); after
 * all sessions, `mixer.tick()`. Outputs are then one tick (20 ms) behind inputs, the same for all. The sum of the publicly audible parties (participants and barge-in)
 * is computed once; each listener's frame is that sum minus its own contribution plus any whisper
 * aimed at it, so a tick costs O(parties × 160), not O(parties²). All buffers are allocated once.
 * Sums are clipped to int16 (saturation) rather than wrapping, which would turn loud talk into noise.
 */
export class Mixer {
  private readonly parties = new Map<string, MixerParty>();
  private readonly publicSum = new Int32Array(FRAME_SAMPLES);
  private readonly scratch = new Int32Array(FRAME_SAMPLES);
  private readonly outputs = new Map<string, Int16Array>();
  /** The parties as an array too, so the per-tick loops allocate no iterators. */
  private list: MixerParty[] = [];
  private readonly whisperers: MixerParty[] = [];
  private closed = false;

  /** Adds a party; its id must be new. */
  addParty(id: string, options: PartyOptions = {}): MixerParty {
    if (this.closed) throw new InvalidStateError('mixer is closed');
    if (this.parties.has(id)) throw new RangeError(`party ${id} is already in the mix`);
    const party = new MixerParty(id, options.role ?? PartyRole.Participant, options.whisperTo ?? []);
    this.parties.set(id, party);
    this.list.push(party);
    this.outputs.set(id, party.outputFrame);
    return party;
  }

  /** Removes a party (hang-up); unknown ids are ignored. */
  removeParty(id: string): void {
    this.parties.delete(id);
    this.outputs.delete(id);
    this.list = this.list.filter((p) => p.id !== id);
  }

  party(id: string): MixerParty | undefined {
    return this.parties.get(id);
  }

  get size(): number {
    return this.parties.size;
  }

  /** Changes a party's role on the fly (listen → whisper → barge); takes effect at the next tick. */
  setRole(id: string, role: PartyRole, whisperTo: Iterable<string> = []): void {
    const party = this.parties.get(id);
    if (party === undefined) throw new RangeError(`party ${id} is not in the mix`);
    party.role = role;
    party.whisperTo = new Set(whisperTo);
  }

  /** Mixes this tick's inputs into every party's output, then marks all inputs as consumed. */
  tick(): void {
    if (this.closed) return;
    const sum = this.publicSum;
    const whisperers = this.whisperers;
    sum.fill(0);
    whisperers.length = 0;
    for (const p of this.list) {
      if (!p.hasInput) continue;
      if (p.role === PartyRole.Whisper) whisperers.push(p);
      if (!p.isHeardByAll) continue;
      const input = p.inputFrame;
      for (let i = 0; i < FRAME_SAMPLES; i++) sum[i] = (sum[i] ?? 0) + (input[i] ?? 0);
    }
    const acc = this.scratch;
    for (const listener of this.list) {
      acc.set(sum);
      if (listener.hasInput && listener.isHeardByAll) {
        const own = listener.inputFrame;
        for (let i = 0; i < FRAME_SAMPLES; i++) acc[i] = (acc[i] ?? 0) - (own[i] ?? 0);
      }
      for (const whisperer of whisperers) {
        if (whisperer === listener || !whisperer.whisperTo.has(listener.id)) continue;
        const w = whisperer.inputFrame;
        for (let i = 0; i < FRAME_SAMPLES; i++) acc[i] = (acc[i] ?? 0) + (w[i] ?? 0);
      }
      const out = listener.outputFrame;
      for (let i = 0; i < FRAME_SAMPLES; i++) out[i] = clip16(acc[i] ?? 0);
    }
    for (const p of this.list) p.hasInput = false;
  }

  /** Convenience for one tick: inputs by party id (missing = silence) → outputs by party id (reused). */
  mix(inputs: ReadonlyMap<string, Int16Array>): ReadonlyMap<string, Int16Array> {
    for (const [id, frame] of inputs) this.parties.get(id)?.input(frame);
    this.tick();
    return this.outputs;
  }

  /** Drops every party; safe twice. A closed mixer accepts no new party. */
  close(): void {
    this.closed = true;
    this.parties.clear();
    this.outputs.clear();
    this.list = [];
  }
}
