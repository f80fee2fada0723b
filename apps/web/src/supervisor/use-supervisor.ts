import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { CtiCommandInput, CtiResult } from '@rexian/contracts';
import { CtiSocket, ctiSocketUrl, type CtiSocketNews } from '../switch/cti-socket';
import { EMPTY_SUPERVISOR, applyEvent, dismissHelp, fromSnapshot, type HelpRequest, type SupervisorState } from './supervisor-state';

type Action = { news: CtiSocketNews; me: number } | { dismiss: string };

function reduce(state: SupervisorState, action: Action): SupervisorState {
  if ('dismiss' in action) return dismissHelp(state, action.dismiss);
  const { news, me } = action;
  if (news.kind === 'snapshot') return fromSnapshot(news.snapshot, state);
  if (news.kind === 'event') return applyEvent(state, news.event, me);
  return state;
}

/** The leader's live view over one CTI socket; `onHelp` is told of each new help request. */
export function useSupervisor(me: number, onHelp: (help: HelpRequest) => void) {
  const [state, dispatch] = useReducer(reduce, EMPTY_SUPERVISOR);
  const [connected, setConnected] = useState(false);
  const [everConnected, setEverConnected] = useState(false);
  const socketRef = useRef<CtiSocket | null>(null);
  const helpRef = useRef(onHelp);
  useEffect(() => {
    helpRef.current = onHelp;
  });

  useEffect(() => {
    const socket = new CtiSocket({ url: ctiSocketUrl() });
    socketRef.current = socket;
    const unsubscribe = socket.subscribe((news) => {
      if (news.kind === 'connection') {
        setConnected(news.connected);
        if (news.connected) setEverConnected(true);
        return;
      }
      if (news.kind === 'event' && news.event.event === 'agent.help-requested') {
        const e = news.event;
        helpRef.current({ key: `${e.agentId}-${e.at}`, agentId: e.agentId, extension: e.extension, callId: e.callId, message: e.message, at: e.at });
      }
      dispatch({ news, me });
    });
    socket.start();
    return () => {
      unsubscribe();
      socket.stop();
      socketRef.current = null;
    };
  }, [me]);

  const command = useCallback((input: CtiCommandInput): Promise<CtiResult> => {
    const socket = socketRef.current;
    return socket ? socket.command(input) : Promise.reject(new Error('连接中断，请稍后再试'));
  }, []);

  return { state, connected, everConnected, command, dismiss: (key: string) => dispatch({ dismiss: key }) };
}
