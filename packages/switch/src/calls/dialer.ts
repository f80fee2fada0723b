/**
 * Places outgoing legs: to an extension (the phone registered for it, reached where its REGISTER
 * came from, RFC 3581) or to an outside number through a trunk. The media session makes the SDP
 * offer and takes the answer; every failure closes the session and says why, in the words an IVR
 * transfer node branches on (busy, no-answer, failed).
 */
import { randomUUID } from 'node:crypto';
import type { LegRole } from '@rexian/contracts';
import type { MediaEngine } from '@rexian/media';
import {
  CallFailedError, CallTimeoutError, challengeAnswerer, type DigestClientCredentials, type Destination, type DialogLayer, type LocationService,
} from '@rexian/sip';
import { Leg } from './leg';

export type DialFailure = 'busy' | 'no-answer' | 'failed' | 'not-registered';

export class DialError extends Error {
  constructor(
    readonly failure: DialFailure,
    readonly detail: string,
  ) {
    super(`${failure}: ${detail}`);
  }
}

export interface DialTarget {
  /** An extension or an outside number. */
  number: string;
  role: LegRole;
  agentId: number | null;
  /** Ask the phone to answer by itself (headset agents, the agent's own leg of an outbound call). */
  autoAnswer?: boolean;
}

/** Where outside numbers leave, and the credentials a registering carrier challenges our INVITE for. */
export interface OutboundTrunk {
  destination: Destination;
  credentials?: DigestClientCredentials;
}

export interface DialerOptions {
  media: MediaEngine;
  location: LocationService;
  aorOf(extension: string): string;
  domain: string;
  /** Whether `number` is an extension of ours (else it goes out through a trunk). */
  isExtension(number: string): boolean;
  /** Where outside numbers go; undefined when no trunk can take them. */
  trunkDestination(number: string): OutboundTrunk | undefined;
  now(): Date;
}

export class Dialer {
  constructor(private readonly options: DialerOptions) {}

  /** Whether `extension` has a phone registered right now. */
  registered(extension: string): boolean {
    return this.options.location.lookup(this.options.aorOf(extension)).length > 0;
  }

  /**
   * Creates the leg (its media session in `group`) and starts the INVITE. `leg.state` becomes
   * 'ringing' at the first 18x; `answered` resolves with the leg once the far end answered, or
   * rejects with a DialError (the leg is then already ended).
   */
  async dial(
    dialogs: DialogLayer,
    target: DialTarget,
    props: { group: string; callerNumber: string; callerName?: string; onRinging?: (leg: Leg) => void },
  ): Promise<{ leg: Leg; answered: Promise<Leg> }> {
    const { media, location, aorOf, domain } = this.options;
    let uri: string;
    let destination: Destination;
    let authenticate: ReturnType<typeof challengeAnswerer> | undefined;
    if (this.options.isExtension(target.number)) {
      const binding = location.lookup(aorOf(target.number))[0];
      if (binding === undefined) throw new DialError('not-registered', `extension ${target.number} has no registered phone`);
      uri = binding.contact;
      destination = { transport: binding.source.transport, address: binding.source.address, port: binding.source.port };
    } else {
      const trunk = this.options.trunkDestination(target.number);
      if (trunk === undefined) throw new DialError('failed', `no trunk for ${target.number}`);
      destination = trunk.destination;
      uri = `sip:${target.number}@${destination.address}:${destination.port}`;
      // RFC 3261 §22.2: a carrier we register to challenges our INVITE too (401/407).
      if (trunk.credentials) authenticate = challengeAnswerer(trunk.credentials);
    }
    const session = await media.createSession({ group: props.group });
    const leg = new Leg(randomUUID(), target.role, target.number, session, target.agentId, this.options.now());
    const display = props.callerName ? `"${props.callerName.replace(/"/g, '')}" ` : '';
    const headers: Record<string, string> = target.autoAnswer
      ? { 'Call-Info': `<sip:${domain}>;answer-after=0`, 'Alert-Info': `<sip:${domain}>;info=alert-autoanswer` }
      : {};
    const answered = dialogs
      .invite({
        uri,
        from: `${display}<sip:${props.callerNumber}@${domain}>`,
        to: `<sip:${target.number}@${domain}>`,
        destination,
        sdp: session.sdp,
        headers,
        signal: leg.invite.signal,
        ...(authenticate ? { authenticate } : {}),
        onProvisional: (response) => {
          if (response.status >= 180 && leg.state === 'dialling') {
            leg.state = 'ringing';
            leg.ringingAt = this.options.now();
            props.onRinging?.(leg);
          }
        },
      })
      .then(
        async (dialog) => {
          const gone = (): DialError => {
            // Cancelled while the 200 crossed our CANCEL (or while we took the answer): hang up.
            void dialogs.bye(dialog).catch(() => {});
            return new DialError('failed', 'leg ended before the answer');
          };
          if (leg.ended) throw gone();
          await session.setRemote(dialog.remoteSdp ?? '');
          if (leg.ended) throw gone();
          leg.answered(dialog, this.options.now());
          return leg;
        },
        (error: unknown) => {
          const failure = failureOf(error, leg.invite.signal.aborted);
          leg.end(failure.detail, 'local', undefined, this.options.now());
          throw failure;
        },
      );
    // Nobody may be listening yet; the failure is handled by whoever awaits `answered`.
    answered.catch(() => {});
    return { leg, answered };
  }
}

function failureOf(error: unknown, cancelled: boolean): DialError {
  if (cancelled) return new DialError('no-answer', 'cancelled');
  if (error instanceof CallFailedError) {
    const status = error.status;
    if (status === 486 || status === 600 || status === 603) return new DialError('busy', `${status}`);
    if (status === 408 || status === 480 || status === 487) return new DialError('no-answer', `${status}`);
    return new DialError('failed', `${status}`);
  }
  if (error instanceof CallTimeoutError) return new DialError('no-answer', 'timeout');
  return new DialError('failed', error instanceof Error ? error.message : String(error));
}
