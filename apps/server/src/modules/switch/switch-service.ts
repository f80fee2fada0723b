/**
 * Starts the call switch of the running product: over the media engine, with the SIP server handing
 * it every call, the database as its store and configuration, and the HTTP side's view of it
 * (SwitchStatus: CTI commands and events, reload after the pages change something).
 */
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { MediaEngine } from '@rexian/media';
import { InMemoryLocationService, systemClock } from '@rexian/sip';
import { CallSwitch } from '@rexian/switch';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { startSipService, type SipService } from '../telephony/sip-service';
import { loadSwitchConfig } from './switch-config-loader';
import type { SwitchStatus } from './switch-status';
import { DatabaseSwitchStore } from './switch-store';

export interface SwitchServiceProps {
  db: Db;
  config: Pick<Config, 'sipHost' | 'sipPort' | 'sipRealm' | 'sipDigestAlgorithms' | 'dataDir' | 'rtpTimeoutSec'>;
  logger: FastifyBaseLogger;
  media: MediaEngine;
  /** This server's base URL, known once HTTP listens (IVR lookups of the demo billing service use it). */
  serverUrl(): string;
}

export interface SwitchService {
  status: SwitchStatus;
  sip: SipService;
  callSwitch: CallSwitch;
  /** What is in use right now: a test or an operator checks that calls leave nothing behind. */
  counts(): Promise<{ calls: number; legs: number; offers: number; dialogs: number; transactions: number; mediaSessions: number; mediaPorts: number }>;
  close(): Promise<void>;
}

export async function startSwitchService({ db, config, logger, media, serverUrl }: SwitchServiceProps): Promise<SwitchService> {
  const log = logger.child({ module: 'switch' });
  const location = new InMemoryLocationService(systemClock, logger.child({ module: 'sip' }));
  // The switch needs the SIP service's phone list and the service needs the switch: late binding.
  let sip: SipService | undefined;
  const callSwitch = await CallSwitch.start(
    {
      media,
      store: new DatabaseSwitchStore(db),
      location,
      aorOf: (extension) => sip?.aorOf(extension) ?? `sip:${extension}@${config.sipRealm}`,
      domain: config.sipRealm,
      dataDir: join(config.dataDir),
      serverUrl,
      isExtension: (number) => sip?.isExtension(number) ?? false,
      isInboundNumber: (number) => sip?.isInboundNumber(number) ?? false,
      trunkDestination: (number) => sip?.trunkDestination(number),
      logger: log,
      rtpTimeoutMs: config.rtpTimeoutSec * 1000,
    },
    await loadSwitchConfig(db),
  );
  try {
    sip = await startSipService({ db, config, logger, calls: callSwitch, location });
  } catch (error) {
    await callSwitch.close();
    throw error;
  }
  const running = sip;
  const status: SwitchStatus = {
    cti: callSwitch,
    reload: async () => {
      try {
        callSwitch.configure(await loadSwitchConfig(db));
      } catch (error) {
        log.error({ err: error }, 'switch configuration reload failed');
      }
    },
  };
  return {
    status,
    sip: running,
    callSwitch,
    async counts() {
      const mediaCounts = await media.counts();
      const sipCounts = running.counts();
      return {
        ...callSwitch.counts(),
        dialogs: callSwitch.dialogLayer?.count ?? 0,
        transactions: sipCounts.transactions,
        mediaSessions: mediaCounts.sessions,
        mediaPorts: mediaCounts.ports,
      };
    },
    async close() {
      await callSwitch.close();
      await running.close();
    },
  };
}
