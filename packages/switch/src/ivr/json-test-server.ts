/**
 * Test support: a real HTTP server on 127.0.0.1 (port 0) for the `http` node, answering from a
 * handler; `close()` ends it with its connections.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface JsonTestServer {
  url: string;
  requests: { method: string; url: string; body: string; contentType: string | undefined }[];
  close(): Promise<void>;
}

export type TestHandler = (request: { method: string; url: string; body: string }, response: ServerResponse<IncomingMessage>) => void;

export async function startJsonServer(handler: TestHandler): Promise<JsonTestServer> {
  const requests: JsonTestServer['requests'] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const seen = { method: request.method ?? '', url: request.url ?? '', body };
      requests.push({ ...seen, contentType: request.headers['content-type'] });
      handler(seen, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(response: ServerResponse<IncomingMessage>, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}
