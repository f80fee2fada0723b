import { SipRequest } from './sip-request';

/**
 * The ACK for a non-2xx response (§17.1.1.3) and a CANCEL (§9.1) are built alike from the INVITE
 * they belong to: "the same ... Request-URI, Call-ID, From, and ... CSeq number", "a single Via
 * header field value matching the top Via value in the request", and its Route header fields. Only
 * the method and the To header field (the response's, with its tag, for the ACK) differ.
 */
export function requestForInvite(invite: SipRequest, method: 'ACK' | 'CANCEL', to: string): SipRequest {
  const request = new SipRequest(method, invite.uriText);
  request.addHeader('Via', invite.headers('via')[0] ?? '');
  request.addHeader('Max-Forwards', '70');
  for (const route of invite.headers('route')) request.addHeader('Route', route);
  request.addHeader('From', invite.header('from') ?? '');
  request.addHeader('To', to);
  request.addHeader('Call-ID', invite.header('call-id') ?? '');
  request.addHeader('CSeq', `${invite.cseq.seq} ${method}`);
  return request;
}
