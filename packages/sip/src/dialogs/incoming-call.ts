/**
 * The UAS side of an INVITE outside any dialog (§13.3): ring, answer with SDP (creating the
 * dialog, §12.1.1) or reject. The endpoint retransmits the 200 until the ACK (§13.3.1.4).
 */
import type { SipRequest } from '../messages/sip-request';
import type { IncomingRequest } from '../user-agent-core/incoming-request';
import { Dialog, DialogState } from './dialog';

export interface DialogRegistry {
  register(dialog: Dialog): void;
  localContact(transport: 'udp' | 'tcp'): string;
}

export class IncomingCall {
  dialog: Dialog | undefined;

  constructor(
    readonly incoming: IncomingRequest,
    private readonly registry: DialogRegistry,
  ) {}

  get request(): SipRequest {
    return this.incoming.request;
  }

  get offerSdp(): string | undefined {
    return this.request.body.length > 0 ? this.request.body.toString('utf8') : undefined;
  }

  get cancelled(): boolean {
    return this.incoming.cancelled;
  }

  ring(status = 180): void {
    if (!this.incoming.answered) this.incoming.respond(status, undefined, { headers: { Contact: this.registry.localContact(this.incoming.source.transport) } });
  }

  /** Sends 200 OK with our SDP and returns the confirmed dialog. */
  answer(sdp: string): Dialog {
    const request = this.request;
    const contact = this.registry.localContact(this.incoming.source.transport);
    const remote = request.from;
    const dialog = new Dialog({
      callId: request.callId,
      localTag: this.incoming.toTag,
      remoteTag: remote.tag ?? '',
      localUri: request.header('to')?.replace(/;\s*tag\s*=[^;]*/i, '') ?? '',
      remoteUri: request.header('from')?.replace(/;\s*tag\s*=[^;]*/i, '') ?? '',
      // §12.1.1: "The remote target MUST be set to the URI from the Contact header field of the
      // request"; the route set is the Record-Route list in order.
      remoteTarget: request.contacts[0]?.uri ?? request.from.uri,
      routeSet: request.headers('record-route'),
      localSeq: 0,
      remoteSeq: request.cseq.seq,
      transport: this.incoming.source.transport,
      localContact: contact,
      state: DialogState.Confirmed,
    });
    dialog.remoteSdp = this.offerSdp;
    dialog.localSdp = sdp;
    this.dialog = dialog;
    this.registry.register(dialog);
    this.incoming.respond(200, undefined, { headers: { Contact: contact }, body: sdp, contentType: 'application/sdp' });
    return dialog;
  }

  reject(status = 486, reason?: string): void {
    if (!this.incoming.answered) this.incoming.respond(status, reason);
  }
}
