import { decodeAlaw, decodeUlaw, encodeAlaw, encodeUlaw } from './g711.js';

/** An audio codec the media engine can put on the wire: static RTP payload types only (RFC 3551). */
export interface Codec {
  readonly name: 'PCMU' | 'PCMA';
  readonly payloadType: number;
  readonly clockRate: 8000;
  /** Byte the codec uses for digital silence (0 in linear). */
  readonly silence: number;
  encode(pcm: Int16Array, out: Uint8Array): Uint8Array;
  decode(codes: Uint8Array, out: Int16Array): Int16Array;
}

/** RFC 3551 table 4: PT 0 is PCMU/8000. */
export const PCMU: Codec = { name: 'PCMU', payloadType: 0, clockRate: 8000, silence: 0xff, encode: encodeUlaw, decode: decodeUlaw };
/** RFC 3551 table 4: PT 8 is PCMA/8000. */
export const PCMA: Codec = { name: 'PCMA', payloadType: 8, clockRate: 8000, silence: 0xd5, encode: encodeAlaw, decode: decodeAlaw };

/** The codec for a codec name as written in SDP `a=rtpmap` (case-insensitive), if we speak it. */
export function codecByName(name: string): Codec | undefined {
  const upper = name.toUpperCase();
  return upper === 'PCMU' ? PCMU : upper === 'PCMA' ? PCMA : undefined;
}

/** The codec for a static payload type, if we speak it. */
export function codecByPayloadType(pt: number): Codec | undefined {
  return pt === 0 ? PCMU : pt === 8 ? PCMA : undefined;
}
