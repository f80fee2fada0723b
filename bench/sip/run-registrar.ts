/**
 * The SIP server (registrar + guard) alone in a Node process for the registration benchmark:
 * `node --import tsx bench/sip/run-registrar.ts PORT`; prints "ready" once listening.
 * MD5 only: SIPp 3.6.1 answers no SHA-256 challenge.
 */
import { createSipServer, staticPhoneDirectory } from '../../packages/sip/src/index';

const realm = 'rexian.bench';
const server = createSipServer({
  host: '127.0.0.1',
  port: Number(process.argv[2] ?? 0),
  transports: ['udp'],
  realm,
  phones: staticPhoneDirectory(realm, [{ username: '1001', password: 'pw-1001' }]),
  trunks: [],
  hotlineNumbers: [],
  security: { digestAlgorithms: ['MD5'] },
});
await server.start();
console.log('ready');
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
