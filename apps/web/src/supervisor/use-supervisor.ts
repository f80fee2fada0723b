import { useReducer } from 'react';
import type { CtiSocketNews } from '../switch/cti-socket';
import { useCtiSocket } from '../switch/use-cti-socket';
import { EMPTY_SUPERVISOR, applyEvent, dismissHelp, fromSnapshot, type HelpRequest, type SupervisorState } from './supervisor-state';

type Action = { news: CtiSocketNews; me: number } | { dismiss: string };

function reduce(state: SupervisorState, action: Action): SupervisorState {
  if ('dismiss' in action) return dismissHelp(state, action.dismiss);
  const { news, me } = action;
  if (news.kind === 'snapshot') return fromSnapshot(news.snapshot, state);
  if (news.kind === 'event') return applyEvent(state, news.event, me);
  return state;
}

/** The leader's live view over the page's CTI socket; `onHelp` is told of each new help request. */
export function useSupervisor(me: number, onHelp: (help: HelpRequest) => void) {
  const [state, dispatch] = useReducer(reduce, EMPTY_SUPERVISOR);
  const socket = useCtiSocket((news) => {
    if (news.kind === 'event' && news.event.event === 'agent.help-requested') {
      const e = news.event;
      onHelp({ key: `${e.agentId}-${e.at}`, agentId: e.agentId, extension: e.extension, callId: e.callId, message: e.message, at: e.at });
    }
    dispatch({ news, me });
  }, me);
  return { state, ...socket, dismiss: (key: string) => dispatch({ dismiss: key }) };
}
