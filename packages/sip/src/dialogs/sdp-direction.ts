/**
 * Hold and resume (RFC 3264 §8.4): the answer mirrors the offer's direction attribute. We only
 * carry SDP; this is the one thing about it a UA needs to get right on a re-INVITE.
 */
const DIRECTIONS = ['sendrecv', 'sendonly', 'recvonly', 'inactive'] as const;
export type Direction = (typeof DIRECTIONS)[number];

const MIRROR: Record<Direction, Direction> = { sendrecv: 'sendrecv', sendonly: 'recvonly', recvonly: 'sendonly', inactive: 'inactive' };

export function sdpDirection(sdp: string): Direction {
  for (const line of sdp.split(/\r?\n/)) {
    const attribute = line.startsWith('a=') ? line.slice(2).trim() : '';
    if ((DIRECTIONS as readonly string[]).includes(attribute)) return attribute as Direction;
  }
  return 'sendrecv';
}

/** `sdp` with its direction set to `direction` (replacing any direction lines). */
export function withDirection(sdp: string, direction: Direction): string {
  const lines = sdp.split('\r\n').filter((line) => !(DIRECTIONS as readonly string[]).includes(line.slice(2)) || !line.startsWith('a='));
  const body = lines.filter((line) => line !== '');
  return `${body.join('\r\n')}\r\na=${direction}\r\n`;
}

/** The answer to a re-INVITE offer: our last SDP with the mirrored direction. */
export function answerFor(offer: string, localSdp: string): string {
  return withDirection(localSdp, MIRROR[sdpDirection(offer)]);
}
