import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PCMU } from '../src/codecs/codec.js';
import { InbandDtmfDetector } from '../src/dtmf/inband-dtmf-detector.js';
import { PromptPlayer } from '../src/playback/prompt-player.js';
import { CallRecorder } from '../src/recording/call-recorder.js';
import { ToneGenerator } from '../src/tones/tone-generator.js';
import { rmsLevel, toneLevel } from '../src/tones/level-meter.js';
import { decodeWavChannels } from '../src/wav/wav-reader.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rexian-barge-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A frame through the wire and back: µ-law encode then decode, as RTP carries it. */
function overPcmu(frame: Int16Array): Int16Array {
  return PCMU.decode(PCMU.encode(frame, new Uint8Array(160)), new Int16Array(160));
}

describe('a caller barging into a prompt (frames, as a media session drives them)', () => {
  it('the first in-band digit stops the prompt; the recording shows prompt then silence on the agent side', async () => {
    // IVR plays a 3 s, 600 Hz prompt with barge-in; after 500 ms of silence the caller presses 5 (770 + 1336 Hz) for 100 ms.
    const player = await PromptPlayer.load([{ kind: 'tone', frequencies: [600], ms: 3000 }], { stopOnDigit: true });
    const digits: string[] = [];
    const detector = new InbandDtmfDetector((d) => {
      digits.push(d);
      player.handleDigit(d);
    });
    const key = new ToneGenerator({ frequencies: [770, 1336], amplitude: 5000, durationMs: 100 });
    const recorder = CallRecorder.open(join(dir, 'ivr.wav'));
    for (let tick = 0; tick < 75; tick++) {
      const sent = player.nextFrame(); // what the session sends this tick
      const received = tick >= 25 ? (key.nextFrame() ?? new Int16Array(160)) : new Int16Array(160);
      const decoded = overPcmu(received);
      detector.process(decoded);
      recorder.writeTick(decoded, sent ? overPcmu(sent) : undefined);
    }
    await recorder.close();
    expect(digits).toEqual(['5']);
    expect(await player.ended).toEqual({ reason: 'barged-in', digit: '5' });
    const [caller = new Int16Array(0), agent = new Int16Array(0)] = decodeWavChannels(readFileSync(join(dir, 'ivr.wav')));
    expect(agent.length).toBe(75 * 160);
    expect(toneLevel(agent.subarray(0, 4000), 600)).toBeCloseTo(8000, -2); // the prompt played…
    expect(rmsLevel(agent.subarray(40 * 160))).toBe(0); // …and stopped within a few ticks of the key (tick 25)
    expect(toneLevel(caller.subarray(25 * 160, 30 * 160), 770)).toBeGreaterThan(4500);
  });
});
