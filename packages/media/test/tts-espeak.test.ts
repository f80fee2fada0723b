import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { DEFAULT_ESPEAK_VOICE, EspeakTextToSpeech } from '../src/tts/espeak-text-to-speech.js';
import { TtsFailedError, TtsUnavailableError } from '../src/tts/text-to-speech.js';
import { rmsLevel } from '../src/tones/level-meter.js';
import { decodeWav } from '../src/wav/wav-reader.js';

const GREETING = '您好，欢迎致电热线服务中心。'; // 13 syllables

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'rexian-tts-'));
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('espeak-ng text-to-speech', () => {
  it('reads Chinese characters in Mandarin with the default voice, not as pinyin spelled in English', () => {
    // espeak-ng -x prints the phonemes, marking a switch to English as "(en)".
    const phonemes = (voice: string) => spawnSync('espeak-ng', ['-v', voice, '-q', '-x', '您好，欢迎致电热线，余额一百元'], { encoding: 'utf8' }).stdout;
    expect(phonemes(DEFAULT_ESPEAK_VOICE)).not.toContain('(en)');
  });

  it('speaks Chinese text as non-silent 8 kHz audio of plausible length', async () => {
    const tts = new EspeakTextToSpeech({ cacheDir });
    const path = await tts.synthesize(GREETING, { voice: DEFAULT_ESPEAK_VOICE });
    const audio = decodeWav(readFileSync(path));
    expect(audio.sampleRate).toBe(8000);
    expect(audio.source.channels).toBe(1);
    const seconds = audio.samples.length / 8000;
    expect(seconds).toBeGreaterThan(13 * 0.12); // faster than ~8 syllables/s is not speech
    expect(seconds).toBeLessThan(13 * 0.8);
    expect(rmsLevel(audio.samples)).toBeGreaterThan(300);
  });

  it('generates a prompt once: a second call, and a new instance on the same cache, start no process', async () => {
    const tts = new EspeakTextToSpeech({ cacheDir });
    const first = await tts.synthesize(GREETING);
    const second = await tts.synthesize(GREETING);
    expect(second).toBe(first);
    expect(tts.synthesisCount).toBe(1);
    const restarted = new EspeakTextToSpeech({ cacheDir });
    expect(await restarted.synthesize(GREETING)).toBe(first);
    expect(restarted.synthesisCount).toBe(0);
  });

  it('shares one synthesis between concurrent requests for the same text, and separates voices', async () => {
    const tts = new EspeakTextToSpeech({ cacheDir });
    const paths = await Promise.all([tts.synthesize('请稍候'), tts.synthesize('请稍候'), tts.synthesize('请稍候')]);
    expect(new Set(paths).size).toBe(1);
    expect(tts.synthesisCount).toBe(1);
    const english = await tts.synthesize('请稍候', { voice: 'en' });
    expect(english).not.toBe(paths[0]);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says clearly when espeak-ng is not installed', async () => {
    const tts = new EspeakTextToSpeech({ cacheDir, binary: 'espeak-ng-not-installed-here' });
    await expect(tts.synthesize('你好')).rejects.toThrow(TtsUnavailableError);
    await expect(tts.synthesize('你好')).rejects.toThrow(/not installed/);
  });

  it('reports an unknown voice as a failed synthesis and caches nothing', async () => {
    const tts = new EspeakTextToSpeech({ cacheDir });
    await expect(tts.synthesize('你好', { voice: 'qqq' })).rejects.toThrow(TtsFailedError);
    expect(readdirSync(cacheDir)).toEqual([]);
    await expect(tts.synthesize('   ')).rejects.toThrow(RangeError);
  });
});

describe('espeak-ng text-to-speech under load', () => {
  it('runs at most maxConcurrent processes at once and still answers every request', async () => {
    // A wrapper that logs "+" on start and "-" when it hands over to espeak-ng, 100 ms later.
    const log = join(cacheDir, 'runs.log');
    const wrapper = join(cacheDir, 'espeak-wrapper.sh');
    writeFileSync(wrapper, `#!/bin/sh\necho + >> ${log}\nsleep 0.1\necho - >> ${log}\nexec espeak-ng "$@"\n`, { mode: 0o755 });
    const tts = new EspeakTextToSpeech({ cacheDir: join(cacheDir, 'cache'), binary: wrapper, maxConcurrent: 2 });
    const paths = await Promise.all(['一', '二', '三', '四', '五'].map((t) => tts.synthesize(t)));
    expect(new Set(paths).size).toBe(5);
    let depth = 0;
    let deepest = 0;
    for (const mark of readFileSync(log, 'utf8').trim().split('\n')) {
      depth += mark === '+' ? 1 : -1;
      deepest = Math.max(deepest, depth);
    }
    expect(deepest).toBe(2);
  });

  it('kills a synthesis that hangs and reports it as failed', async () => {
    const wrapper = join(cacheDir, 'hang.sh');
    writeFileSync(wrapper, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    const tts = new EspeakTextToSpeech({ cacheDir: join(cacheDir, 'cache'), binary: wrapper, timeoutMs: 200 });
    const started = Date.now();
    await expect(tts.synthesize('你好')).rejects.toThrow(/SIGKILL/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports output that is not a WAV as a failed synthesis', async () => {
    const wrapper = join(cacheDir, 'garbage.sh');
    writeFileSync(wrapper, '#!/bin/sh\necho not-a-wav\n', { mode: 0o755 });
    const tts = new EspeakTextToSpeech({ cacheDir: join(cacheDir, 'cache'), binary: wrapper });
    await expect(tts.synthesize('你好')).rejects.toThrow(TtsFailedError);
  });
});
