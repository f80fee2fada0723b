/**
 * A small SDP (RFC 4566) model: enough for telephony audio offers and answers. Attributes are kept
 * in order as raw strings so nothing the peer sent is lost.
 */
export type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
const DIRECTIONS: readonly string[] = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

export interface SdpMedia {
  type: string;
  port: number;
  protocol: string;
  formats: number[];
  connection?: string;
  attributes: string[];
}

export interface SdpSession {
  origin: string;
  name: string;
  connection?: string;
  attributes: string[];
  media: SdpMedia[];
}

/** SDP text that is missing a mandatory line or holds a malformed one. */
export class SdpParseError extends Error {
  override readonly name = 'SdpParseError';
}

function connectionAddress(value: string): string {
  // RFC 4566 §5.7: c=<nettype> <addrtype> <connection-address>
  const parts = value.trim().split(/\s+/);
  const address = parts[2];
  if (parts[0] !== 'IN' || !address) throw new SdpParseError(`bad c= line "${value}"`);
  return address.split('/')[0] as string;
}

export function parseSdp(text: string): SdpSession {
  const session: SdpSession = { origin: '', name: '', attributes: [], media: [] };
  let media: SdpMedia | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line === '') continue;
    if (line[1] !== '=') throw new SdpParseError(`bad SDP line "${line}"`);
    const type = line[0];
    const value = line.slice(2);
    if (type === 'm') {
      // RFC 4566 §5.14: m=<media> <port>[/<number of ports>] <proto> <fmt> ...
      const [kind, port, protocol, ...formats] = value.split(/\s+/);
      const portNumber = Number((port ?? '').split('/')[0]);
      if (!kind || !protocol || !Number.isInteger(portNumber)) throw new SdpParseError(`bad m= line "${line}"`);
      media = { type: kind, port: portNumber, protocol, formats: formats.map(Number).filter(Number.isInteger), attributes: [] };
      session.media.push(media);
    } else if (type === 'c') {
      if (media) media.connection = connectionAddress(value);
      else session.connection = connectionAddress(value);
    } else if (type === 'a') {
      (media ?? session).attributes.push(value);
    } else if (type === 'o' && !media) session.origin = value;
    else if (type === 's' && !media) session.name = value;
  }
  if (session.media.length === 0) throw new SdpParseError('SDP without m= line');
  return session;
}

/** Values of attribute `name` (`a=name:value`) in a list. */
export function attributeValues(attributes: readonly string[], name: string): string[] {
  const prefix = `${name}:`;
  return attributes.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length));
}

/** RFC 3264 §5.1: direction of a media stream, from the media level, else session level, else sendrecv. */
export function directionOf(session: SdpSession, media: SdpMedia): Direction {
  const found = media.attributes.find((a) => DIRECTIONS.includes(a)) ?? session.attributes.find((a) => DIRECTIONS.includes(a));
  return (found as Direction | undefined) ?? 'sendrecv';
}

/** Encoding name and clock rate per payload type, from a=rtpmap plus the RFC 3551 static types. */
export function rtpMaps(media: SdpMedia): Map<number, { name: string; clockRate: number }> {
  const maps = new Map<number, { name: string; clockRate: number }>();
  if (media.formats.includes(0)) maps.set(0, { name: 'PCMU', clockRate: 8000 });
  if (media.formats.includes(8)) maps.set(8, { name: 'PCMA', clockRate: 8000 });
  for (const value of attributeValues(media.attributes, 'rtpmap')) {
    const match = /^(\d+)\s+([^/\s]+)\/(\d+)/.exec(value);
    if (match) maps.set(Number(match[1]), { name: match[2] as string, clockRate: Number(match[3]) });
  }
  return maps;
}

export function serializeSdp(session: SdpSession): string {
  const lines = ['v=0', `o=${session.origin}`, `s=${session.name || '-'}`];
  if (session.connection) lines.push(`c=IN IP4 ${session.connection}`);
  lines.push('t=0 0');
  for (const a of session.attributes) lines.push(`a=${a}`);
  for (const m of session.media) {
    lines.push(`m=${m.type} ${m.port} ${m.protocol} ${m.formats.join(' ')}`);
    if (m.connection) lines.push(`c=IN IP4 ${m.connection}`);
    for (const a of m.attributes) lines.push(`a=${a}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
