/**
 * The CTI WebSocket `/ws` (RFC 6455): the agent desktop and the supervisor console receive CTI
 * events as they happen and send commands without a round trip per request. The upgrade request
 * is an ordinary GET through the access control (session cookie, IP limits, a CTI right); then
 * the Origin must be this server, because browsers send cookies on cross-site WebSocket
 * handshakes and no CSRF token travels with them.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { WsClientMessage, type WsServerMessage } from '@rexian/contracts';
import { actorOf } from '../audit/audit-log';
import { runCtiCommand } from './cti-command-runner';
import { ctiEventFilter } from './cti-event-filter';

/** RFC 6455 §7.4.1: 1008 "policy violation". */
const POLICY_VIOLATION = 1008;

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  // Programs other than browsers may send no Origin; they still needed the session to get here.
  if (!origin) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

export async function ctiSocketRoutes(app: FastifyInstance): Promise<void> {
  app.get('/ws', { websocket: true, config: { access: ['cti.agent', 'calls.view'] } }, (socket: WebSocket, request: FastifyRequest) => {
    if (!sameOrigin(request)) {
      socket.close(POLICY_VIOLATION, 'cross-site origin');
      return;
    }
    const principal = request.principal!;
    const cti = app.switchboard.cti;
    const send = (message: WsServerMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const visible = ctiEventFilter(principal);
    const unsubscribe = cti.on((event) => {
      if (visible(event)) send({ type: 'cti.event', event });
    });
    socket.on('close', unsubscribe);

    socket.on('message', (data, isBinary) => {
      let json: unknown;
      try {
        json = JSON.parse(isBinary ? '' : data.toString());
      } catch {
        send({ type: 'error', message: '消息不是有效的 JSON (message is not JSON)' });
        return;
      }
      const parsed = WsClientMessage.safeParse(json);
      if (!parsed.success) {
        const where = parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
        send({ type: 'error', message: `消息格式不正确 (invalid message): ${where}` });
        return;
      }
      const message = parsed.data;
      if (message.type === 'ping') send({ type: 'pong' });
      else if (message.type === 'cti.sync') send({ type: 'cti.snapshot', snapshot: cti.snapshot() });
      else if (!principal.rights.has('cti.agent')) {
        send({ type: 'cti.result', id: message.id, result: { ok: false, callId: null, message: '没有坐席话务权限 (cti.agent)' } });
      } else {
        runCtiCommand({ db: app.db, cti, actor: actorOf(request), agentId: principal.userId, command: message.command, rights: principal.rights })
          .then((result) => send({ type: 'cti.result', id: message.id, result }))
          .catch((error: Error) => {
            request.log.error({ err: error, command: message.command.command }, 'CTI command failed');
            send({ type: 'cti.result', id: message.id, result: { ok: false, callId: null, message: '命令执行失败 (command failed)' } });
          });
      }
    });
    send({ type: 'cti.snapshot', snapshot: cti.snapshot() });
  });
}
