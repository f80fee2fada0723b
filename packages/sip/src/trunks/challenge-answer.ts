/**
 * Answering a carrier's challenge to one of our requests (RFC 3261 §22.2, §22.3): the next
 * attempt is a copy with the same Call-ID, From and To, CSeq + 1, a new branch (the endpoint adds
 * a fresh Via) and the Authorization / Proxy-Authorization value computed by a DigestClient.
 */
import { DigestClient, type DigestClientCredentials } from '../auth/digest-client';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import { Endpoint } from '../user-agent-core/endpoint';

/**
 * The request that answers `response` (a 401 or 407 to `request`), or undefined when there is
 * nothing to answer: another status, no usable challenge, or credentials already refused.
 */
export function answerChallenge(client: DigestClient, request: SipRequest, response: SipResponse): SipRequest | undefined {
  if (response.status !== 401 && response.status !== 407) return undefined;
  const proxy = response.status === 407;
  const header = proxy ? 'Proxy-Authorization' : 'Authorization';
  const challenges = response.headers(proxy ? 'proxy-authenticate' : 'www-authenticate');
  // RFC 3261 §22.2: a second challenge after credentials means they were refused — unless the
  // server says the nonce was only stale (RFC 7616 §3.3), in which case answering again is right.
  const stale = challenges.some((c) => /stale\s*=\s*"?true/i.test(c));
  if (request.hasHeader(header) && !stale) return undefined;
  const body = request.body.length > 0 ? { body: request.body.toString('utf8') } : {};
  const value = client.authorize(challenges, { method: request.method, uri: request.uriText, ...body });
  if (value === undefined) return undefined;
  return Endpoint.nextAttempt(request, (copy) => copy.setHeader(header, value));
}

/**
 * The `authenticate` hook for DialogLayer.invite() (and anything else that resends): answers a
 * carrier's challenges with one set of credentials, counting nonce use across attempts.
 */
export function challengeAnswerer(credentials: DigestClientCredentials): (request: SipRequest, response: SipResponse) => SipRequest | undefined {
  const client = new DigestClient(credentials);
  return (request, response) => answerChallenge(client, request, response);
}
