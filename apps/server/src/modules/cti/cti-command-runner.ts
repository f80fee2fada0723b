import type { CtiCommand, CtiResult, Right } from '@rexian/contracts';
import type { CtiPort } from '@rexian/switch';
import type { Db } from '../../db/database';
import { writeAudit, type Actor } from '../audit/audit-log';

export interface CtiCommandProps {
  db: Db;
  cti: CtiPort;
  actor: Actor;
  /** The agent the command is for: the signed-in user. */
  agentId: number;
  command: CtiCommand;
  /** The signed-in user's rights: supervision commands need cti.supervise besides cti.agent. */
  rights: ReadonlySet<Right>;
}

/** Commands a team leader gives about other agents' calls and states (监听, 密语, 强插, 强制状态). */
const SUPERVISION: ReadonlySet<CtiCommand['command']> = new Set(['call.supervise', 'call.supervise-end', 'agent.force-state']);

/**
 * Runs an agent's CTI command on the switch and leaves a trace: sign-in and sign-out as their own
 * audit actions, any other command as `cti.command` with its name and call (not its payload: the
 * log should say who did what to which call, not grow with every digit dialled).
 */
export async function runCtiCommand({ db, cti, actor, agentId, command, rights }: CtiCommandProps): Promise<CtiResult> {
  if (SUPERVISION.has(command.command) && !rights.has('cti.supervise')) {
    await writeAudit(db, actor, { action: 'cti.command', objectType: 'call', outcome: 'denied', summary: { command: command.command } });
    return { ok: false, callId: null, message: '没有班长监控权限 (cti.supervise)' };
  }
  const result = await cti.execute(agentId, command);
  const outcome = result.ok ? 'success' : 'failed';
  const callId = 'callId' in command ? command.callId : result.callId;
  if (command.command === 'agent.login') {
    await writeAudit(db, actor, { action: 'agent.login', objectType: 'agent', objectId: agentId, outcome, summary: { extension: command.extension, message: result.message } });
  } else if (command.command === 'agent.logout') {
    await writeAudit(db, actor, { action: 'agent.logout', objectType: 'agent', objectId: agentId, outcome, summary: { message: result.message } });
  } else {
    await writeAudit(db, actor, {
      action: 'cti.command', objectType: 'call', objectId: callId ?? undefined, outcome, summary: { command: command.command, message: result.message },
    });
  }
  return result;
}
