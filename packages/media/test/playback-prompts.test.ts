import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PromptCache } from '../src/playback/prompt-cache.js';
import { PromptPlayer } from '../src/playback/prompt-player.js';
import { NoTextToSpeechError } from '../src/playback/playlist.js';
import { EspeakTextToSpeech } from '../src/tts/espeak-text-to-speech.js';
import { toneLevel, rmsLevel } from '../src/tones/level-meter.js';
import { WavFormatError } from '../src/wav/wav-format-error.js';

const fixture = (name: string): string => join(import.meta.dirname, 'fixtures', 'wav', name);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rexian-play-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** All frames of a player concatenated (bounded). */
function playAll(player: PromptPlayer, maxFrames = 2000): Int16Array {
  const out: number[] = [];
  for (let i = 0; i < maxFrames; i++) {
    const f = player.nextFrame();
    if (!f) break;
    out.push(...f);
  }
  return Int16Array.from(out);
}

describe('prompt playback', () => {
  it('plays a 16 kHz WAV prompt as 8 kHz frames of the same tone and length', async () => {
    const player = await PromptPlayer.load([{ kind: 'file', path: fixture('tone-1k-pcm16-16k.wav') }], { cache: new PromptCache() });
    const audio = playAll(player);
    expect(audio.length).toBe(15 * 160); // 300 ms
    expect(toneLevel(audio.subarray(400, 2000), 1000)).toBeGreaterThan(15000);
  });

  it('300 calls playing the same prompt share one decoded buffer', async () => {
    const cache = new PromptCache();
    const path = fixture('tone-1k-ulaw-8k.wav');
    const players = await Promise.all(Array.from({ length: 300 }, () => PromptPlayer.load([{ kind: 'file', path }], { cache })));
    expect(cache.decodeCount).toBe(1);
    expect(cache.size).toBe(1);
    const first = players[0]?.nextFrame()?.slice();
    expect(players[299]?.nextFrame()).toEqual(first);
  });

  it('picks up a prompt replaced on disk (new modification time) without a restart', async () => {
    const cache = new PromptCache();
    const path = join(dir, 'greeting.wav');
    copyFileSync(fixture('tone-1k-pcm8-8k.wav'), path);
    const before = await cache.load(path);
    copyFileSync(fixture('tone-1k-pcm16-16k.wav'), path);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    const after = await cache.load(path);
    expect(after).not.toBe(before);
    expect(cache.decodeCount).toBe(2);
    expect(cache.size).toBe(1); // the stale entry is dropped
  });

  it('keeps decoded prompts within its byte budget, dropping the least recently used', async () => {
    const cache = new PromptCache({ maxBytes: 10_000 }); // each fixture decodes to 2400 samples = 4800 bytes
    const a = fixture('tone-1k-ulaw-8k.wav');
    const b = fixture('tone-1k-alaw-8k.wav');
    const c = fixture('tone-1k-pcm8-8k.wav');
    await cache.load(a);
    await cache.load(b);
    await cache.load(a); // a is now the most recently used
    await cache.load(c);
    expect(cache.heldBytes).toBe(9600);
    expect(cache.size).toBe(2);
    await cache.load(a);
    expect(cache.decodeCount).toBe(3); // a stayed cached
    await cache.load(b);
    expect(cache.decodeCount).toBe(4); // b had been dropped
  });

  it('fails to load a playlist holding a broken WAV, naming the file', async () => {
    const path = join(dir, 'broken.wav');
    writeFileSync(path, 'RIFF....WAVEjunk');
    await expect(PromptPlayer.load([{ kind: 'file', path }], { cache: new PromptCache() })).rejects.toThrow(WavFormatError);
    await expect(PromptPlayer.load([{ kind: 'file', path }], { cache: new PromptCache() })).rejects.toThrow(path);
  });

  it('speaks a TTS item of a playlist in Chinese, between a tone and silence', async () => {
    const tts = new EspeakTextToSpeech({ cacheDir: join(dir, 'tts') });
    const player = await PromptPlayer.load(
      [{ kind: 'tone', frequencies: [425], ms: 200 }, { kind: 'tts', text: '请按1', voice: 'cmn-latn-pinyin' }, { kind: 'silence', ms: 200 }],
      { tts, cache: new PromptCache() },
    );
    const audio = playAll(player);
    expect(audio.length).toBeGreaterThan(8000 * 0.6);
    expect(toneLevel(audio.subarray(0, 1600), 425)).toBeGreaterThan(7000);
    expect(rmsLevel(audio.subarray(1600, audio.length - 1600))).toBeGreaterThan(200);
    expect(rmsLevel(audio.subarray(audio.length - 1600))).toBe(0);
  });

  it('refuses a TTS item when no engine is configured', async () => {
    await expect(PromptPlayer.load([{ kind: 'tts', text: '你好' }])).rejects.toThrow(NoTextToSpeechError);
  });
});
