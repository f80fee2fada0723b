/**
 * Starts the SIP server of the running product over the database: phones authenticate against
 * `phone_accounts`, trunks come from `trunks`, and their inbound numbers are the hotline numbers
 * answered (until the call switch exists) by the example user agent server. Gives the
 * administration pages a TelephonyStatus: registrations and trunk registration states.
 */
import type { FastifyBaseLogger } from 'fastify';
import { createSipServer, type AnswerHook, type CallHandler, type LocationService, type Trunk as SipTrunk } from '@rexian/sip';
import type { OutboundTrunk } from '@rexian/switch';
import type { PhoneRegistration, TrunkRegistrationState } from '@rexian/contracts';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { phoneAccounts, trunks } from '../../db/schema';
import { writeAudit } from '../audit/audit-log';
import { toSipTrunks } from './sip-trunks';
import type { TelephonyStatus } from './telephony-status';

export interface SipServiceProps {
  db: Db;
  config: Pick<Config, 'sipHost' | 'sipPort' | 'sipRealm' | 'sipDigestAlgorithms'>;
  logger: FastifyBaseLogger;
  /** Media for answered calls; without it the demo answers with a static SDP. */
  answer?: AnswerHook;
  /** The call switch; when given it takes every call (and `answer` is not used). */
  calls?: CallHandler;
  /** Registered phones, shared with the call switch. */
  location?: LocationService;
}

export interface SipService {
  status: TelephonyStatus;
  address: { host: string; port: number };
  /** Whether `number` is an enabled phone account's extension. */
  isExtension(number: string): boolean;
  /** Whether an enabled trunk brings `number` in. */
  isInboundNumber(number: string): boolean;
  aorOf(extension: string): string;
  /** Where calls to outside numbers go: the first enabled trunk with a single address or a registrar. */
  trunkDestination(number: string): OutboundTrunk | undefined;
  counts(): { dialogs: number; transactions: number };
  close(): Promise<void>;
}

export async function startSipService({ db, config, logger, answer, calls, location }: SipServiceProps): Promise<SipService> {
  const realm = config.sipRealm;
  // Phones and trunks are held in memory and re-read when the pages change them (reload), so a
  // REGISTER or INVITE never waits for the database and a flood of them never reaches it.
  let credentials = new Map<string, { ha1Md5: string; ha1Sha256: string }>();
  let trunkNames = new Map<number, string>();
  const phones = {
    findCredentials: (username: string, inRealm: string) => (inRealm === realm ? credentials.get(username) : undefined),
  };

  async function load() {
    const [phoneRows, trunkRows] = await Promise.all([db.select().from(phoneAccounts), db.select().from(trunks)]);
    credentials = new Map();
    for (const row of phoneRows) {
      if (!row.enabled) continue;
      if (row.realm !== realm) {
        logger.warn({ extension: row.extension, stored: row.realm, realm }, 'phone password was set in another realm: set it again');
        continue;
      }
      credentials.set(row.extension, { ha1Md5: row.ha1Md5, ha1Sha256: row.ha1Sha256 });
    }
    trunkNames = new Map(trunkRows.map((r) => [r.id, r.name]));
    const sipTrunks = await toSipTrunks(trunkRows, (trunk, problem) => logger.warn({ trunk, problem }, 'trunk left out'));
    const hotlineNumbers = [...new Set(trunkRows.filter((r) => r.enabled).flatMap((r) => r.inboundNumbers))];
    return { sipTrunks, hotlineNumbers };
  }

  const initial = await load();
  let outbound = outboundDestination(initial.sipTrunks);
  let inbound = new Set(initial.hotlineNumbers);
  const server = createSipServer({
    host: config.sipHost, port: config.sipPort, realm, phones, trunks: initial.sipTrunks, hotlineNumbers: initial.hotlineNumbers,
    logger: logger.child({ module: 'sip' }),
    security: {
      digestAlgorithms: config.sipDigestAlgorithms,
      // A scanner or password guesser is a security event: the audit log keeps who and from where.
      onBlocked: (event) => {
        writeAudit(db, { userId: null, account: event.username ?? null, ip: event.address }, {
          action: 'sip.source.blocked', objectType: 'sip', objectId: event.address, outcome: 'denied',
          summary: { method: event.method, scope: event.scope },
        }).catch((error: Error) => logger.error({ err: error }, 'audit write failed'));
      },
    },
    ...(answer ? { answer } : {}),
    ...(calls ? { calls } : {}),
    ...(location ? { location } : {}),
  });
  await server.start();
  const address = server.address!;
  logger.info({ address, realm }, 'SIP server listening (UDP and TCP)');

  /** Phones or trunks changed on the pages: taken without dropping calls or registered phones. */
  async function reload() {
    const { sipTrunks, hotlineNumbers } = await load();
    server.updateTrunks(sipTrunks, hotlineNumbers);
    outbound = outboundDestination(sipTrunks);
    inbound = new Set(hotlineNumbers);
  }

  const status: TelephonyStatus = {
    registrations(extension) {
      return server.location.lookup(server.aorOf(extension)).map((b): PhoneRegistration => ({
        contact: b.contact,
        transport: b.source.transport,
        source: `${b.source.address}:${b.source.port}`,
        userAgent: b.userAgent ?? null,
        expiresAt: new Date(b.expiresAt).toISOString(),
      }));
    },
    trunkStatus(trunkId) {
      const name = trunkNames.get(trunkId);
      const state = name === undefined ? undefined : server.trunkRegistration(name)?.state;
      return state === undefined ? null : (state.toLowerCase() as TrunkRegistrationState);
    },
    reload: () => reload().catch((error: Error) => logger.error({ err: error }, 'SIP trunk reload failed')),
  };
  return {
    status,
    address,
    isExtension: (number) => credentials.has(number),
    isInboundNumber: (number) => inbound.has(number),
    aorOf: (extension) => server.aorOf(extension),
    trunkDestination: () => outbound,
    counts: () => {
      const endpoint = server.endpoint?.counts();
      return { dialogs: 0, transactions: endpoint === undefined ? 0 : endpoint.clientTransactions + endpoint.serverTransactions };
    },
    close: () => server.close(),
  };
}

/**
 * Outside numbers leave through the first trunk we can address: a carrier we register to (its
 * registrar, answering its challenges with the trunk's credentials), or a peer's single address.
 */
function outboundDestination(trunks: readonly SipTrunk[]): OutboundTrunk | undefined {
  for (const trunk of trunks) {
    if (trunk.kind === 'registered') {
      return {
        destination: { transport: trunk.registrar.transport ?? 'udp', address: trunk.registrar.host, port: trunk.registrar.port ?? 5060 },
        credentials: { username: trunk.username, password: trunk.password, ...(trunk.realm ? { realm: trunk.realm } : {}) },
      };
    }
    const single = trunk.addresses.find((a) => !a.includes('/'));
    if (single !== undefined) {
      const [address, port] = single.includes(']') || single.split(':').length > 2 ? [single, undefined] : single.split(':');
      return { destination: { transport: 'udp', address: address!, port: port === undefined ? 5060 : Number(port) } };
    }
  }
  return undefined;
}
