/**
 * @rexian/sip — public API (RFC 3261 stack, one folder per layer; each file's top comment says more).
 *
 * messages/   parseMessage(buffer|string, {datagram}) → SipRequest | SipResponse, throws SipParseError
 *             {status, reason, partial}. SipMessage: header(name), headers(name), headerValues(name),
 *             setHeader/addHeader/removeHeader, typed getters vias/topVia/from/to/callId/cseq/contacts/
 *             contactStar/routes/recordRoutes/maxForwards/expires/referTo/replaces/contentType, body,
 *             serialize(). createResponse(request, status, reason?, {toTag, headers, body, contentType}),
 *             createRequest({method, uri, from, to, ...}), parseUri → SipUri | TelUri | AbsoluteUri,
 *             parseNameAddr, parseVia, unescape, newTag, newCallId, reasonPhrase, Replaces helpers.
 *             (auth-headers.ts: Authorization / WWW-Authenticate … — S2's, exported below theirs.)
 * transport/  TransportLayer.listen({host, port, udp, tcp, advertisedHost, idleMs}) over UdpTransport and
 *             TcpTransport (Transport: send(bytes, destination)); parse errors → 400/505/513 or drop,
 *             RFC 3581 received/rport, §18.2.2 response routing (responseDestination).
 * transactions/ the four §17 state machines, TransactionLayer (maps by branch), timers.ts (T1/T2/T4,
 *             A…K), Clock / systemClock / FakeClock.
 * user-agent-core/ Endpoint.listen(options): addRequestFilter(filter → SipResponse | undefined | null),
 *             onRequest(method, (incoming: IncomingRequest) => …), onAck, onStrayResponse,
 *             request(request, destination) → client transaction (.on('response' | 'timeout')),
 *             cancel(tx, destination), Endpoint.nextAttempt(request, edit) / resendWithCredentials,
 *             counts(), close(). §8.2 checks: 405/501 + Allow, 416, 420 + Unsupported, 415, 406, 482.
 * dialogs/    DialogLayer(endpoint, handlers): invite({uri, from, to, destination, sdp, authenticate,
 *             signal, onProvisional}) → Promise<Dialog>, request(dialog, method), reinvite (hold/resume),
 *             bye, notifyRefer; UAS via handlers.onIncomingCall(IncomingCall: ring/answer/reject),
 *             onOffer/onRefer/onNotify/onInfo/onBye; count of open dialogs.
 * user-agents/ ExampleUas.listen({host, port, answer?}) — 180, 200 + SDP, BYE/CANCEL/OPTIONS.
 */
export { SipParseError, badRequest } from './messages/sip-parse-error';
export { SipMessage, type HeaderField, type CSeq } from './messages/sip-message';
export { SipRequest } from './messages/sip-request';
export { SipResponse } from './messages/sip-response';
export { parseMessage, MESSAGE_LIMITS, type ParseOptions } from './messages/parse-message';
export { createResponse, newTag, type ResponseOptions } from './messages/create-response';
export { createRequest, newCallId, type RequestProps } from './messages/create-request';
export { reasonPhrase } from './messages/reason-phrases';
export { SipUri, TelUri, AbsoluteUri, parseUri, parseHostPort, unescape, type Uri } from './messages/uri';
export { NameAddr, parseNameAddr } from './messages/name-addr';
export { Via, parseVia, BRANCH_MAGIC_COOKIE } from './messages/via';
export { parseReplaces, formatReplaces, type Replaces } from './messages/replaces';
export { headerKey, printedName } from './messages/header-names';
export { splitTopLevel, parseParams, formatParams, unquote, isToken, type Params } from './messages/header-value-scanner';
export { replacesInUriHeaders, replacesUriHeader } from './messages/replaces';
export { noopLogger, type Logger } from './logger';
export { TransportError, type Transport, type TransportProtocol, type Destination, type ReceiveHandler } from './transport/transport';
export { UdpTransport, type UdpTransportOptions } from './transport/udp-transport';
export { TcpTransport, type TcpTransportOptions } from './transport/tcp-transport';
export { StreamFramer } from './transport/stream-framer';
export { TransportLayer, type TransportLayerOptions } from './transport/transport-layer';
export { systemClock, type Clock, type TimerHandle } from './transactions/clock';
export { FakeClock } from './transactions/fake-clock';
export { DEFAULT_TIMERS, timerValues, type TimerSettings, type TimerValues } from './transactions/timers';
export { InvalidStateError, type TransactionEvents, type TransactionSender } from './transactions/transaction';
export { InviteClientTransaction, InviteClientState } from './transactions/invite-client-transaction';
export { NonInviteClientTransaction, NonInviteClientState } from './transactions/non-invite-client-transaction';
export { InviteServerTransaction, InviteServerState } from './transactions/invite-server-transaction';
export { NonInviteServerTransaction, NonInviteServerState } from './transactions/non-invite-server-transaction';
export { TransactionLayer, newBranch, type ClientTransaction, type ServerTransaction } from './transactions/transaction-layer';
export { serverTransactionKey, clientTransactionKey } from './transactions/transaction-keys';
export { Endpoint, type EndpointOptions, type RequestFilter, type FilterResult, type RequestHandler } from './user-agent-core/endpoint';
export { IncomingRequest } from './user-agent-core/incoming-request';
export { KNOWN_METHODS, checkRequest, type UasPolicy } from './user-agent-core/uas-checks';
export { Dialog, DialogState, dialogKey, type DialogProps } from './dialogs/dialog';
export { DialogLayer, type DialogHandlers, type InviteProps } from './dialogs/dialog-layer';
export { IncomingCall } from './dialogs/incoming-call';
export { CallFailedError, CallTimeoutError } from './dialogs/dialog-errors';
export { sdpDirection, withDirection, answerFor, type Direction } from './dialogs/sdp-direction';
export { ExampleUas, staticSdp, type ExampleUasOptions, type AnswerHook } from './user-agents/example-uas';
// S2: digest auth, registrar, trunks and the toll-fraud guard, the composed server.
export {
  AuthHeaderSyntaxError,
  parseAuthValues,
  serializeAuthValue,
  parseDigestChallenges,
  toDigestChallenge,
  formatDigestChallenge,
  parseDigestCredentials,
  formatDigestCredentials,
  type AuthParam,
  type AuthValue,
  type DigestChallenge,
  type DigestCredentials,
} from './messages/auth-headers';
export { digestHa1, digestResponse, toDigestAlgorithm, type DigestAlgorithm, type DigestBaseAlgorithm } from './auth/digest-algorithm';
export { DigestAuthenticator, type DigestAuthenticatorOptions, type DigestRequest, type DigestVerdict } from './auth/digest-authenticator';
export { DigestClient, type DigestClientCredentials, type DigestClientRequest } from './auth/digest-client';
export { NonceIssuer, type AuthClock } from './auth/nonce-issuer';
export { staticPhoneDirectory, type PhoneDirectory, type PhoneCredentials, type PhoneAccount } from './auth/phone-directory';
export type { LocationService, Binding, BindingSource, LocationChange, LocationListener } from './registrar/location-service';
export { InMemoryLocationService } from './registrar/in-memory-location-service';
export { Registrar, type RegistrarOptions } from './registrar/registrar';
export { DEFAULT_REGISTRAR_POLICY, type RegistrarPolicy } from './registrar/registration-plan';
export { TrustedAddress, TrustedAddressError } from './security/trusted-address';
export { staticTrunkDirectory, type Trunk, type PeerTrunk, type RegisteredTrunk, type TrunkDirectory } from './security/trunk-directory';
export { FailureLimiter, type FailureLimiterOptions } from './security/failure-limiter';
export { TollFraudGuard, type BlockedSource, type CallerIdentity, type GuardDecision, type TollFraudGuardOptions } from './security/toll-fraud-guard';
export { TrunkRegistration, TrunkRegistrationState, type RegistrationSender, type TrunkRegistrationOptions } from './trunks/trunk-registration';
export { registrationSender, RegistrationTimeoutError } from './trunks/registration-sender';
export { answerChallenge, challengeAnswerer } from './trunks/challenge-answer';
export { createSipServer, type SipServer, type SipServerOptions, type CallHandler } from './sip-server';
