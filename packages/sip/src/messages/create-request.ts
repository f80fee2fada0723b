/**
 * createRequest (RFC 3261 §8.1.1): builds a request with the mandatory headers. The Via is
 * normally added by the transaction layer (branch) and completed by the transport (sent-by).
 */
import { SipRequest } from './sip-request';
import { newTag, randomHex } from './create-response';

export interface RequestProps {
  method: string;
  uri: string;
  from: string;
  to: string;
  /** Tag for From (default: new tag). */
  fromTag?: string;
  callId?: string;
  cseq?: number;
  maxForwards?: number;
  contact?: string;
  headers?: Record<string, string | readonly string[]>;
  body?: Buffer | string;
  contentType?: string;
}

export function newCallId(): string {
  return randomHex(12);
}

export function createRequest(props: RequestProps): SipRequest {
  const request = new SipRequest(props.method, props.uri);
  request.addHeader('Max-Forwards', String(props.maxForwards ?? 70));
  request.addHeader('From', `${props.from};tag=${props.fromTag ?? newTag()}`);
  request.addHeader('To', props.to);
  request.addHeader('Call-ID', props.callId ?? newCallId());
  request.addHeader('CSeq', `${props.cseq ?? 1} ${props.method}`);
  if (props.contact !== undefined) request.addHeader('Contact', props.contact);
  for (const [name, value] of Object.entries(props.headers ?? {})) request.setHeader(name, value);
  if (props.body !== undefined) {
    request.body = typeof props.body === 'string' ? Buffer.from(props.body, 'utf8') : props.body;
    if (props.contentType !== undefined) request.setHeader('Content-Type', props.contentType);
  }
  return request;
}
