import { describe, expect, it, vi } from 'vitest';
import { InvalidStateError } from '../frames.js';
import { PlayerState, PromptPlayer } from './prompt-player.js';
import { loadMusicOnHold } from './music-on-hold.js';
import { rmsLevel } from '../tones/level-meter.js';

const clip = (length: number, value: number): Int16Array => new Int16Array(length).fill(value);

/** Pulls until the player ends (bounded), returning each frame's first sample. */
function drain(player: PromptPlayer, max = 1000): number[] {
  const firsts: number[] = [];
  for (let i = 0; i < max; i++) {
    const frame = player.nextFrame();
    if (frame === undefined) break;
    firsts.push(frame[0] ?? NaN);
  }
  return firsts;
}

describe('PromptPlayer', () => {
  it('plays items in order, each starting on a frame boundary, and reports each item and the end', async () => {
    const items: number[] = [];
    const onFinished = vi.fn();
    const player = await PromptPlayer.load(
      [{ kind: 'samples', samples: clip(200, 1) }, { kind: 'silence', ms: 40 }, { kind: 'samples', samples: clip(160, 3) }],
      { onItemFinished: (i) => items.push(i), onFinished },
    );
    expect(drain(player)).toEqual([1, 1, 0, 0, 3]); // 200 samples = 2 frames, the second padded
    expect(items).toEqual([0, 1, 2]);
    expect(onFinished).toHaveBeenCalledExactlyOnceWith({ reason: 'completed' });
    expect(player.state).toBe(PlayerState.Finished);
    expect(await player.ended).toEqual({ reason: 'completed' });
  });

  it('pads the last frame of an item with silence, not with the next item', async () => {
    const player = await PromptPlayer.load([{ kind: 'samples', samples: clip(170, 5) }]);
    player.nextFrame();
    const second = player.nextFrame();
    expect(Array.from(second?.subarray(0, 12) ?? [])).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0]);
  });

  it('barge-in: with stopOnDigit the first digit stops the prompt at once', async () => {
    const player = await PromptPlayer.load([{ kind: 'tone', frequencies: [425], ms: 2000 }], { stopOnDigit: true });
    expect(player.nextFrame()).toBeDefined();
    expect(player.handleDigit('5')).toBe(true);
    expect(player.nextFrame()).toBeUndefined();
    expect(player.handleDigit('6')).toBe(false);
    expect(await player.ended).toEqual({ reason: 'barged-in', digit: '5' });
  });

  it('without stopOnDigit a digit does not interrupt the prompt', async () => {
    const player = await PromptPlayer.load([{ kind: 'silence', ms: 100 }]);
    expect(player.handleDigit('1')).toBe(false);
    expect(drain(player)).toHaveLength(5);
  });

  it('loops when asked (music on hold) and a throwing listener does not break playback', async () => {
    const player = new PromptPlayer([clip(160, 1), clip(160, 2)], {
      loop: true,
      onItemFinished: () => {
        throw new Error('listener bug');
      },
    });
    expect(drain(player, 5)).toEqual([1, 2, 1, 2, 1]);
    player.stop();
    expect(player.nextFrame()).toBeUndefined();
    player.close();
    player.close();
    expect(() => player.stop()).toThrow(InvalidStateError);
  });

  it('generated music on hold never ends and is audible but soft', async () => {
    const hold = await loadMusicOnHold();
    const frames = drain(hold, 500); // 10 s, longer than the melody
    expect(frames).toHaveLength(500);
    const all = new Int16Array(500 * 160);
    const again = await loadMusicOnHold();
    for (let i = 0; i < 500; i++) all.set(again.nextFrame() ?? new Int16Array(160), i * 160);
    expect(rmsLevel(all)).toBeGreaterThan(300);
    expect(all.reduce((peak, v) => Math.max(peak, Math.abs(v)), 0)).toBeLessThan(8000);
  });

  it('the hold-melody playlist item loops the generated music like loadMusicOnHold', async () => {
    const viaPlaylist = await PromptPlayer.load([{ kind: 'hold-melody' }], { loop: true });
    const viaHelper = await loadMusicOnHold();
    for (let i = 0; i < 300; i++) expect(viaPlaylist.nextFrame()).toEqual(viaHelper.nextFrame());
  });

  it('an empty playlist completes at the first pull', async () => {
    const player = await PromptPlayer.load([]);
    expect(player.nextFrame()).toBeUndefined();
    expect(player.state).toBe(PlayerState.Finished);
  });
});

describe('PromptPlayer protected items', () => {
  it('a digit during an item with bargeIn: false does not stop it; a digit during the next item does', async () => {
    const player = await PromptPlayer.load(
      [{ kind: 'samples', samples: clip(320, 1), bargeIn: false }, { kind: 'samples', samples: clip(320, 2) }],
      { stopOnDigit: true },
    );
    expect(player.nextFrame()?.[0]).toBe(1);
    expect(player.handleDigit('1')).toBe(false);
    expect(player.nextFrame()?.[0]).toBe(1);
    expect(player.handleDigit('2')).toBe(false); // the notice's last frame is still what the caller hears
    expect(player.nextFrame()?.[0]).toBe(2);
    expect(player.handleDigit('3')).toBe(true);
    expect(await player.ended).toEqual({ reason: 'barged-in', digit: '3' });
  });
});
