import { codecByName, type Codec, PCMA, PCMU } from '../codecs/codec.js';
import { attributeValues, directionOf, parseSdp, rtpMaps, serializeSdp, type Direction, type SdpMedia } from './sdp-parser.js';

/** What two ends agreed for one audio stream. */
export interface NegotiatedMedia {
  remoteAddress: string;
  remotePort: number;
  codec: Codec;
  /** Payload type of the codec as the peer numbers it (static for G.711). */
  payloadType: number;
  /** RFC 4733 telephone-event payload type, when both ends support it. */
  telephoneEvent?: number;
  /** Our direction: what we may do (sendonly = we send, the peer only receives). */
  direction: Direction;
  ptime: number;
}

export interface LocalMedia {
  address: string;
  port: number;
  codecs?: readonly Codec[];
  direction?: Direction;
  telephoneEvent?: number;
  sessionId?: string;
  sessionVersion?: number;
}

/** The offer holds no audio stream we can accept. */
export class IncompatibleSdpError extends Error {
  override readonly name = 'IncompatibleSdpError';
}

const DEFAULT_CODECS: readonly Codec[] = [PCMU, PCMA];

function mediaLines(local: LocalMedia, codecs: readonly { codec: Codec; pt: number }[], te: number | undefined, direction: Direction): SdpMedia {
  const formats = codecs.map((c) => c.pt);
  const attributes = codecs.map((c) => `rtpmap:${c.pt} ${c.codec.name}/8000`);
  if (te !== undefined) {
    formats.push(te);
    attributes.push(`rtpmap:${te} telephone-event/8000`, `fmtp:${te} 0-16`);
  }
  attributes.push('ptime:20', direction);
  return { type: 'audio', port: local.port, protocol: 'RTP/AVP', formats, attributes };
}

function session(local: LocalMedia, media: SdpMedia): string {
  const id = local.sessionId ?? String(Date.now());
  return serializeSdp({ origin: `- ${id} ${local.sessionVersion ?? 1} IN IP4 ${local.address}`, name: '-', connection: local.address, attributes: [], media: [media] });
}

/** Builds an SDP offer for one audio stream (RFC 3264 §5). */
export function createOffer(local: LocalMedia): string {
  const codecs = (local.codecs ?? DEFAULT_CODECS).map((codec) => ({ codec, pt: codec.payloadType }));
  return session(local, mediaLines(local, codecs, local.telephoneEvent ?? 101, local.direction ?? 'sendrecv'));
}

/** RFC 3264 §6.1: the answer's direction mirrors the offer's (sendonly ↔ recvonly). */
export function mirrorDirection(offered: Direction, wanted: Direction = 'sendrecv'): Direction {
  const peerSends = offered === 'sendrecv' || offered === 'sendonly';
  const peerReceives = offered === 'sendrecv' || offered === 'recvonly';
  const weSend = peerReceives && (wanted === 'sendrecv' || wanted === 'sendonly');
  const weReceive = peerSends && (wanted === 'sendrecv' || wanted === 'recvonly');
  return weSend && weReceive ? 'sendrecv' : weSend ? 'sendonly' : weReceive ? 'recvonly' : 'inactive';
}

function negotiate(sdp: string, ours: readonly Codec[]): NegotiatedMedia & { media: SdpMedia } {
  const parsed = parseSdp(sdp);
  const media = parsed.media.find((m) => m.type === 'audio' && m.port !== 0);
  if (!media) throw new IncompatibleSdpError('no audio stream in SDP');
  const maps = rtpMaps(media);
  let chosen: { codec: Codec; pt: number } | undefined;
  let telephoneEvent: number | undefined;
  // RFC 3264 §6.1: the answerer SHOULD list formats "in the same relative order" as the offer:
  // the first offered format we support wins.
  for (const pt of media.formats) {
    const map = maps.get(pt);
    if (!map || map.clockRate !== 8000) continue;
    if (map.name.toLowerCase() === 'telephone-event') telephoneEvent ??= pt;
    const codec = codecByName(map.name);
    if (!chosen && codec && ours.includes(codec)) chosen = { codec, pt };
  }
  if (!chosen) throw new IncompatibleSdpError(`no common codec in formats ${media.formats.join(' ')}`);
  const address = media.connection ?? parsed.connection;
  if (!address) throw new IncompatibleSdpError('SDP without c= line');
  const ptime = Number(attributeValues(media.attributes, 'ptime')[0] ?? 20) || 20;
  return { media, remoteAddress: address, remotePort: media.port, codec: chosen.codec, payloadType: chosen.pt, ...(telephoneEvent !== undefined ? { telephoneEvent } : {}), direction: directionOf(parsed, media), ptime };
}

/** Answers an offer: one codec (the first offered we support), telephone-event with the offer's PT. */
export function createAnswer(offer: string, local: LocalMedia): { answer: string; negotiated: NegotiatedMedia } {
  const { media: _media, ...agreed } = negotiate(offer, local.codecs ?? DEFAULT_CODECS);
  const direction = mirrorDirection(agreed.direction, local.direction);
  const answer = session(local, mediaLines(local, [{ codec: agreed.codec, pt: agreed.payloadType }], agreed.telephoneEvent, direction));
  return { answer, negotiated: { ...agreed, direction } };
}

/** Reads the answer to our offer: what the peer chose, and our resulting direction. */
export function applyAnswer(answer: string, local: LocalMedia): NegotiatedMedia {
  const { media: _media, ...agreed } = negotiate(answer, local.codecs ?? DEFAULT_CODECS);
  return { ...agreed, direction: mirrorDirection(agreed.direction, local.direction) };
}
