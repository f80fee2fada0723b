/**
 * Entry point of a media worker thread: runs a `MediaWorkerHost` and speaks `worker-protocol`
 * with the main thread. Started through `media-worker-bootstrap.mjs` (which registers tsx).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { MediaWorkerHost } from './media-worker-host.js';
import type { FromWorker, ToWorker, WorkerSettings } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('media-worker.ts must run in a worker thread');

const post = (message: FromWorker): void => port.postMessage(message);
const host = new MediaWorkerHost(workerData as WorkerSettings, (sessionId, event) => post({ kind: 'event', sessionId, event }));

port.on('message', (message: ToWorker | { kind: 'shutdown' }) => {
  if (message.kind === 'shutdown') {
    host.closeAll('shutdown');
    port.close();
    return;
  }
  host.handle(message.command).then(
    (result) => post({ kind: 'reply', id: message.id, ok: true, result }),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      post({ kind: 'reply', id: message.id, ok: false, error: { name: e.name, message: e.message } });
    },
  );
});

post({ kind: 'ready' });
