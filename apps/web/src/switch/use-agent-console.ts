import { useReducer } from 'react';
import { INITIAL_CONSOLE_STATE, applyEvent, fromSnapshot, type AgentConsoleState } from './agent-console-state';
import type { CtiSocketNews } from './cti-socket';
import { useCtiSocket } from './use-cti-socket';

type Action = { news: CtiSocketNews; agentId: number };

function reduce(state: AgentConsoleState, { news, agentId }: Action): AgentConsoleState {
  if (news.kind === 'snapshot') return fromSnapshot(news.snapshot, agentId);
  if (news.kind === 'event') return applyEvent(state, news.event, agentId);
  return state;
}

/** The agent console's live state over the page's CTI socket. */
export function useAgentConsole(agentId: number) {
  const [state, dispatch] = useReducer(reduce, INITIAL_CONSOLE_STATE);
  const socket = useCtiSocket((news) => dispatch({ news, agentId }), agentId);
  return { state, ...socket };
}
