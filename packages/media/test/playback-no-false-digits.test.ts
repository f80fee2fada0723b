import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InbandDtmfDetector } from '../src/dtmf/inband-dtmf-detector.js';
import { loadMusicOnHold } from '../src/playback/music-on-hold.js';
import { PromptCache } from '../src/playback/prompt-cache.js';
import { PromptPlayer } from '../src/playback/prompt-player.js';
import { EspeakTextToSpeech } from '../src/tts/espeak-text-to-speech.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rexian-nodigit-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Digits an in-band detector hears in up to `maxFrames` frames of `player`. */
function digitsHeard(player: PromptPlayer, maxFrames: number): string[] {
  const digits: string[] = [];
  const detector = new InbandDtmfDetector((d) => digits.push(d));
  for (let i = 0; i < maxFrames; i++) {
    const frame = player.nextFrame();
    if (!frame) break;
    detector.process(frame);
  }
  return digits;
}

describe('what we play does not sound like keys pressed', () => {
  it('the generated music on hold (two full loops) triggers no in-band DTMF digit', async () => {
    expect(digitsHeard(await loadMusicOnHold(), 500)).toEqual([]);
  });

  it('a synthesized Chinese prompt triggers no in-band DTMF digit', async () => {
    const tts = new EspeakTextToSpeech({ cacheDir: dir });
    const player = await PromptPlayer.load([{ kind: 'tts', text: '您好，请输入您的卡号，以井号键结束。' }], { tts, cache: new PromptCache() });
    expect(digitsHeard(player, 1000)).toEqual([]);
  });
});
