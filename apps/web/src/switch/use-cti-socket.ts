import { useCallback, useEffect, useRef, useState } from 'react';
import type { CtiCommandInput, CtiResult } from '@rexian/contracts';
import { CtiSocket, ctiSocketUrl, type CtiSocketNews } from './cti-socket';

/**
 * One CTI socket for the page: opened when the page mounts, closed when it is left. Snapshots and
 * events go to `onNews`; `connected` is false while the socket is down (and reconnecting), and
 * `everConnected` tells "connecting" from "down" (no banner before the first connection).
 */
export function useCtiSocket(onNews: (news: Exclude<CtiSocketNews, { kind: 'connection' }>) => void, restartKey: unknown) {
  const [connected, setConnected] = useState(false);
  const [everConnected, setEverConnected] = useState(false);
  const socketRef = useRef<CtiSocket | null>(null);
  const newsRef = useRef(onNews);
  useEffect(() => {
    newsRef.current = onNews;
  });

  useEffect(() => {
    const socket = new CtiSocket({ url: ctiSocketUrl() });
    socketRef.current = socket;
    const unsubscribe = socket.subscribe((news) => {
      if (news.kind === 'connection') {
        setConnected(news.connected);
        if (news.connected) setEverConnected(true);
      } else newsRef.current(news);
    });
    socket.start();
    return () => {
      unsubscribe();
      socket.stop();
      socketRef.current = null;
    };
  }, [restartKey]);

  const command = useCallback((input: CtiCommandInput): Promise<CtiResult> => {
    const socket = socketRef.current;
    return socket ? socket.command(input) : Promise.reject(new Error('连接中断，请稍后再试'));
  }, []);

  return { connected, everConnected, command };
}
