/**
 * Dialogs over the endpoint (RFC 3261 §12–§15, RFC 3515 REFER, RFC 3891 Replaces).
 * UAC: invite() → early/confirmed dialog, ACK for 2xx (re-sent for retransmitted 2xx), bye().
 * UAS: incoming INVITEs go to `onIncomingCall`; answer() creates the dialog. In-dialog requests
 * (BYE, re-INVITE, UPDATE, INFO, REFER, NOTIFY) are matched by Call-ID and tags, checked for
 * CSeq order (500) and answered with the defaults below unless a handler takes them.
 */
import { createRequest } from '../messages/create-request';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import type { Destination } from '../transport/transport';
import type { Endpoint } from '../user-agent-core/endpoint';
import type { IncomingRequest } from '../user-agent-core/incoming-request';
import { Dialog, DialogState, dialogKey } from './dialog';
import { CallFailedError, CallTimeoutError } from './dialog-errors';
import { IncomingCall } from './incoming-call';
import { answerFor } from './sdp-direction';

export interface DialogHandlers {
  onIncomingCall?: (call: IncomingCall) => void;
  /** Answer SDP for a re-INVITE/UPDATE offer (default: mirror the direction, RFC 3264 §8.4). */
  onOffer?: (dialog: Dialog, offer: string) => string;
  /** REFER received: return true to accept (202); send progress with notifyRefer(). */
  onRefer?: (dialog: Dialog, incoming: IncomingRequest) => boolean;
  onNotify?: (dialog: Dialog, request: SipRequest) => void;
  onInfo?: (dialog: Dialog, request: SipRequest) => void;
  onBye?: (dialog: Dialog) => void;
}

export interface InviteProps {
  uri: string;
  from: string;
  to: string;
  destination: Destination;
  sdp?: string;
  headers?: Record<string, string>;
  onProvisional?: (response: SipResponse, dialog: Dialog | undefined) => void;
  /**
   * Answers a 401/407 (digest, §22.2): returns the request to send instead (e.g. S2's
   * answerChallenge → Endpoint.nextAttempt with Authorization added), or undefined to fail.
   */
  authenticate?: (request: SipRequest, response: SipResponse) => SipRequest | undefined;
  /** Aborting sends CANCEL (§9.1: once a provisional response has arrived); the call fails with 487. */
  signal?: AbortSignal;
}

export class DialogLayer {
  readonly dialogs = new Map<string, Dialog>();

  constructor(
    readonly endpoint: Endpoint,
    readonly handlers: DialogHandlers = {},
  ) {
    for (const method of ['INVITE', 'BYE', 'UPDATE', 'INFO', 'REFER', 'NOTIFY']) endpoint.onRequest(method, (incoming) => this.receive(incoming));
    endpoint.onAck((ack) => void this.find(ack));
    endpoint.onStrayResponse((response) => this.resendAck(response));
  }

  get count(): number {
    return this.dialogs.size;
  }

  localContact(transport: 'udp' | 'tcp'): string {
    return `<sip:rexian@${this.endpoint.transport.sentBy(transport)}${transport === 'tcp' ? ';transport=tcp' : ''}>`;
  }

  register(dialog: Dialog): void {
    this.dialogs.set(dialog.id, dialog);
    dialog.onTerminated(() => this.dialogs.delete(dialog.id));
  }

  /** The dialog of an incoming request (local tag = To tag, remote tag = From tag). */
  private find(request: SipRequest): Dialog | undefined {
    const to = request.to.tag;
    return to === undefined ? undefined : this.dialogs.get(dialogKey(request.callId, to, request.from.tag ?? ''));
  }

  private receive(incoming: IncomingRequest): void {
    const request = incoming.request;
    if (request.to.tag === undefined) {
      if (request.method !== 'INVITE' || this.handlers.onIncomingCall === undefined) return void incoming.respond(request.method === 'INVITE' ? 480 : 481);
      return this.handlers.onIncomingCall(new IncomingCall(incoming, this));
    }
    const dialog = this.find(request);
    // §12.2.2: "If the UAS receives a request with a tag in the To header field that does not
    // match any existing dialog, it … SHOULD return a 481 (Call/Transaction Does Not Exist)".
    if (dialog === undefined) return void incoming.respond(481);
    if (!dialog.acceptRemoteSeq(request)) return void incoming.respond(500, 'Server Internal Error - CSeq out of order');
    this.inDialog(dialog, incoming);
  }

  private inDialog(dialog: Dialog, incoming: IncomingRequest): void {
    const request = incoming.request;
    switch (request.method) {
      case 'BYE':
        incoming.respond(200);
        dialog.transitionTo(DialogState.Terminated);
        this.handlers.onBye?.(dialog);
        return;
      case 'INVITE':
      case 'UPDATE': {
        dialog.refreshTarget(request);
        const offer = request.body.toString('utf8');
        if (offer === '') return void incoming.respond(200, undefined, { headers: { Contact: dialog.props.localContact } });
        const answer = this.handlers.onOffer?.(dialog, offer) ?? answerFor(offer, dialog.localSdp ?? offer);
        dialog.remoteSdp = offer;
        dialog.localSdp = answer;
        incoming.respond(200, undefined, { headers: { Contact: dialog.props.localContact }, body: answer, contentType: 'application/sdp' });
        return;
      }
      case 'REFER':
        if (request.referTo === undefined) return void incoming.respond(400, 'Bad Request - Missing Refer-To');
        if (this.handlers.onRefer?.(dialog, incoming) !== true) return void incoming.respond(603);
        if (!incoming.answered) incoming.respond(202);
        return;
      case 'NOTIFY':
        incoming.respond(200);
        this.handlers.onNotify?.(dialog, request);
        return;
      default:
        incoming.respond(200);
        this.handlers.onInfo?.(dialog, request);
    }
  }

  /** Sends INVITE; resolves with the confirmed dialog after the 2xx is ACKed. */
  invite(props: InviteProps): Promise<Dialog> {
    const contact = this.localContact(props.destination.transport);
    let invite = createRequest({ method: 'INVITE', uri: props.uri, from: props.from, to: props.to, contact, headers: props.headers, body: props.sdp, contentType: props.sdp === undefined ? undefined : 'application/sdp' });
    let tx = this.endpoint.request(invite, props.destination);
    let early: Dialog | undefined;
    let provisional = false;
    let cancelWanted = false;
    const cancel = (): void => {
      // §9.1: "a CANCEL … SHOULD NOT be sent … until it has received a provisional response"
      if (provisional && !tx.terminated) this.endpoint.cancel(tx, props.destination);
      else cancelWanted = true;
    };
    props.signal?.addEventListener('abort', cancel, { once: true });
    return new Promise((resolve, reject) => {
      const onResponse = (response: SipResponse): void => {
        if (response.status < 200) {
          provisional = true;
          if (cancelWanted) {
            cancelWanted = false;
            cancel();
          }
          if (response.to.tag !== undefined && early === undefined && response.status > 100) early = this.uacDialog(invite, response, DialogState.Early, contact, props.destination);
          props.onProvisional?.(response, early);
        } else if (response.status < 300) {
          const dialog = this.dialogs.get(dialogKey(invite.callId, invite.from.tag ?? '', response.to.tag ?? '')) ?? this.uacDialog(invite, response, DialogState.Early, contact, props.destination);
          dialog.transitionTo(DialogState.Confirmed);
          dialog.refreshTarget(response);
          dialog.remoteSdp = response.body.toString('utf8');
          this.sendAck(dialog);
          resolve(dialog);
        } else {
          early?.transitionTo(DialogState.Terminated);
          early = undefined;
          // §22.2 / §8.1.3.5: a 401/407 may be answered with credentials in a new transaction
          // (same Call-ID and From tag, CSeq + 1).
          const retry = (response.status === 401 || response.status === 407) && !cancelWanted ? props.authenticate?.(invite, response) : undefined;
          if (retry !== undefined) {
            invite = retry;
            tx = this.endpoint.request(invite, props.destination);
            listen();
          } else reject(new CallFailedError(response.status, response.reason));
        }
      };
      const listen = (): void => {
        tx.on('timeout', () => reject(new CallTimeoutError(`no answer to INVITE ${invite.callId}`)));
        tx.on('response', onResponse);
      };
      listen();
    });
  }

  /** §12.1.2: the UAC's dialog from a 1xx/2xx with a To tag. */
  private uacDialog(invite: SipRequest, response: SipResponse, state: DialogState, contact: string, destination: Destination): Dialog {
    const dialog = new Dialog({
      callId: invite.callId, localTag: invite.from.tag ?? '', remoteTag: response.to.tag ?? '',
      localUri: invite.header('from')?.replace(/;\s*tag\s*=[^;]*/i, '') ?? '', remoteUri: response.header('to')?.replace(/;\s*tag\s*=[^;]*/i, '') ?? '',
      remoteTarget: response.contacts[0]?.uri ?? invite.uri,
      // "The route set MUST be set to the list of URIs in the Record-Route header field from the
      // response, taken in reverse order".
      routeSet: response.headerValues('record-route').reverse(),
      localSeq: invite.cseq.seq, remoteSeq: undefined, transport: destination.transport, localContact: contact, state,
    });
    dialog.inviteSeq = invite.cseq.seq;
    dialog.localSdp = invite.body.toString('utf8');
    this.register(dialog);
    return dialog;
  }

  private sendAck(dialog: Dialog): void {
    const ack = dialog.createRequest('ACK');
    dialog.ackWire = this.endpoint.sendStateless(ack, dialog.destination());
  }

  /** §13.2.2.4: a retransmitted 2xx is answered with the same ACK again. */
  private resendAck(response: SipResponse): void {
    if (response.status < 200 || response.status >= 300 || response.cseq.method !== 'INVITE') return;
    const dialog = this.dialogs.get(dialogKey(response.callId, response.from.tag ?? '', response.to.tag ?? ''));
    if (dialog?.ackWire !== undefined) this.endpoint.sendBytes(dialog.ackWire, dialog.destination());
  }

  /** Sends a request in the dialog and resolves with its final response. */
  request(dialog: Dialog, method: string, options: { body?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<SipResponse> {
    const request = dialog.createRequest(method, options);
    const tx = this.endpoint.request(request, dialog.destination());
    return new Promise((resolve, reject) => {
      tx.on('timeout', () => reject(new CallTimeoutError(`no answer to ${method}`)));
      tx.on('response', (response) => {
        if (response.status < 200) return;
        if (method === 'INVITE' && response.status < 300) {
          dialog.refreshTarget(response);
          dialog.remoteSdp = response.body.toString('utf8');
          this.sendAck(dialog);
        }
        resolve(response);
      });
    });
  }

  /** Hold or resume with a re-INVITE carrying `sdp` (its direction line says which). */
  reinvite(dialog: Dialog, sdp: string): Promise<SipResponse> {
    dialog.localSdp = sdp;
    return this.request(dialog, 'INVITE', { body: sdp, contentType: 'application/sdp' });
  }

  async bye(dialog: Dialog): Promise<SipResponse> {
    const done = this.request(dialog, 'BYE');
    dialog.transitionTo(DialogState.Terminated);
    return done;
  }

  /** RFC 3515 §2.4.5: progress of an accepted REFER as a NOTIFY with a message/sipfrag body. */
  notifyRefer(dialog: Dialog, statusLine: string, final: boolean): Promise<SipResponse> {
    return this.request(dialog, 'NOTIFY', {
      headers: { Event: 'refer', 'Subscription-State': final ? 'terminated;reason=noresource' : 'active;expires=60' },
      body: `${statusLine}\r\n`, contentType: 'message/sipfrag',
    });
  }

  close(): void {
    for (const dialog of [...this.dialogs.values()]) dialog.transitionTo(DialogState.Terminated);
  }
}
