/**
 * The SIP server the product starts: an endpoint on UDP and TCP with the toll-fraud guard in
 * front, the registrar for phones, registrations to carriers, and — until the call switch
 * exists — the example UAS answering INVITEs to the hotline numbers from trunks and phones.
 * Everything else gets the right refusal: strangers a challenge (401/407), unknown numbers a
 * 404 only once the caller is trusted or authenticated.
 */
import { DigestAuthenticator } from './auth/digest-authenticator';
import type { DigestBaseAlgorithm } from './auth/digest-algorithm';
import type { PhoneDirectory } from './auth/phone-directory';
import { noopLogger, type Logger } from './logger';
import { createResponse } from './messages/create-response';
import type { SipRequest } from './messages/sip-request';
import type { SipResponse } from './messages/sip-response';
import { InMemoryLocationService } from './registrar/in-memory-location-service';
import type { LocationService } from './registrar/location-service';
import { Registrar } from './registrar/registrar';
import type { RegistrarPolicy } from './registrar/registration-plan';
import { FailureLimiter, type FailureLimiterOptions } from './security/failure-limiter';
import { TollFraudGuard, type BlockedSource, type CallerIdentity } from './security/toll-fraud-guard';
import { staticTrunkDirectory, type RegisteredTrunk, type Trunk, type TrunkDirectory } from './security/trunk-directory';
import { systemClock, type Clock } from './transactions/clock';
import type { TimerSettings } from './transactions/timers';
import { TrunkRegistration } from './trunks/trunk-registration';
import { Endpoint, type FilterResult } from './user-agent-core/endpoint';
import type { Destination } from './transport/transport';
import { ExampleUas, type AnswerHook } from './user-agents/example-uas';
import { DialogLayer } from './dialogs/dialog-layer';
import type { Dialog } from './dialogs/dialog';
import type { IncomingCall } from './dialogs/incoming-call';
import { registrationSender } from './trunks/registration-sender';

/**
 * The call switch, when there is one: it takes every INVITE that passed the guard, with who sent
 * it, and places calls of its own through the dialog layer it is given at start.
 */
export interface CallHandler {
  /** Once listening: the dialog layer for placing calls and sending in-dialog requests. */
  attach(dialogs: DialogLayer): void;
  /** Whether `number`, dialled by `identity`, goes anywhere (else 404 Not Found). */
  accepts(number: string, identity: CallerIdentity): boolean;
  incoming(call: IncomingCall, identity: CallerIdentity): void;
  onBye?(dialog: Dialog): void;
  onInfo?(dialog: Dialog, request: SipRequest): void;
  onOffer?(dialog: Dialog, offer: string): string;
}

export interface SipServerOptions {
  /** Bind address (default 0.0.0.0). */
  readonly host?: string;
  /** Port for UDP and TCP (default 5060; 0 picks a free one). */
  readonly port?: number;
  readonly transports?: readonly ('udp' | 'tcp')[];
  /** Host written in our Via and Contact headers. */
  readonly advertisedHost?: string;
  /** Digest realm for phones; also the domain of their addresses-of-record unless `domain` is set. */
  readonly realm: string;
  readonly domain?: string;
  readonly phones: PhoneDirectory;
  readonly trunks: readonly Trunk[] | TrunkDirectory;
  /** Numbers the example UAS answers, e.g. ['8000']. */
  readonly hotlineNumbers: readonly string[];
  readonly answer?: AnswerHook;
  /** The call switch; without it the example UAS answers the hotline numbers. */
  readonly calls?: CallHandler;
  readonly registrar?: Partial<RegistrarPolicy>;
  /**
   * The failure limits: `maxFailures` per source address and username (default 5), within
   * `windowMs`, block for `blockMs`; `maxFailuresPerAddress` across usernames (default 20).
   */
  readonly security?: FailureLimiterOptions & {
    readonly maxFailuresPerAddress?: number;
    /** What a blocked address gets (default: silence). */
    readonly blocked?: 'drop' | 'forbidden';
    /** Digest algorithms offered, preferred first (default SHA-256, MD5). */
    readonly digestAlgorithms?: readonly DigestBaseAlgorithm[];
    readonly nonceLifetimeMs?: number;
    /** Told when a source becomes blocked (for the audit log). */
    readonly onBlocked?: (event: BlockedSource) => void;
  };
  /** Bindings to keep, e.g. those of the server this one replaces (default: a new in-memory one). */
  readonly location?: LocationService;
  readonly clock?: Clock;
  readonly timers?: TimerSettings;
  readonly logger?: Logger;
}

export interface SipServer {
  start(): Promise<void>;
  close(): Promise<void>;
  /**
   * Takes a changed list of trunks and hotline numbers without a restart: calls in progress and
   * registered phones are untouched; registrations of trunks that left or changed are closed
   * (un-registered), those of new trunks started.
   */
  updateTrunks(trunks: readonly Trunk[], hotlineNumbers: readonly string[]): void;
  /** The registration of the registered trunk named `name`, once started. */
  trunkRegistration(name: string): TrunkRegistration | undefined;
  readonly location: LocationService;
  /** The address-of-record the location service files an extension under ("sip:1001@<domain>"). */
  aorOf(extension: string): string;
  /** Where it listens, once started. */
  readonly address: { readonly host: string; readonly port: number } | undefined;
  readonly endpoint: Endpoint | undefined;
  readonly guard: TollFraudGuard;
  readonly registrations: readonly TrunkRegistration[];
}

export function createSipServer(options: SipServerOptions): SipServer {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? noopLogger;
  const directoryOf = (t: readonly Trunk[] | TrunkDirectory): TrunkDirectory =>
    Array.isArray(t) ? staticTrunkDirectory(t as readonly Trunk[]) : (t as TrunkDirectory);
  let directory = directoryOf(options.trunks);
  // The guard asks whatever directory is current, so updateTrunks() needs no new guard.
  const trunks: TrunkDirectory = {
    matchSource: (address, port) => directory.matchSource(address, port),
    list: () => directory.list(),
  };
  // The location service outlives the server: the product hands it to the next server when it
  // restarts on a trunk change, so that phones stay registered. close() leaves it alone (its
  // expiry timer does not hold the process open).
  const location = options.location ?? new InMemoryLocationService(clock, logger);
  const security = options.security ?? {};
  const authenticator = new DigestAuthenticator({
    realm: options.realm,
    directory: options.phones,
    clock,
    ...(security.digestAlgorithms ? { algorithms: security.digestAlgorithms } : {}),
    ...(security.nonceLifetimeMs ? { nonceLifetimeMs: security.nonceLifetimeMs } : {}),
  });
  const guard = new TollFraudGuard({
    trunks,
    authenticator,
    addressLimiter: new FailureLimiter({
      clock,
      maxFailures: security.maxFailuresPerAddress ?? 20,
      ...(security.windowMs === undefined ? {} : { windowMs: security.windowMs }),
      ...(security.blockMs === undefined ? {} : { blockMs: security.blockMs }),
    }),
    limiter: new FailureLimiter({
      clock,
      ...(security.maxFailures === undefined ? {} : { maxFailures: security.maxFailures }),
      ...(security.windowMs === undefined ? {} : { windowMs: security.windowMs }),
      ...(security.blockMs === undefined ? {} : { blockMs: security.blockMs }),
      ...(security.maxTracked === undefined ? {} : { maxTracked: security.maxTracked }),
    }),
    blocked: security.blocked ?? 'drop',
    ...(security.onBlocked ? { onBlocked: security.onBlocked } : {}),
    logger,
  });
  const registrar = new Registrar({ location, domain: options.domain ?? options.realm, clock, logger, ...(options.registrar ? { policy: options.registrar } : {}) });
  let hotline = new Set(options.hotlineNumbers);
  const identities = new WeakMap<SipRequest, CallerIdentity>();
  const registrations: TrunkRegistration[] = [];
  /** Each running registration with its trunk as JSON: a trunk whose JSON changed is re-registered. */
  const registered = new Map<TrunkRegistration, { name: string; json: string }>();
  let uas: ExampleUas | undefined;
  let endpoint: Endpoint | undefined;

  function startRegistration(endpoint: Endpoint, trunk: RegisteredTrunk): void {
    const transport = trunk.registrar.transport ?? 'udp';
    const registration = new TrunkRegistration({
      trunk,
      sender: registrationSender(endpoint, { transport, address: trunk.registrar.host, port: trunk.registrar.port ?? 5060 }),
      contact: `sip:${trunk.username}@${endpoint.transport.sentBy(transport)}${transport === 'tcp' ? ';transport=tcp' : ''}`,
      clock,
      logger,
    });
    registrations.push(registration);
    registered.set(registration, { name: trunk.name, json: JSON.stringify(trunk) });
    registration.start();
  }

  function syncRegistrations(): void {
    if (endpoint === undefined || closed) return;
    const wanted = new Map(
      directory.list().filter((t): t is RegisteredTrunk => t.kind === 'registered').map((t) => [JSON.stringify(t), t]),
    );
    for (const [registration, { json }] of registered) {
      if (wanted.delete(json)) continue;
      registered.delete(registration);
      registrations.splice(registrations.indexOf(registration), 1);
      void registration.close();
    }
    for (const trunk of wanted.values()) startRegistration(endpoint, trunk);
  }
  let started: Promise<void> | undefined;
  let closed = false;

  async function guardFilter(request: SipRequest, source: Destination): Promise<FilterResult> {
    const decision = await guard.check(request, source);
    if (decision.action === 'respond') return decision.response;
    if (decision.action === 'drop') {
      logger.debug({ address: source.address, method: request.method, reason: decision.reason }, 'sip.guard dropped');
      return null;
    }
    identities.set(request, decision.identity);
    return undefined;
  }

  /** Runs after the guard: only known destinations go on to the handlers. */
  function routeFilter(request: SipRequest): SipResponse | undefined {
    if (request.method !== 'INVITE' || request.to.tag !== undefined) return undefined;
    const uri = request.uri;
    const number = uri.kind === 'sip' ? uri.user : uri.kind === 'tel' ? uri.number : undefined;
    const identity = identities.get(request);
    if (number !== undefined && options.calls !== undefined && identity !== undefined && options.calls.accepts(number, identity)) return undefined;
    if (number !== undefined && options.calls === undefined && hotline.has(number)) return undefined;
    return createResponse(request, 404, 'Not Found');
  }

  function attachCalls(listening: Endpoint, calls: CallHandler): void {
    const dialogs = new DialogLayer(listening, {
      onIncomingCall: (call) => {
        const identity = identities.get(call.request);
        if (identity === undefined) return call.reject(403);
        calls.incoming(call, identity);
      },
      ...(calls.onBye ? { onBye: (dialog: Dialog) => calls.onBye!(dialog) } : {}),
      ...(calls.onInfo ? { onInfo: (dialog: Dialog, request: SipRequest) => calls.onInfo!(dialog, request) } : {}),
      ...(calls.onOffer ? { onOffer: (dialog: Dialog, offer: string) => calls.onOffer!(dialog, offer) } : {}),
    });
    calls.attach(dialogs);
    closeCalls = () => dialogs.close();
  }
  let closeCalls: (() => void) | undefined;

  return {
    location,
    guard,
    registrations,
    aorOf: (extension) => registrar.aorOf(extension),
    get address() {
      return endpoint === undefined ? undefined : { host: endpoint.transport.advertisedHost, port: endpoint.port };
    },
    get endpoint() {
      return endpoint;
    },
    start() {
      started ??= (async () => {
        const wanted = options.transports ?? ['udp', 'tcp'];
        const listening = await Endpoint.listen({
          host: options.host ?? '0.0.0.0',
          port: options.port ?? 5060,
          udp: wanted.includes('udp'),
          tcp: wanted.includes('tcp'),
          clock,
          logger,
          ...(options.advertisedHost ? { advertisedHost: options.advertisedHost } : {}),
          ...(options.timers ? { timers: options.timers } : {}),
        });
        listening.addRequestFilter(guardFilter);
        listening.addRequestFilter(routeFilter);
        if (options.calls) attachCalls(listening, options.calls);
        else uas = new ExampleUas(listening, options.answer ? { answer: options.answer } : {});
        endpoint = listening;
        listening.onRequest('REGISTER', (incoming) => {
          const identity = identities.get(incoming.request);
          if (identity?.kind !== 'phone') return void incoming.respond(403);
          incoming.send(registrar.handle(incoming.request, incoming.source, identity.username));
        });
        syncRegistrations();
      })();
      return started;
    },
    updateTrunks(next, hotlineNumbers) {
      directory = directoryOf(next);
      hotline = new Set(hotlineNumbers);
      syncRegistrations();
    },
    trunkRegistration(name) {
      for (const [registration, trunk] of registered) if (trunk.name === name) return registration;
      return undefined;
    },
    async close() {
      if (closed) return;
      closed = true;
      await started?.catch(() => {});
      await Promise.all(registrations.map((r) => r.close()));
      if (uas) await uas.close();
      else {
        closeCalls?.();
        await endpoint?.close();
      }
    },
  };
}
