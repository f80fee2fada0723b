/**
 * Streams a recording or voicemail WAV file with HTTP range support (RFC 9110 §14), so an <audio>
 * element can seek: 206 with Content-Range for a satisfiable range, 416 naming the size for one past
 * the end, 200 for the whole file. The file is streamed, never read whole into memory.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '@rexian/contracts';
import { AppError, apiError } from '../../http/app-error';
import { parseByteRange } from './byte-range';

export interface AudioFileProps {
  /** As stored by the switch: relative to the data directory, or absolute. */
  path: string;
  dataDir: string;
  /** Answered (404) when the file is gone. */
  notFound: ErrorCode;
  /** Called once per playback: for a request of the whole file or a range from byte 0 (not for HEAD). */
  onPlaybackStart(): Promise<void>;
}

export async function sendAudioFile(request: FastifyRequest, reply: FastifyReply, props: AudioFileProps): Promise<FastifyReply> {
  const file = isAbsolute(props.path) ? props.path : resolve(props.dataDir, props.path);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new AppError(props.notFound);
  const size = info.size;
  const lastModified = info.mtime.toUTCString();

  // RFC 9110 §13.1.5: a Range with an If-Range that does not match the current file gets the whole file.
  const ifRange = request.headers['if-range'];
  const rangeHeader = ifRange === undefined || ifRange === lastModified ? request.headers.range : undefined;
  const range = parseByteRange(rangeHeader, size);

  reply.header('Accept-Ranges', 'bytes').header('Last-Modified', lastModified).header('Cache-Control', 'private, no-cache');
  if (range.kind === 'unsatisfiable') {
    return reply.status(416).header('Content-Range', `bytes */${size}`).send(apiError('RANGE_NOT_SATISFIABLE'));
  }
  const start = range.kind === 'part' ? range.start : 0;
  const end = range.kind === 'part' ? range.end : size - 1;
  if (start === 0 && request.method !== 'HEAD') await props.onPlaybackStart();
  if (range.kind === 'part') reply.status(206).header('Content-Range', `bytes ${start}-${end}/${size}`);
  reply.type('audio/wav').header('Content-Length', String(end - start + 1));
  if (size === 0) return reply.send('');
  return reply.send(createReadStream(file, { start, end }));
}
