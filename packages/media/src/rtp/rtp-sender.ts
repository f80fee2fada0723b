import { randomInt } from 'node:crypto';
import { RTP_HEADER_SIZE, writeRtpHeader } from './rtp-packet.js';

/** Source of the random initial values; injectable so tests can pin them. */
export type RandomUint = (bits: 16 | 32) => number;

const defaultRandom: RandomUint = (bits) => (bits === 16 ? randomInt(0, 0x10000) : randomInt(0, 0x10000) * 0x10000 + randomInt(0, 0x10000));

/**
 * The sending half of one RTP stream: SSRC, sequence numbers, timestamps and marker bit.
 * The caller (a session, once per 20 ms tick) either writes a packet or skips the tick; the media
 * clock advances on both, so timestamps stay tied to the sampling instant of the audio.
 */
export class RtpSender {
  // RFC 3550 §5.1: "The initial value of the sequence number SHOULD be random (unpredictable)"
  // and "The initial value of the timestamp SHOULD be random"; §8: "the SSRC identifier ... chosen
  // randomly".
  readonly ssrc: number;
  private sequence: number;
  private clock: number;
  private talking = false;
  /** RFC 3550 §6.4.1 sender's packet and octet counts (for the SR). */
  packetCount = 0;
  octetCount = 0;
  /** RTP timestamp of the last packet sent (for the SR's RTP timestamp field). */
  lastTimestamp: number;

  constructor(random: RandomUint = defaultRandom) {
    this.ssrc = random(32) >>> 0;
    this.sequence = random(16) & 0xffff;
    this.clock = random(32) >>> 0;
    this.lastTimestamp = this.clock;
  }

  /** Timestamp the next media packet will carry. */
  get timestamp(): number {
    return this.clock;
  }

  /** Sequence number the next packet will carry. */
  get nextSequence(): number {
    return this.sequence;
  }

  /**
   * Writes the header of a media packet into `out` for `samples` samples of audio and advances
   * the clock. Returns the header size (the payload goes after it).
   */
  writeMedia(out: Uint8Array, payloadType: number, samples: number, payloadLength: number): number {
    // RFC 3551 §4.1: "For applications which send either no packets or occasional comfort-noise
    // packets during silence, the first packet of a talkspurt ... SHOULD have the marker bit set."
    const marker = !this.talking;
    this.talking = true;
    this.stamp(out, payloadType, marker, this.clock, payloadLength);
    this.clock = (this.clock + samples) >>> 0;
    return RTP_HEADER_SIZE;
  }

  /** Writes the header of a packet with an explicit timestamp (RFC 4733 events keep the event's start). */
  writeEvent(out: Uint8Array, payloadType: number, marker: boolean, timestamp: number, payloadLength: number): number {
    this.stamp(out, payloadType, marker, timestamp, payloadLength);
    return RTP_HEADER_SIZE;
  }

  /** A tick without audio: time goes on, and the next media packet starts a new talkspurt. */
  skip(samples: number): void {
    this.talking = false;
    this.clock = (this.clock + samples) >>> 0;
  }

  private stamp(out: Uint8Array, pt: number, marker: boolean, timestamp: number, payloadLength: number): void {
    writeRtpHeader(out, pt, marker, this.sequence, timestamp, this.ssrc);
    this.sequence = (this.sequence + 1) & 0xffff;
    this.lastTimestamp = timestamp;
    this.packetCount++;
    this.octetCount += payloadLength;
  }
}
