/** Starts Rexian: the database, the media workers, the call switch with its SIP server, and the HTTP server. */
import { join } from 'node:path';
import pino from 'pino';
import { MediaEngine } from '@rexian/media';
import { build } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { DEMO_ACCOUNTS, seedDemoOrganisation } from './db/demo-organisation';
import { generatePassword } from './modules/auth/passwords';
import { startSwitchService, type SwitchService } from './modules/switch/switch-service';

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }).catch((error: Error) => {
  process.stderr.write(`Rexian cannot open its database: ${error.message}\n`);
  process.exit(1);
});

const passwords = { admin: config.adminPassword ?? generatePassword(), staff: process.env.REXIAN_DEMO_PASSWORD ?? generatePassword() };
const seeded = await seedDemoOrganisation(database.db, passwords, config.sipRealm);

const logger = pino({ level: config.logLevel });
// A promise nobody awaited that failed (a call step after the caller hung up, say) is a bug to log,
// not a reason to drop every other call: the server keeps running.
process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unhandled rejection'));
let telephony: SwitchService | undefined;
let media: MediaEngine | undefined;
// Known once HTTP listens; the IVR's HTTP lookups (the demo billing service) use it.
let serverUrl = `http://127.0.0.1:${config.httpPort}`;
if (config.sipEnabled) {
  const [min, max] = config.rtpPorts.split('-').map(Number) as [number, number];
  media = await MediaEngine.start({
    address: config.mediaAddress, portRange: { min, max }, ttsCacheDir: join(config.dataDir, 'tts-cache'), logger: logger.child({ module: 'media' }),
  });
  // A taken SIP port should not keep the pages from working: say so loudly and run without SIP.
  telephony = await startSwitchService({ db: database.db, config, logger, media, serverUrl: () => serverUrl }).catch((error: Error) => {
    logger.error({ err: error }, 'SIP server not started');
    process.stderr.write(`Rexian: SIP server not started on port ${config.sipPort}: ${error.message}\n`);
    return undefined;
  });
}

const app = await build({
  database, config, logger: { level: config.logLevel }, ...(telephony ? { telephony: telephony.sip.status, switchboard: telephony.status } : {}),
});
await app.listen({ port: config.httpPort, host: config.httpHost });
const httpPort = (app.server.address() as { port: number }).port;
serverUrl = `http://127.0.0.1:${httpPort}`;
const address = `http://localhost:${httpPort}/`;
app.log.info({ database: database.kind, location: database.location, address }, 'Rexian is running');
// Whatever the log level, say where to go (scripts and tests wait for this line too).
// The SIP line comes first: whoever waits for "is listening on" then knows both.
if (telephony) process.stdout.write(`SIP 信令 listening on udp+tcp ${config.sipHost}:${telephony.sip.address.port} (realm ${config.sipRealm})\n`);
process.stdout.write(`Rexian 热线 is listening on ${address}\n`);

if (seeded) {
  // Printed once, on the first start: the passwords are stored only as hashes.
  process.stdout.write(
    [
      '',
      '  Rexian 热线 — demo organisation created 已创建演示单位',
      `  Open 打开 ${address}`,
      `  Administrator 管理员:  ${DEMO_ACCOUNTS.admin} / ${passwords.admin}`,
      `  Team leader, agents, handlers 班长、座席、处理人员: ${[DEMO_ACCOUNTS.leader, ...DEMO_ACCOUNTS.agents, ...DEMO_ACCOUNTS.handlers].join(', ')} / ${passwords.staff}`,
      '  These passwords are shown only now. 密码仅显示这一次。',
      '',
    ].join('\n') + '\n',
  );
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    await app.close();
    await telephony?.close();
    await media?.close();
    await database.close();
    process.exit(0);
  });
}
