import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { CtiCommandInput, CtiResult } from '@rexian/contracts';
import { INITIAL_CONSOLE_STATE, applyEvent, fromSnapshot, type AgentConsoleState } from './agent-console-state';
import { CtiSocket, ctiSocketUrl, type CtiSocketNews } from './cti-socket';

type Action = { news: CtiSocketNews; agentId: number };

function reduce(state: AgentConsoleState, { news, agentId }: Action): AgentConsoleState {
  if (news.kind === 'snapshot') return fromSnapshot(news.snapshot, agentId);
  if (news.kind === 'event') return applyEvent(state, news.event, agentId);
  return state;
}

/**
 * The agent console's live state over one CTI socket for the page: opened when the page mounts,
 * closed when it is left. `connected` is false while the socket is down (and reconnecting).
 */
export function useAgentConsole(agentId: number) {
  const [state, dispatch] = useReducer(reduce, INITIAL_CONSOLE_STATE);
  const [connected, setConnected] = useState(false);
  // Before the first connection opens the page is "connecting", not "down": no banner yet.
  const [everConnected, setEverConnected] = useState(false);
  const socketRef = useRef<CtiSocket | null>(null);

  useEffect(() => {
    const socket = new CtiSocket({ url: ctiSocketUrl() });
    socketRef.current = socket;
    const unsubscribe = socket.subscribe((news) => {
      if (news.kind === 'connection') {
        setConnected(news.connected);
        if (news.connected) setEverConnected(true);
      } else {
        dispatch({ news, agentId });
      }
    });
    socket.start();
    return () => {
      unsubscribe();
      socket.stop();
      socketRef.current = null;
    };
  }, [agentId]);

  const command = useCallback((input: CtiCommandInput): Promise<CtiResult> => {
    const socket = socketRef.current;
    return socket ? socket.command(input) : Promise.reject(new Error('连接中断，请稍后再试'));
  }, []);

  return { state, connected, everConnected, command };
}
