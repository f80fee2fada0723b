/**
 * Starts the SIP server of the running product over the database: phones authenticate against
 * `phone_accounts`, trunks come from `trunks`, and their inbound numbers are the hotline numbers
 * answered (until the call switch exists) by the example user agent server. Gives the
 * administration pages a TelephonyStatus: registrations and trunk registration states.
 */
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { createSipServer, type AnswerHook, type LocationService, type SipServer } from '@rexian/sip';
import type { PhoneRegistration } from '@rexian/contracts';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { phoneAccounts, trunks } from '../../db/schema';
import { toSipTrunks } from './sip-trunks';
import type { TelephonyStatus } from './telephony-status';

export interface SipServiceProps {
  db: Db;
  config: Pick<Config, 'sipHost' | 'sipPort' | 'sipRealm' | 'sipDigestAlgorithms'>;
  logger: FastifyBaseLogger;
  /** Media for answered calls; without it the demo answers with a static SDP. */
  answer?: AnswerHook;
}

export interface SipService {
  status: TelephonyStatus;
  address: { host: string; port: number };
  close(): Promise<void>;
}

export async function startSipService({ db, config, logger, answer }: SipServiceProps): Promise<SipService> {
  const realm = config.sipRealm;
  const phones = {
    async findCredentials(username: string, inRealm: string) {
      if (inRealm !== realm) return undefined;
      const [row] = await db.select().from(phoneAccounts).where(eq(phoneAccounts.extension, username));
      if (!row || !row.enabled) return undefined;
      if (row.realm !== realm) {
        logger.warn({ extension: username, stored: row.realm, realm }, 'phone password was set in another realm: set it again');
        return undefined;
      }
      return { ha1Md5: row.ha1Md5, ha1Sha256: row.ha1Sha256 };
    },
  };

  let server: SipServer | undefined;
  let location: LocationService | undefined;
  /** Trunk ids in the order the SIP server holds its trunk registrations (registered trunks, as listed). */
  let registeredTrunkIds: number[] = [];
  let signature = '';

  async function load() {
    const rows = await db.select().from(trunks);
    const sipTrunks = await toSipTrunks(rows, (trunk, problem) => logger.warn({ trunk, problem }, 'trunk left out'));
    const idOf = new Map(rows.map((r) => [r.name, r.id]));
    registeredTrunkIds = sipTrunks.filter((t) => t.kind === 'registered').map((t) => idOf.get(t.name)!);
    const hotlineNumbers = [...new Set(rows.filter((r) => r.enabled).flatMap((r) => r.inboundNumbers))];
    return { sipTrunks, hotlineNumbers };
  }

  // The SIP stack takes its trunks when it starts; a change restarts it on the same port, keeping
  // the phones' registrations (the location service is carried over).
  async function restart() {
    const { sipTrunks, hotlineNumbers } = await load();
    const next = JSON.stringify({ sipTrunks, hotlineNumbers });
    if (server && next === signature) return;
    signature = next;
    // Port 0 picks a free port the first time; a restart keeps the one the phones know.
    const port = server?.address?.port ?? config.sipPort;
    await server?.close();
    server = createSipServer({
      host: config.sipHost, port, realm, phones, trunks: sipTrunks, hotlineNumbers,
      logger: logger.child({ module: 'sip' }),
      security: { digestAlgorithms: config.sipDigestAlgorithms },
      ...(location ? { location } : {}),
      ...(answer ? { answer } : {}),
    });
    location = server.location;
    await server.start();
  }

  await restart();
  const address = server!.address!;
  logger.info({ address, realm }, 'SIP server listening (UDP and TCP)');

  const status: TelephonyStatus = {
    registrations(extension) {
      return (location?.lookup(`sip:${extension}@${realm}`) ?? []).map((b): PhoneRegistration => ({
        contact: b.contact,
        transport: b.source.transport,
        source: `${b.source.address}:${b.source.port}`,
        userAgent: b.userAgent ?? null,
        expiresAt: new Date(b.expiresAt).toISOString(),
      }));
    },
    trunkStatus(trunkId) {
      const index = registeredTrunkIds.indexOf(trunkId);
      return index < 0 ? null : (server?.registrations[index]?.state ?? null);
    },
    reload: () => restart().catch((error: Error) => logger.error({ err: error }, 'SIP reload failed')),
  };
  return { status, address, close: async () => server?.close() };
}
