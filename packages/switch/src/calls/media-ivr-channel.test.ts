import { describe, expect, it } from 'vitest';
import type { MediaSessionHandle, SessionEvent } from '@rexian/media';
import { MediaIvrChannel } from './media-ivr-channel';

/** A media session that plays nothing; the test says which events the worker reports, in order. */
function fakeSession() {
  const listeners = new Set<(event: SessionEvent) => void>();
  let onPlay: () => void = () => {};
  const session = {
    on: (listener: (event: SessionEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    play: async () => queueMicrotask(onPlay),
  } as unknown as MediaSessionHandle;
  const emit = (...events: SessionEvent[]) => events.forEach((event) => listeners.forEach((l) => l(event)));
  return { session, emit, whenPlaying: (then: () => void) => (onPlay = then) };
}

const hooks = { transfer: async () => 'failed' as const, recordingPath: () => '/tmp/x.wav', leaveVoicemail: async () => {}, saveSurvey: async () => {} };
const key = (digit: string): SessionEvent => ({ type: 'dtmf', digit, source: 'rfc4733' });
const barged = (digit: string): SessionEvent => ({ type: 'playback-finished', reason: 'barged-in', digit });

describe('the IVR channel over a media session', () => {
  for (const order of ['key first', 'prompt end first'] as const) {
    it(`counts the key that stopped a prompt once (${order})`, async () => {
      const { session, emit, whenPlaying } = fakeSession();
      const channel = new MediaIvrChannel(session, new AbortController().signal, hooks);
      whenPlaying(() => (order === 'key first' ? emit(key('2'), barged('2')) : emit(barged('2'), key('2'))));
      const played = await channel.play([{ kind: 'silence', ms: 1000 }], { bargeIn: true });
      expect(played.digit).toBe('2');
      setTimeout(() => emit(key('0'), key('#')), 10);
      const input = await channel.collect({ maxDigits: 8, terminator: '#', firstDigitTimeoutMs: 500, interDigitTimeoutMs: 500, initial: played.digit });
      expect(input).toEqual({ digits: '20', reason: 'terminator' });
    });
  }

  it('drops keys pressed during a prompt that cannot be interrupted', async () => {
    const { session, emit, whenPlaying } = fakeSession();
    const channel = new MediaIvrChannel(session, new AbortController().signal, hooks);
    whenPlaying(() => emit(key('5'), { type: 'playback-finished', reason: 'completed' }));
    expect(await channel.play([{ kind: 'silence', ms: 1000 }], { bargeIn: false })).toEqual({});
    expect(await channel.collect({ maxDigits: 1, firstDigitTimeoutMs: 50, interDigitTimeoutMs: 50 })).toEqual({ digits: '', reason: 'timeout' });
  });

  it('ends a wait for keys when the caller hangs up', async () => {
    const { session } = fakeSession();
    const hangup = new AbortController();
    const channel = new MediaIvrChannel(session, hangup.signal, hooks);
    setTimeout(() => hangup.abort(), 10);
    await expect(channel.collect({ maxDigits: 4, firstDigitTimeoutMs: 5000, interDigitTimeoutMs: 5000 })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
