/**
 * A deliberately leaky registrar for control runs: 401 for extensions that exist, 404 for the
 * rest — the behaviour svwar is built to exploit. If svwar finds the extensions here but not in
 * our server, the test has shown that our answers are what hides them.
 */
import { createSocket, type Socket } from 'node:dgram';
import { createResponse } from '../../src/messages/create-response';
import { parseMessage } from '../../src/messages/parse-message';

export async function startLeakyRegistrar(extensions: readonly string[]): Promise<{ port: number; close: () => Promise<void> }> {
  const socket: Socket = createSocket('udp4');
  socket.on('message', (data, rinfo) => {
    try {
      const request = parseMessage(data);
      if (request.kind !== 'request' || request.method === 'ACK') return;
      const uri = request.to.uri;
      const known = uri.kind === 'sip' && extensions.includes(uri.user ?? '');
      const headers: Record<string, string> = known ? { 'WWW-Authenticate': 'Digest realm="leaky", nonce="n", algorithm=MD5' } : {};
      socket.send(createResponse(request, known ? 401 : 404, undefined, { headers }).serialize(), rinfo.port, rinfo.address);
    } catch {
      // ignore what does not parse
    }
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}
