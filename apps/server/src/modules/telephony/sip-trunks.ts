import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Trunk as SipTrunk } from '@rexian/sip';
import type { trunks } from '../../db/schema';

type TrunkRow = typeof trunks.$inferSelect;

/** `host[:port]` or `[v6]:port` as typed on the trunk page. */
function splitHostPort(text: string): { host: string; port?: number } {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (v6) return { host: v6[1]!, ...(v6[2] ? { port: Number(v6[2]) } : {}) };
  const [host, port] = text.split(':');
  return { host: host!, ...(port ? { port: Number(port) } : {}) };
}

/**
 * The SIP server's view of the enabled trunks. A registering trunk's registrar may be a host name:
 * it is resolved here, once per reload, because the SIP stack matches sources by address only.
 * A name that does not resolve leaves that trunk out (and says so) rather than stopping SIP.
 */
export async function toSipTrunks(rows: readonly TrunkRow[], onProblem: (trunk: string, problem: string) => void): Promise<SipTrunk[]> {
  const out: SipTrunk[] = [];
  for (const row of rows) {
    if (!row.enabled) continue;
    if (row.kind === 'peer') {
      out.push({ kind: 'peer', name: row.name, addresses: row.addresses });
      continue;
    }
    if (!row.registrar || !row.username || !row.password) continue;
    const { host, port } = splitHostPort(row.registrar);
    try {
      const address = isIP(host) ? host : (await lookup(host)).address;
      out.push({
        kind: 'registered', name: row.name, registrar: { host: address, ...(port ? { port } : {}) },
        username: row.username, password: row.password, domain: host, addresses: row.addresses,
      });
    } catch (error) {
      onProblem(row.name, `cannot resolve ${host}: ${(error as Error).message}`);
    }
  }
  return out;
}
