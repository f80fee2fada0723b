/**
 * What a REGISTER asks of the location service, checked before anything is written so that a
 * request applies whole or not at all. RFC 3261 §10.3 step 7: "The binding updates MUST be
 * committed (that is, made visible to the proxy or redirect server) if and only if all binding
 * updates and additions succeed. If any one of them fails ... the request MUST fail with a 500
 * (Server Error) response and all tentative binding updates MUST be removed."
 */
import type { Binding, BindingSource } from './location-service';

export interface RegisterContact {
  /** Contact URI text. */
  readonly uri: string;
  /** The contact's expires parameter, when present. */
  readonly expires?: number;
  readonly q?: number;
}

export interface RegisterInput {
  readonly aor: string;
  readonly callId: string;
  readonly cseq: number;
  /** `Contact: *` */
  readonly star: boolean;
  readonly contacts: readonly RegisterContact[];
  readonly expiresHeader?: number;
  readonly source: BindingSource;
  readonly userAgent?: string;
}

export interface RegistrarPolicy {
  /** Shortest accepted non-zero expiry, seconds (423 below it). */
  readonly minExpires: number;
  /** Longest granted expiry, seconds (longer requests are shortened). */
  readonly maxExpires: number;
  /** Expiry when the request names none, seconds. */
  readonly defaultExpires: number;
  /** Most bindings one AOR may hold. */
  readonly maxContacts: number;
}

export const DEFAULT_REGISTRAR_POLICY: RegistrarPolicy = {
  minExpires: 60,
  maxExpires: 3600,
  defaultExpires: 3600,
  maxContacts: 10,
};

export type RegistrationPlan =
  | { readonly ok: true; readonly writes: readonly Binding[]; readonly removals: readonly string[] }
  | { readonly ok: false; readonly status: number; readonly reason: string; readonly minExpires?: number };

/** Plans the update of `existing` (the AOR's current bindings) that `input` asks for. */
export function planRegistration(
  existing: readonly Binding[],
  input: RegisterInput,
  policy: RegistrarPolicy,
  now: number,
): RegistrationPlan {
  const current = new Map(existing.map((b) => [contactKey(b.contact), b]));
  if (input.star) {
    // §10.3 step 6: "If the request has additional Contact fields or an expiration time other
    // than zero, the request is invalid, and the server MUST return a 400 (Invalid Request)".
    if (input.contacts.length > 0 || input.expiresHeader !== 0) return refuse(400, 'Invalid wildcard Contact');
    for (const b of existing) if (!ordered(b, input)) return refuse(500, 'CSeq out of order');
    return { ok: true, writes: [], removals: existing.map((b) => b.contact) };
  }
  const writes: Binding[] = [];
  const removals: string[] = [];
  for (const contact of input.contacts) {
    // §10.3 step 6: "if the field value has an "expires" parameter, that value MUST be taken as
    // the requested expiration. If there is no such parameter, but the request has an Expires
    // header field, that value MUST be taken ... If there is neither, the registrar SHOULD take a
    // locally-configured default value".
    const requested = contact.expires ?? input.expiresHeader ?? policy.defaultExpires;
    // §10.3 step 6: "If and only if the requested expiration interval is greater than zero AND
    // smaller than one hour AND less than a registrar-configured minimum, the registrar MAY reject
    // the registration with a response of 423 (Interval Too Brief)."
    if (requested > 0 && requested < policy.minExpires) {
      return { ok: false, status: 423, reason: 'Interval Too Brief', minExpires: policy.minExpires };
    }
    const seconds = Math.min(requested, policy.maxExpires);
    const key = contactKey(contact.uri);
    const old = current.get(key);
    // §10.3 step 7: same Call-ID and a CSeq not higher → "the update MUST be aborted and the
    // request fails".
    if (old !== undefined && !ordered(old, input)) return refuse(500, 'CSeq out of order');
    if (seconds === 0) {
      if (old !== undefined) removals.push(old.contact);
      current.delete(key);
      continue;
    }
    const binding: Binding = {
      aor: input.aor,
      contact: old?.contact ?? contact.uri,
      expiresAt: now + seconds * 1000,
      callId: input.callId,
      cseq: input.cseq,
      source: input.source,
      ...(contact.q === undefined ? {} : { q: contact.q }),
      ...(input.userAgent === undefined ? {} : { userAgent: input.userAgent }),
    };
    current.set(key, binding);
    writes.push(binding);
  }
  if (current.size > policy.maxContacts) return refuse(403, 'Too many contacts');
  return { ok: true, writes, removals };
}

/** §10.3 step 7: a new Call-ID always applies; the same Call-ID needs a higher CSeq. */
function ordered(old: Binding, input: RegisterInput): boolean {
  return old.callId !== input.callId || input.cseq > old.cseq;
}

function refuse(status: number, reason: string): RegistrationPlan {
  return { ok: false, status, reason };
}

/**
 * A key under which equal contact URIs meet (RFC 3261 §19.1.4, simplified): scheme and host are
 * case-insensitive, the user part is not, and parameter order does not matter.
 */
export function contactKey(uri: string): string {
  const m = /^(sips?):(?:([^@]*)@)?([^;?]*)([^?]*)/i.exec(uri.trim());
  if (m === null) return uri.trim();
  const [, scheme = '', user = '', hostPort = '', params = ''] = m;
  const sorted = params.split(';').filter((p) => p !== '').map((p) => p.toLowerCase()).sort().join(';');
  return `${scheme.toLowerCase()}:${user}@${hostPort.toLowerCase()};${sorted}`;
}
