import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SipRequest } from '../messages/sip-request';
import { parseMessage } from '../messages/parse-message';
import { createResponse } from '../messages/create-response';
import { StreamFramer } from './stream-framer';
import { TransportLayer } from './transport-layer';
import type { TcpTransport } from './tcp-transport';

const options = (branch: string, extra = '', body = ''): string =>
  `OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:1;branch=z9hG4bK${branch}\r\nFrom: <sip:b@x>;tag=1\r\nTo: <sip:a@x>\r\n` +
  `Call-ID: ${branch}\r\nCSeq: 1 OPTIONS\r\n${extra}Content-Length: ${body.length}\r\n\r\n${body}`;

describe('StreamFramer (RFC 3261 §18.3)', () => {
  it('frames by Content-Length across chunk boundaries, several messages per chunk, skipping keep-alive CRLFs', () => {
    const framer = new StreamFramer();
    const two = `\r\n\r\n${options('a', '', 'xyz')}${options('b')}`;
    expect(framer.push(Buffer.from(two.slice(0, 50)))).toHaveLength(0);
    const out = framer.push(Buffer.from(two.slice(50)));
    expect(out.map((b) => b.toString().split('\r\n')[0])).toEqual(['OPTIONS sip:a@127.0.0.1 SIP/2.0', 'OPTIONS sip:a@127.0.0.1 SIP/2.0']);
    expect(out[0]?.toString().endsWith('xyz')).toBe(true);
    expect(framer.pending).toBe(0);
  });

  it('refuses a stream that buffers more than the limit without a complete message', () => {
    const framer = new StreamFramer(1000);
    expect(() => framer.push(Buffer.alloc(1200, 65))).toThrow('too large');
    expect(() => new StreamFramer(1000).push(Buffer.from(options('c', 'Content-Length: 5000\r\n')))).toThrow();
  });
});

describe('TCP transport', () => {
  let layer: TransportLayer | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    await layer?.close();
  });

  async function client(): Promise<{ socket: Socket; lines: () => string[] }> {
    let text = '';
    const socket = connect(layer?.port ?? 0, '127.0.0.1');
    sockets.push(socket);
    socket.on('data', (d) => (text += d.toString()));
    await new Promise((r) => socket.once('connect', r));
    return { socket, lines: () => text.split('\r\n').filter((l) => l.startsWith('SIP/2.0 ')) };
  }

  const until = async (check: () => boolean): Promise<void> => {
    for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  };

  it('answers requests on the connection they came on, one response per framed message', async () => {
    layer = await TransportLayer.listen({ host: '127.0.0.1', port: 0, udp: false });
    const seen: string[] = [];
    layer.onRequest((request: SipRequest, source) => {
      seen.push(`${request.callId} ${source.transport}`);
      layer?.sendResponse(createResponse(request, 200), source);
    });
    const { socket, lines } = await client();
    socket.write(options('one') + options('two'));
    await until(() => lines().length === 2);
    expect(seen).toEqual(['one tcp', 'two tcp']);
    expect(lines()).toEqual(['SIP/2.0 200 OK', 'SIP/2.0 200 OK']);
    expect((layer.transport('tcp') as TcpTransport).connectionCount).toBe(1);
  });

  it('answers a malformed request with 400 and closes the connection after a framing error', async () => {
    layer = await TransportLayer.listen({ host: '127.0.0.1', port: 0, udp: false });
    const { socket, lines } = await client();
    socket.write(options('bad').replace('CSeq: 1 OPTIONS', 'CSeq: x OPTIONS'));
    await until(() => lines().length === 1);
    expect(lines()[0]).toMatch(/^SIP\/2.0 400 Bad Request - Malformed CSeq/);
    const closed = new Promise((r) => socket.once('close', r));
    socket.write(`OPTIONS sip:a SIP/2.0\r\n${'X: y\r\n'.repeat(20_000)}`);
    await closed;
    expect(layer.stats.parseErrors).toBeGreaterThanOrEqual(1);
  });

  it('RFC 4475 clerr.dat over TCP: waits for the rest of the announced body instead of answering', async () => {
    layer = await TransportLayer.listen({ host: '127.0.0.1', port: 0, udp: false });
    let requests = 0;
    layer.onRequest(() => requests++);
    const { socket, lines } = await client();
    socket.write(readFileSync(resolve(import.meta.dirname, '../../test/fixtures/rfc4475/clerr.dat')));
    await new Promise((r) => setTimeout(r, 200));
    expect([requests, lines().length, socket.destroyed]).toEqual([0, 0, false]);
  });

  it('refuses connections beyond maxConnections', async () => {
    layer = await TransportLayer.listen({ host: '127.0.0.1', port: 0, udp: false, maxConnections: 1 });
    await client();
    await until(() => (layer?.transport('tcp') as TcpTransport).connectionCount === 1);
    const { socket } = await client();
    await new Promise((r) => socket.once('close', r));
    expect((layer.transport('tcp') as TcpTransport).connectionCount).toBe(1);
  });

  it('closes idle connections', async () => {
    layer = await TransportLayer.listen({ host: '127.0.0.1', port: 0, udp: false, idleMs: 100 });
    const { socket } = await client();
    await new Promise((r) => socket.once('close', r));
    await until(() => (layer?.transport('tcp') as TcpTransport).connectionCount === 0);
    expect((layer.transport('tcp') as TcpTransport).connectionCount).toBe(0);
  });

  it('reuses one outgoing connection per remote address for requests (§18.1)', async () => {
    layer = await TransportLayer.listen({ host: '127.0.0.1', port: 0, udp: false });
    const peer = await TransportLayer.listen({ host: '127.0.0.1', port: 0, udp: false });
    const got: string[] = [];
    peer.onRequest((request) => got.push(request.callId));
    try {
      for (const id of ['x1', 'x2', 'x3']) {
        const request = parseMessage(options(id)) as SipRequest;
        layer.sendRequest(request, { transport: 'tcp', address: '127.0.0.1', port: peer.port });
      }
      await until(() => got.length === 3);
      expect(got).toEqual(['x1', 'x2', 'x3']);
      expect((layer.transport('tcp') as TcpTransport).connectionCount).toBe(1);
    } finally {
      await peer.close();
    }
  });

  it('routes UDP responses by the top Via: maddr, then received+rport, then sent-by (§18.2.2)', async () => {
    layer = await TransportLayer.listen({ host: '127.0.0.1', port: 0, tcp: false });
    const route = (via: string) => {
      const request = parseMessage(options('r').replace(/Via: [^\r]*/, `Via: ${via}`));
      return layer?.responseDestination(createResponse(request, 200));
    };
    expect(route('SIP/2.0/UDP h.example.com:5070;branch=z9hG4bK1;maddr=10.0.0.9')).toEqual({ transport: 'udp', address: '10.0.0.9', port: 5070 });
    expect(route('SIP/2.0/UDP h.example.com:5070;branch=z9hG4bK1;received=10.0.0.1;rport=6000')).toEqual({ transport: 'udp', address: '10.0.0.1', port: 6000 });
    expect(route('SIP/2.0/UDP h.example.com;branch=z9hG4bK1;received=10.0.0.1')).toEqual({ transport: 'udp', address: '10.0.0.1', port: 5060 });
    expect(route('SIP/2.0/UDP 10.0.0.2:5080;branch=z9hG4bK1')).toEqual({ transport: 'udp', address: '10.0.0.2', port: 5080 });
  });
});
