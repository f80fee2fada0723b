import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CtiCommand, CtiResult, CtiSnapshot } from '@rexian/contracts';
import { actorOf } from '../audit/audit-log';
import { runCtiCommand } from './cti-command-runner';

/** The CTI interface over REST (INT-1): commands for the signed-in agent, and the live snapshot. */
export const ctiRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['cti'];

  app.post('/commands', {
    config: { access: 'cti.agent' },
    schema: { tags, summary: '坐席话务命令 Run a CTI command as the signed-in agent', body: CtiCommand, response: { 200: CtiResult } },
  }, async (request) => runCtiCommand({
    db: app.db, cti: app.switchboard.cti, actor: actorOf(request), agentId: request.principal!.userId, command: request.body, rights: request.principal!.rights,
  }));

  app.get('/snapshot', {
    config: { access: ['cti.agent', 'calls.view'] },
    schema: { tags, summary: '坐席、队列与在线通话的快照 Agents, queues and live calls now', response: { 200: CtiSnapshot } },
  }, async () => app.switchboard.cti.snapshot());
};
