/**
 * The location service of RFC 3261 §10 ("an abstract service ... used by a redirect or proxy
 * server ... to obtain information about a callee's possible location"): bindings of an
 * address-of-record to contact addresses, each with its expiry. The switch queries it to reach
 * a phone; the registrar writes it.
 */

/** Where a message came from: the transport and the packet's source address (after NAT). */
export interface BindingSource {
  readonly transport: 'udp' | 'tcp';
  readonly address: string;
  readonly port: number;
}

export interface Binding {
  /** The canonical address-of-record, e.g. "sip:1001@rexian.local". */
  readonly aor: string;
  /** The Contact URI as the phone wrote it. */
  readonly contact: string;
  /** When the binding lapses, in ms on the service's clock. */
  readonly expiresAt: number;
  /** Call-ID and CSeq of the REGISTER that last wrote it (RFC 3261 §10.3 step 7). */
  readonly callId: string;
  readonly cseq: number;
  /** Contact q-value, 0..1, when given. */
  readonly q?: number;
  /**
   * The packet source of that REGISTER (Via received/rport, RFC 3581): a phone behind NAT is
   * reached there rather than at its Contact.
   */
  readonly source: BindingSource;
  readonly userAgent?: string;
}

export type LocationChange =
  | { readonly kind: 'added' | 'refreshed'; readonly binding: Binding }
  | { readonly kind: 'removed' | 'expired'; readonly binding: Binding };

export type LocationListener = (change: LocationChange) => void;

export interface LocationService {
  /** Current (unexpired) bindings of an AOR, most preferred (highest q) first. */
  lookup(aor: string): Binding[];
  /** Adds or replaces the binding of (aor, contact). */
  register(binding: Binding): void;
  /** Removes one binding, or every binding of the AOR when `contact` is omitted. */
  remove(aor: string, contact?: string): void;
  /** Every AOR with at least one binding. */
  aors(): string[];
  /** Calls `listener` on every change; returns a function that unsubscribes. */
  onChange(listener: LocationListener): () => void;
}
