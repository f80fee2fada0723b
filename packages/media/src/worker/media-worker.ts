/**
 * Entry point of a media worker thread: runs a `MediaWorkerHost` and speaks `worker-protocol`
 * with the main thread. Started through `media-worker-bootstrap.mjs` (which registers tsx).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MediaLogger } from '../frames.js';
import { MediaWorkerHost } from './media-worker-host.js';
import type { FromWorker, ToWorker, WorkerSettings } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('media-worker.ts must run in a worker thread');

const post = (message: FromWorker): void => port.postMessage(message);

/** Log lines go to the main thread, which owns the real logger (a pino instance is not cloneable). */
function forward(level: 'debug' | 'info' | 'warn' | 'error') {
  return (obj: unknown, msg?: string): void => {
    try {
      post({ kind: 'log', level, obj, ...(msg !== undefined ? { msg } : {}) });
    } catch {
      post({ kind: 'log', level, obj: String(obj), ...(msg !== undefined ? { msg } : {}) });
    }
  };
}
const logger: MediaLogger = { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
const settings = workerData as WorkerSettings;
const host = new MediaWorkerHost(settings, (sessionId, event) => post({ kind: 'event', sessionId, event }), settings.logLevel === 'debug' ? logger : { ...logger, debug: () => undefined });

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
