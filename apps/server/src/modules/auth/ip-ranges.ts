/** IP allow-lists on users and roles: a list of addresses or CIDR ranges, IPv4 and IPv6. */
import ipaddr from 'ipaddr.js';

export function isValidIpRange(range: string): boolean {
  try {
    if (range.includes('/')) ipaddr.parseCIDR(range);
    else ipaddr.parse(range);
    return true;
  } catch {
    return false;
  }
}

/** Whether `ip` lies in any of `ranges`. An IPv4-mapped IPv6 address (::ffff:10.0.0.1) counts as IPv4. */
export function ipInRanges(ip: string, ranges: readonly string[]): boolean {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = ipaddr.process(ip);
  } catch {
    return false;
  }
  return ranges.some((range) => {
    try {
      const [network, bits] = range.includes('/') ? ipaddr.parseCIDR(range) : [ipaddr.process(range), undefined];
      const net = network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress()
        ? (network as ipaddr.IPv6).toIPv4Address()
        : network;
      if (net.kind() !== address.kind()) return false;
      const prefix = bits ?? (net.kind() === 'ipv4' ? 32 : 128);
      return address.match(net, prefix);
    } catch {
      return false;
    }
  });
}
