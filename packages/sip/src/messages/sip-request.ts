/** A SIP request (RFC 3261 §7.1): method, Request-URI (parsed on first use), headers, body. */
import { SipMessage } from './sip-message';
import { parseUri, type Uri } from './uri';

export class SipRequest extends SipMessage {
  readonly kind = 'request';
  private parsedUri: Uri | undefined;

  constructor(
    public method: string,
    /** Request-URI as written. */
    public uriText: string,
  ) {
    super();
  }

  /** The Request-URI, parsed (throws SipParseError when malformed). */
  get uri(): Uri {
    this.parsedUri ??= parseUri(this.uriText);
    return this.parsedUri;
  }

  set uri(uri: Uri) {
    this.parsedUri = uri;
    this.uriText = uri.toString();
  }

  startLine(): string {
    return `${this.method} ${this.uriText} ${this.version}`;
  }
}
