/** IP allow-lists on users and roles: a list of addresses or CIDR ranges, IPv4 and IPv6. */
import ipaddr from 'ipaddr.js';
import type { FieldError } from '@rexian/contracts';
import { AppError } from '../../http/app-error';

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

/** Field errors for the entries of `ranges` (a list field named `field`) that do not parse. */
export function invalidIpRanges(ranges: readonly string[] | undefined, field: string): FieldError[] {
  return (ranges ?? []).flatMap((range, i) =>
    isValidIpRange(range) ? [] : [{ field: `${field}.${i}`, message: `不是有效的 IP 地址或网段：${range}` }]);
}

/** Throws VALIDATION_FAILED naming each entry of `ranges` that does not parse. */
export function checkIpRanges(ranges: readonly string[] | undefined, field: string): void {
  const fields = invalidIpRanges(ranges, field);
  if (fields.length) throw new AppError('VALIDATION_FAILED', fields);
}
