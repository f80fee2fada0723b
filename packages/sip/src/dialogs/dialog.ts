/**
 * A dialog (RFC 3261 §12): the peer-to-peer relation an INVITE sets up, identified by Call-ID,
 * local tag and remote tag, with its route set, remote target and CSeq counters.
 *
 *        1xx with To tag           2xx
 *   (none) -----------> Early ------------> Confirmed
 *                        |                     |
 *                        | non-2xx / CANCEL    | BYE (sent or received)
 *                        v                     v
 *                      Terminated <------------+
 */
import { createRequest } from '../messages/create-request';
import type { SipMessage } from '../messages/sip-message';
import type { SipRequest } from '../messages/sip-request';
import { parseUri, type Uri } from '../messages/uri';
import { InvalidStateError } from '../transactions/transaction';
import type { Destination, TransportProtocol } from '../transport/transport';

export enum DialogState {
  Early = 'Early',
  Confirmed = 'Confirmed',
  Terminated = 'Terminated',
}

const TRANSITIONS: Record<DialogState, readonly DialogState[]> = {
  [DialogState.Early]: [DialogState.Confirmed, DialogState.Terminated],
  [DialogState.Confirmed]: [DialogState.Terminated],
  [DialogState.Terminated]: [],
};

export interface DialogProps {
  callId: string;
  localTag: string;
  remoteTag: string;
  /** From (UAC) or To (UAS) URI as written in our requests, with display name, without tag. */
  localUri: string;
  remoteUri: string;
  remoteTarget: Uri;
  /** Route header values in the order our requests carry them. */
  routeSet: string[];
  localSeq: number;
  remoteSeq: number | undefined;
  transport: TransportProtocol;
  /** Contact we put in our requests. */
  localContact: string;
  state: DialogState;
}

export function dialogKey(callId: string, localTag: string, remoteTag: string): string {
  return `${callId}|${localTag}|${remoteTag}`;
}

export class Dialog {
  state: DialogState;
  private readonly terminatedListeners: (() => void)[] = [];
  /** Last SDP each side sent (offer/answer bodies are carried, not interpreted). */
  localSdp: string | undefined;
  remoteSdp: string | undefined;
  /** The ACK we sent for the last 2xx, to resend when that 2xx is retransmitted (§13.2.2.4). */
  ackWire: Buffer | undefined;
  inviteSeq = 0;

  constructor(readonly props: DialogProps) {
    this.state = props.state;
  }

  get id(): string {
    return dialogKey(this.props.callId, this.props.localTag, this.props.remoteTag);
  }

  transitionTo(next: DialogState): void {
    if (next === this.state) return;
    if (!TRANSITIONS[this.state].includes(next)) throw new InvalidStateError(`dialog ${this.id}: ${this.state} → ${next}`);
    this.state = next;
    if (next === DialogState.Terminated) for (const listener of this.terminatedListeners) listener();
  }

  onTerminated(listener: () => void): void {
    this.terminatedListeners.push(listener);
  }

  /**
   * §12.2.1.1: a request within the dialog — To = remote URI + remote tag, From = local URI +
   * local tag, CSeq = local sequence + 1 (ACK and CANCEL reuse the INVITE's), Request-URI =
   * remote target, Route = route set (loose routing).
   */
  createRequest(method: string, options: { body?: string; contentType?: string; headers?: Record<string, string> } = {}): SipRequest {
    if (this.state === DialogState.Terminated) throw new InvalidStateError(`dialog ${this.id} is terminated`);
    const p = this.props;
    const seq = method === 'ACK' || method === 'CANCEL' ? this.inviteSeq : ++p.localSeq;
    if (method === 'INVITE') this.inviteSeq = seq;
    const request = createRequest({
      method, uri: p.remoteTarget.toString(), from: p.localUri, fromTag: p.localTag, to: `${p.remoteUri};tag=${p.remoteTag}`,
      callId: p.callId, cseq: seq, contact: method === 'BYE' || method === 'ACK' ? undefined : p.localContact,
      headers: options.headers, body: options.body, contentType: options.contentType,
    });
    if (p.routeSet.length > 0) request.setHeader('Route', p.routeSet);
    return request;
  }

  /** Where requests in this dialog go: the first Route if any, else the remote target. */
  destination(): Destination {
    const first = this.props.routeSet[0];
    const uri = first === undefined ? this.props.remoteTarget : parseUri(first.replace(/^.*<|>.*$/g, ''));
    if (uri.kind !== 'sip') throw new InvalidStateError(`dialog ${this.id}: cannot route to ${uri.toString()}`);
    const transport = (uri.transportParam?.toLowerCase() as TransportProtocol | undefined) ?? this.props.transport;
    return { transport, address: uri.hostAddress, port: uri.port ?? 5060 };
  }

  /**
   * §12.2.2: "If the remote sequence number is not empty, but the sequence number of the request
   * is lower than the remote sequence number, the request is out of order and MUST be rejected
   * with a 500 (Server Internal Error) response." Returns false for such a request.
   */
  acceptRemoteSeq(request: SipRequest): boolean {
    const seq = request.cseq.seq;
    if (request.method === 'ACK' || request.method === 'CANCEL') return true;
    if (this.props.remoteSeq !== undefined && seq < this.props.remoteSeq) return false;
    this.props.remoteSeq = seq;
    return true;
  }

  /** §12.2.2 / §12.2.1.2: a target refresh (re-INVITE, UPDATE) replaces the remote target. */
  refreshTarget(message: SipMessage): void {
    const contact = message.contacts[0];
    if (contact !== undefined) this.props.remoteTarget = contact.uri;
  }
}
