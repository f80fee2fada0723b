/**
 * Starts the example UAS on UDP and TCP and prints "listening <port>" (used by the SIP benchmark
 * as a separate process). Usage: node --import tsx packages/sip/test/run-example-uas.ts [port] [host]
 */
import { ExampleUas } from '../src/user-agents/example-uas';

const port = Number(process.argv[2] ?? 5060);
const host = process.argv[3] ?? '127.0.0.1';
const uas = await ExampleUas.listen({ host, port });
process.stdout.write(`listening ${uas.endpoint.port}\n`);
const stop = (): void => {
  void uas.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
