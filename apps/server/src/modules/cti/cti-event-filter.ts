import type { CtiEvent } from '@rexian/contracts';
import type { Principal } from '../auth/principal';

/**
 * Which CTI events a person's socket receives. A supervisor — calls.view over their department or
 * everything — sees every event (events do not say which department a call belongs to). An agent
 * — cti.agent, or calls.view limited to their own calls — sees the events about themselves and how
 * the queues stand: not who else is calling whom. Anybody else nothing.
 */
export function ctiEventFilter(principal: Pick<Principal, 'rights' | 'dataScope' | 'userId'>): (event: CtiEvent) => boolean {
  const { rights, dataScope, userId } = principal;
  if (rights.has('calls.view') && dataScope !== 'own') return () => true;
  if (!rights.has('cti.agent') && !rights.has('calls.view')) return () => false;
  return (event) => event.event === 'queue.changed' || ('agentId' in event && event.agentId === userId);
}
