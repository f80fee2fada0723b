/**
 * The registrar (RFC 3261 §10.3): turns an authenticated REGISTER into bindings in the location
 * service and answers 200 OK listing the address-of-record's current bindings. Authentication
 * itself happens before (security/toll-fraud-guard.ts); this class checks that the
 * authenticated phone registers only its own address-of-record.
 */
import { noopLogger, type Logger } from '../logger';
import { createResponse } from '../messages/create-response';
import { SipParseError, badRequest } from '../messages/sip-parse-error';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import { systemClock, type Clock } from '../transactions/clock';
import type { Destination } from '../transport/transport';
import type { LocationService } from './location-service';
import { DEFAULT_REGISTRAR_POLICY, planRegistration, type RegisterContact, type RegistrarPolicy } from './registration-plan';

export interface RegistrarOptions {
  readonly location: LocationService;
  /** The domain our addresses-of-record live in: AORs are "sip:<extension>@<domain>". */
  readonly domain: string;
  readonly policy?: Partial<RegistrarPolicy>;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

export class Registrar {
  readonly policy: RegistrarPolicy;
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(private readonly options: RegistrarOptions) {
    this.policy = { ...DEFAULT_REGISTRAR_POLICY, ...options.policy };
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? noopLogger;
  }

  /** The canonical address-of-record of an extension. */
  aorOf(extension: string): string {
    return `sip:${extension}@${this.options.domain}`;
  }

  /** Answers a REGISTER whose sender has proven to be `username`. */
  handle(request: SipRequest, source: Destination, username: string): SipResponse {
    try {
      return this.register(request, source, username);
    } catch (error) {
      if (error instanceof SipParseError) return createResponse(request, error.status, error.reason);
      throw error;
    }
  }

  private register(request: SipRequest, source: Destination, username: string): SipResponse {
    const to = request.to.uri;
    // §10.3 step 5: "The registrar SHOULD determine if the authenticated user is authorized to
    // modify registrations for this address-of-record" — here a phone registers only itself.
    if (to.kind !== 'sip' || to.user !== username) return createResponse(request, 403, 'Forbidden');
    const aor = this.aorOf(username);
    const now = this.clock.now();
    const userAgent = request.header('user-agent');
    const plan = planRegistration(
      this.options.location.lookup(aor),
      {
        aor,
        callId: request.callId,
        cseq: request.cseq.seq,
        star: request.contactStar,
        contacts: request.contacts.map((c) => contactOf(c.uri.toString(), c.params)),
        ...(request.expires === undefined ? {} : { expiresHeader: request.expires }),
        source: { transport: source.transport, address: source.address, port: source.port },
        ...(userAgent === undefined ? {} : { userAgent }),
      },
      this.policy,
      now,
    );
    if (!plan.ok) {
      // §10.3 step 6: a 423 "MUST contain a Min-Expires header field".
      const headers: Record<string, string> = plan.minExpires === undefined ? {} : { 'Min-Expires': String(plan.minExpires) };
      return createResponse(request, plan.status, plan.reason, { headers });
    }
    for (const contact of plan.removals) this.options.location.remove(aor, contact);
    for (const binding of plan.writes) this.options.location.register(binding);
    this.logger.debug({ aor, writes: plan.writes.length, removals: plan.removals.length }, 'sip.registrar registered');
    // §10.3 step 8: "The 200 (OK) response MUST contain Contact header field values enumerating
    // all current bindings. Each Contact value MUST feature an "expires" parameter".
    const contacts = this.options.location
      .lookup(aor)
      .map((b) => `<${b.contact}>;expires=${Math.max(0, Math.ceil((b.expiresAt - now) / 1000))}`);
    const headers: Record<string, string | string[]> = { Date: new Date().toUTCString() };
    if (contacts.length > 0) headers.Contact = contacts;
    return createResponse(request, 200, 'OK', { headers });
  }
}

function contactOf(uri: string, params: ReadonlyMap<string, string | null>): RegisterContact {
  const expires = params.get('expires');
  const q = params.get('q');
  if (expires !== undefined && (expires === null || !/^\d{1,10}$/.test(expires))) {
    throw badRequest('Malformed Contact expires');
  }
  if (q !== undefined && (q === null || !/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(q))) {
    throw badRequest('Malformed Contact q');
  }
  return {
    uri,
    ...(expires === undefined ? {} : { expires: Math.min(Number(expires), 2 ** 32 - 1) }),
    ...(q === undefined ? {} : { q: Number(q) }),
  };
}
