/**
 * Trunks: carriers and other servers we exchange calls with. A peer trunk is trusted by its
 * source address; a registered trunk is one we register to with credentials (see
 * trunks/trunk-registration.ts), and calls from it are trusted from its registrar's address or
 * the addresses listed.
 */
import { isIP } from 'node:net';
import { TrustedAddress } from './trusted-address';

export interface PeerTrunk {
  readonly kind: 'peer';
  readonly name: string;
  /** IP addresses or CIDR blocks, each with an optional port (see TrustedAddress). */
  readonly addresses: readonly string[];
}

export interface RegisteredTrunk {
  readonly kind: 'registered';
  readonly name: string;
  /** The carrier's registrar: an IP address (no DNS lookups here) and port. */
  readonly registrar: { readonly host: string; readonly port?: number; readonly transport?: 'udp' | 'tcp' };
  readonly username: string;
  readonly password: string;
  /** Answer only challenges of this realm, when set. */
  readonly realm?: string;
  /** Host part of the AOR we register (default: the registrar host). */
  readonly domain?: string;
  /** Requested registration interval, seconds (default 3600). */
  readonly expires?: number;
  /** Further sources calls from this carrier may come from (the registrar's address always counts). */
  readonly addresses?: readonly string[];
}

export type Trunk = PeerTrunk | RegisteredTrunk;

export interface TrunkDirectory {
  /** The trunk a request from this source belongs to, or undefined for a stranger. */
  matchSource(address: string, port: number): Trunk | undefined;
  list(): readonly Trunk[];
}

/** A fixed list of trunks; the addresses are parsed once, so a typo fails at start-up. */
export function staticTrunkDirectory(trunks: readonly Trunk[]): TrunkDirectory {
  const entries = trunks.map((trunk) => {
    const texts = [...(trunk.addresses ?? [])];
    if (trunk.kind === 'registered' && isIP(trunk.registrar.host) !== 0) texts.push(trunk.registrar.host);
    return { trunk, addresses: texts.map((t) => TrustedAddress.parse(t)) };
  });
  return {
    matchSource: (address, port) => entries.find((e) => e.addresses.some((a) => a.matches(address, port)))?.trunk,
    list: () => trunks,
  };
}
