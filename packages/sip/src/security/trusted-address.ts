/**
 * Source addresses a trunk is trusted from: an IP address or a CIDR block, IPv4 or IPv6, with an
 * optional port ("203.0.113.5", "203.0.113.0/24", "203.0.113.5:5060", "[2001:db8::1]:5060",
 * "2001:db8::/32"). Matching uses Node's BlockList, which compares addresses as numbers, so
 * "::ffff:127.0.0.1" style spellings cannot slip past a text comparison.
 */
import { BlockList, isIP } from 'node:net';

export class TrustedAddressError extends Error {
  override readonly name = 'TrustedAddressError';
}

export class TrustedAddress {
  private readonly list = new BlockList();

  private constructor(
    readonly text: string,
    readonly port: number | undefined,
  ) {}

  static parse(text: string): TrustedAddress {
    const trimmed = text.trim();
    let host = trimmed;
    let port: number | undefined;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(trimmed);
    const v4WithPort = /^([\d.]+(?:\/\d+)?):(\d+)$/.exec(trimmed);
    if (bracketed) [host, port] = [bracketed[1] ?? '', bracketed[2] === undefined ? undefined : Number(bracketed[2])];
    else if (v4WithPort) [host, port] = [v4WithPort[1] ?? '', Number(v4WithPort[2])];
    if (port !== undefined && !(port > 0 && port < 65536)) throw new TrustedAddressError(`bad port in ${text}`);
    const [address = '', prefixText] = host.split('/');
    const family = isIP(address);
    if (family === 0) throw new TrustedAddressError(`not an IP address or CIDR block: ${text}`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const entry = new TrustedAddress(trimmed, port);
    if (prefixText === undefined) {
      entry.list.addAddress(address, type);
    } else {
      const prefix = Number(prefixText);
      if (!/^\d+$/.test(prefixText) || prefix > (family === 4 ? 32 : 128)) throw new TrustedAddressError(`bad prefix in ${text}`);
      entry.list.addSubnet(address, prefix, type);
    }
    return entry;
  }

  matches(address: string, port: number): boolean {
    if (this.port !== undefined && this.port !== port) return false;
    const family = isIP(address);
    if (family === 0) return false;
    return this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
}
