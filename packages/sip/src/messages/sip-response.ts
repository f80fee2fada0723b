/** A SIP response (RFC 3261 §7.2): status code, reason phrase, headers, body. */
import { SipMessage } from './sip-message';

export class SipResponse extends SipMessage {
  readonly kind = 'response';

  constructor(
    public status: number,
    public reason: string,
  ) {
    super();
  }

  startLine(): string {
    return `${this.version} ${this.status} ${this.reason}`;
  }
}
