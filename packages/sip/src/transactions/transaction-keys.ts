/**
 * Transaction matching keys (RFC 3261 §17.1.3, §17.2.3). With the magic cookie the branch,
 * sent-by and method identify a server transaction (ACK matches INVITE); without it we fall
 * back to the RFC 2543 fields (Call-ID, From tag, CSeq number, top Via).
 */
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import { BRANCH_MAGIC_COOKIE } from '../messages/via';

export function serverTransactionKey(request: SipRequest, method = request.method): string {
  const via = request.topVia;
  const branch = via.branch;
  const m = method === 'ACK' ? 'INVITE' : method;
  if (branch !== undefined && branch.startsWith(BRANCH_MAGIC_COOKIE)) return `${branch}|${via.sentBy}|${m}`;
  return `2543|${request.callId}|${request.from.tag ?? ''}|${request.cseq.seq}|${via.toString()}|${m}`;
}

/** §17.1.3: the branch of the top Via and the CSeq method. */
export function clientTransactionKey(message: SipRequest | SipResponse): string {
  const method = message.cseq.method;
  return `${message.topVia.branch ?? ''}|${method === 'ACK' ? 'INVITE' : method}`;
}
