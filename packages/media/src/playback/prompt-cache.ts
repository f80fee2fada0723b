import { stat } from 'node:fs/promises';
import { readWavFile } from '../wav/wav-reader.js';

export interface PromptCacheOptions {
  /** Decoded prompts kept at most (least recently used dropped first). Default 256. */
  maxEntries?: number;
  /** Decoded bytes kept at most; a 5-minute hold music is 4.8 MB at 8 kHz. Default 64 MiB. */
  maxBytes?: number;
}

interface Entry {
  samples: Promise<Int16Array>;
  /** Known once decoded; 0 while loading. */
  bytes: number;
}

/**
 * Decoded prompts shared by every player of a worker: 300 calls playing the same greeting hold one
 * 8 kHz buffer, decoded once. Entries are keyed by path, modification time and size, so replacing a
 * prompt file on disk is picked up by the next player without a restart. Concurrent loads of the
 * same file share one read. Buffers are shared: players copy from them and never write into them.
 * Eviction only forgets a buffer; players still holding it keep playing.
 */
export class PromptCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private bytes = 0;
  /** Files actually read and decoded (not served from the cache). */
  decodeCount = 0;

  constructor(options: PromptCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 256;
    this.maxBytes = options.maxBytes ?? 64 * 2 ** 20;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes of decoded audio held. */
  get heldBytes(): number {
    return this.bytes;
  }

  /** The prompt at `path` as 8 kHz mono samples; rejects with the reader's error (e.g. `WavFormatError`). */
  async load(path: string): Promise<Int16Array> {
    const info = await stat(path);
    const key = `${path}\u0000${info.mtimeMs}\u0000${info.size}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // re-insert: Map order is our LRU order
      this.entries.set(key, hit);
      return hit.samples;
    }
    for (const old of this.entries.keys()) if (old.startsWith(`${path}\u0000`)) this.forget(old);
    this.decodeCount++;
    const entry: Entry = { samples: readWavFile(path).then((audio) => audio.samples), bytes: 0 };
    this.entries.set(key, entry);
    entry.samples.then(
      (samples) => {
        if (this.entries.get(key) !== entry) return; // evicted or replaced meanwhile
        entry.bytes = samples.byteLength;
        this.bytes += entry.bytes;
        this.evict(key);
      },
      () => this.forget(key), // a failed read is retried next time
    );
    this.evict(key);
    return entry.samples;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  /** Drops least recently used entries (never `keep`) until both limits hold. */
  private evict(keep: string): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) return;
      if (key !== keep) this.forget(key);
    }
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }
}

/** The cache used by players that are given none: one per worker thread (module instance). */
export const sharedPromptCache = new PromptCache();
