/**
 * An example user agent server: answers every INVITE with 180 then 200 OK + SDP, handles ACK,
 * BYE, CANCEL and OPTIONS. The offer/answer can be handed to a media engine through `answer`;
 * without it the answer is a static PCMU + telephone-event SDP (nothing listens on its port).
 */
import { DialogLayer } from '../dialogs/dialog-layer';
import type { Dialog } from '../dialogs/dialog';
import type { IncomingCall } from '../dialogs/incoming-call';
import type { SipRequest } from '../messages/sip-request';
import { Endpoint, type EndpointOptions } from '../user-agent-core/endpoint';

export interface AnswerHook {
  (call: { request: SipRequest; offerSdp: string }): Promise<{ sdp: string; onEnd?: () => void }>;
}

export interface ExampleUasOptions {
  answer?: AnswerHook;
}

export function staticSdp(host: string, port = 40000): string {
  const id = Date.now() % 1_000_000_000;
  return [
    'v=0', `o=rexian ${id} ${id} IN IP4 ${host}`, 's=rexian', `c=IN IP4 ${host}`, 't=0 0',
    `m=audio ${port} RTP/AVP 0 101`, 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-16', 'a=sendrecv', '',
  ].join('\r\n');
}

export class ExampleUas {
  readonly dialogs: DialogLayer;
  private readonly endHooks = new Map<string, () => void>();
  private readonly sdp: string;
  answered = 0;

  constructor(
    readonly endpoint: Endpoint,
    private readonly options: ExampleUasOptions = {},
  ) {
    this.sdp = staticSdp(endpoint.transport.advertisedHost);
    this.dialogs = new DialogLayer(endpoint, {
      onIncomingCall: (call) => this.receiveCall(call),
      onBye: (dialog) => this.ended(dialog),
    });
  }

  static async listen(options: EndpointOptions & ExampleUasOptions = {}): Promise<ExampleUas> {
    return new ExampleUas(await Endpoint.listen(options), options);
  }

  get activeCalls(): number {
    return this.dialogs.count;
  }

  private receiveCall(call: IncomingCall): void {
    call.ring();
    const hook = this.options.answer;
    if (hook === undefined) {
      this.answer(call, this.sdp);
      return;
    }
    hook({ request: call.request, offerSdp: call.offerSdp ?? '' }).then(
      ({ sdp, onEnd }) => {
        if (call.cancelled) return onEnd?.();
        const dialog = this.answer(call, sdp);
        if (onEnd !== undefined && dialog !== undefined) this.endHooks.set(dialog.id, onEnd);
      },
      () => call.reject(488),
    );
  }

  private answer(call: IncomingCall, sdp: string): Dialog | undefined {
    if (call.cancelled) return undefined;
    this.answered++;
    const dialog = call.answer(sdp);
    // §13.3.1.4: without an ACK after 64·T1 the session SHOULD end with a BYE.
    call.incoming.onAckTimeout(() => {
      if (dialog.state !== 'Terminated') void this.dialogs.bye(dialog).catch(() => {});
      this.ended(dialog);
    });
    dialog.onTerminated(() => this.ended(dialog));
    return dialog;
  }

  private ended(dialog: Dialog): void {
    const hook = this.endHooks.get(dialog.id);
    this.endHooks.delete(dialog.id);
    hook?.();
  }

  async close(): Promise<void> {
    this.dialogs.close();
    await this.endpoint.close();
  }
}
