import type { RemoteInfo } from 'node:dgram';
import { performance } from 'node:perf_hooks';
import { type Codec, codecByPayloadType, PCMU } from '../codecs/codec.js';
import { ALAW_TO_ULAW, transcodeInPlace, ULAW_TO_ALAW } from '../codecs/g711.js';
import { DtmfEventReceiver } from '../dtmf/dtmf-event-receiver.js';
import { DtmfEventSender } from '../dtmf/dtmf-event-sender.js';
import { InbandDtmfDetector } from '../dtmf/inband-dtmf-detector.js';
import { FRAME_SAMPLES, InvalidStateError, silentLogger, type AudioSink, type AudioSource, type MediaLogger } from '../frames.js';
import { JitterBuffer } from '../jitter/jitter-buffer.js';
import type { PortPair } from '../rtp/port-allocator.js';
import { payloadEnd, payloadStart, RTP_HEADER_SIZE } from '../rtp/rtp-packet.js';
import { RtpSender } from '../rtp/rtp-sender.js';
import { RtpStreamStats } from '../rtp/rtp-stream-stats.js';
import { applyAnswer, createAnswer, createOffer, type NegotiatedMedia } from '../sdp/sdp-negotiator.js';
import type { Direction } from '../sdp/sdp-parser.js';
import { FrameAssembler } from './frame-assembler.js';
import { RtcpReporter } from './rtcp-reporter.js';
import type { DtmfSource, SessionEvent, SessionStats } from './session-events.js';

/**
 * Session states.
 * ```
 *   Pending ──remote SDP──▶ Active ──close()──▶ Closed
 *      └──────────────close()───────────────────▲
 * ```
 * Pending sessions own their ports and may receive; they send once the remote address is known.
 */
export enum SessionState {
  Pending = 'pending',
  Active = 'active',
  Closed = 'closed',
}
const ALLOWED: Record<SessionState, readonly SessionState[]> = {
  [SessionState.Pending]: [SessionState.Active, SessionState.Closed],
  [SessionState.Active]: [SessionState.Active, SessionState.Closed],
  [SessionState.Closed]: [],
};

export interface MediaSessionOptions {
  id: string;
  ports: PortPair;
  /** Address written in our SDP (c=). */
  address: string;
  codecs?: readonly Codec[];
  /** Detect DTMF tones in the received audio: true, false, or 'auto' (when the peer has no telephone-event). */
  inbandDtmf?: boolean | 'auto';
  /**
   * Symmetric RTP (RFC 4961) for peers behind NAT: send to where the peer's packets come from
   * rather than to its SDP address, latching on the first packets after each negotiation.
   */
  latch?: boolean;
  jitterDepth?: number;
  /** Nominal RTCP interval (RFC 3550 §6.2: 5 s); tests shorten it. */
  rtcpIntervalMs?: number;
  onEvent?: (event: SessionEvent) => void;
  logger?: MediaLogger;
}

/**
 * Send buffers per session. `socket.send()` reads its buffer only after an asynchronous address
 * step, and a pacer catching up after a stall sends up to 6 ticks back to back: the ring must be
 * longer than that, or a later packet overwrites one not yet sent (a sequence gap at the peer).
 */
const SEND_RING = 16;

/**
 * One RTP endpoint (a call leg's audio): a port pair, the negotiated codec and remote address,
 * a send side fed by an `AudioSource` (a player, a mixer output) or by a bridged partner's packets,
 * and a receive side feeding DTMF detection and decoded sinks (recorder, mixer) through a jitter
 * buffer. Ticked twice per 20 ms by its worker: `receiveTick()` for every session, then mixers,
 * then `sendTick()`, so a conference hears this tick's audio.
 */
export class MediaSession {
  readonly id: string;
  private stateValue = SessionState.Pending;
  private negotiated: NegotiatedMedia | undefined;
  private direction: Direction = 'sendrecv';
  private readonly sender = new RtpSender();
  private readonly rtcp: RtcpReporter;
  private stats: RtpStreamStats | undefined;
  private packetsReceived = 0;
  private sentSinceReport = false;
  private readonly sendRing = Array.from({ length: SEND_RING }, () => Buffer.alloc(RTP_HEADER_SIZE + 320));
  /** Payload views of the ring buffers, so the encoder writes straight into the packet. */
  private readonly sendPayloads: Uint8Array[] = this.sendRing.map((b) => b.subarray(RTP_HEADER_SIZE, RTP_HEADER_SIZE + FRAME_SAMPLES));
  private ringAt = 0;
  private readonly jitter: JitterBuffer;
  private readonly assembler: FrameAssembler;
  private readonly rxFrame = new Int16Array(FRAME_SAMPLES);
  private readonly dtmfIn: DtmfEventReceiver;
  private readonly dtmfOut = new DtmfEventSender();
  private dtmfEventTs = 0;
  private inband: InbandDtmfDetector | undefined;
  private source: (AudioSource & { handleDigit?(digit: string): boolean }) | undefined;
  /** Receive-side consumers of decoded audio (recorder left channel, mixer input, partner's recorder). */
  readonly rxSinks = new Set<AudioSink>();
  /** Consumers of the decoded audio this session sends (recorder right channel). */
  readonly txSinks = new Set<AudioSink>();
  /** Bridged partner: our received packets are forwarded to it as they arrive. */
  relayTarget: MediaSession | undefined;
  private relayInSsrc = -1;
  /** Packets left during which the remote address may still be latched (see `latch`). */
  private latchWindow = 0;
  private relayTsOffset = 0;
  private readonly onEvent: (event: SessionEvent) => void;
  private readonly logger: MediaLogger;
  private readonly closeHooks: (() => void)[] = [];

  constructor(private readonly options: MediaSessionOptions) {
    this.id = options.id;
    this.onEvent = options.onEvent ?? (() => undefined);
    this.logger = options.logger ?? silentLogger;
    this.jitter = new JitterBuffer({ depth: options.jitterDepth ?? 3, adaptive: true, payloadSize: 480 });
    this.assembler = new FrameAssembler(this.jitter, (codes, out) => this.codec.decode(codes, out));
    this.dtmfIn = new DtmfEventReceiver((digit) => this.digit(digit, 'rfc4733'));
    this.rtcp = new RtcpReporter(options.ports.rtcp, this.sender, `rexian-${options.id}@${options.address}`, Math.round((options.rtcpIntervalMs ?? 5000) / 20));
    options.ports.rtp.on('message', (msg: Buffer, rinfo: RemoteInfo) => this.onRtp(msg, rinfo));
    options.ports.rtcp.on('message', (msg: Buffer) => this.rtcp.receive(msg));
    options.ports.rtp.on('error', (error) => this.logger.warn({ err: error, session: this.id }, 'RTP socket error'));
    options.ports.rtcp.on('error', (error) => this.logger.warn({ err: error, session: this.id }, 'RTCP socket error'));
  }

  get state(): SessionState {
    return this.stateValue;
  }
  get localPort(): number {
    return this.options.ports.port;
  }
  get media(): NegotiatedMedia | undefined {
    return this.negotiated;
  }
  get codec(): Codec {
    return this.negotiated?.codec ?? PCMU;
  }

  /** Our SDP offer (for an outgoing leg, or a re-INVITE to hold with `sendonly`). */
  createOffer(direction: Direction = 'sendrecv'): string {
    this.assertOpen();
    this.direction = direction;
    return createOffer({ address: this.options.address, port: this.localPort, direction, sessionId: this.id.replace(/\D/g, '') || '1', ...(this.options.codecs ? { codecs: this.options.codecs } : {}) });
  }

  /** Answers the peer's offer (an incoming INVITE or re-INVITE) and starts sending to it. */
  answer(offer: string, direction: Direction = 'sendrecv'): string {
    this.assertOpen();
    const { answer, negotiated } = createAnswer(offer, { address: this.options.address, port: this.localPort, direction, sessionId: this.id.replace(/\D/g, '') || '1', ...(this.options.codecs ? { codecs: this.options.codecs } : {}) });
    this.activate(negotiated);
    return answer;
  }

  /** Reads the peer's answer to our offer. */
  applyAnswer(answer: string): void {
    this.assertOpen();
    this.activate(applyAnswer(answer, { address: this.options.address, port: this.localPort, direction: this.direction, ...(this.options.codecs ? { codecs: this.options.codecs } : {}) }));
  }

  private activate(negotiated: NegotiatedMedia): void {
    this.negotiated = negotiated;
    this.direction = negotiated.direction;
    this.latchWindow = this.options.latch ? 5 : 0;
    const inband = this.options.inbandDtmf ?? 'auto';
    const wantInband = inband === true || (inband === 'auto' && negotiated.telephoneEvent === undefined);
    this.inband = wantInband ? (this.inband ?? new InbandDtmfDetector((d) => this.digit(d, 'inband'))) : undefined;
    this.transitionTo(SessionState.Active);
  }

  /** Plays `source` to the peer from the next tick on, replacing what played before. */
  play(source: AudioSource & { handleDigit?(digit: string): boolean }): void {
    this.assertOpen();
    if (this.source && this.source !== source) this.source.close();
    this.source = source;
  }

  /** Stops what is playing (the source's own end event reports why). */
  stopPlayback(): void {
    const source = this.source;
    this.source = undefined;
    source?.close();
  }

  /** Sends digits as RFC 4733 events (requires the peer to accept telephone-event). */
  sendDigits(digits: string): void {
    this.assertOpen();
    if (this.negotiated?.telephoneEvent === undefined) throw new InvalidStateError('peer did not negotiate telephone-event');
    this.dtmfOut.enqueue(digits);
  }

  /** A digit the signalling layer received in a SIP INFO: reported like any other digit. */
  receiveInfoDigit(digit: string): void {
    this.assertOpen();
    this.digit(digit, 'info');
  }

  /** Runs `hook` once when the session closes (a bridge or conference unhooking itself). */
  onClose(hook: () => void): void {
    this.closeHooks.push(hook);
  }

  private digit(digit: string, source: DtmfSource): void {
    if (this.source?.handleDigit?.(digit)) this.source = undefined;
    this.onEvent({ type: 'dtmf', digit, source });
  }

  private get decoding(): boolean {
    return this.rxSinks.size > 0 || this.inband !== undefined;
  }

  private onRtp(msg: Buffer, rinfo: RemoteInfo): void {
    if (this.stateValue === SessionState.Closed || msg.length < RTP_HEADER_SIZE || msg[0]! >> 6 !== 2) return;
    const pt = msg[1]! & 0x7f;
    if (pt >= 72 && pt <= 76) return; // RFC 5761 §4: RTCP on the RTP port
    const seq = (msg[2]! << 8) | msg[3]!;
    const ts = msg.readUInt32BE(4);
    const ssrc = msg.readUInt32BE(8);
    if (this.stats?.ssrc !== ssrc) this.stats = new RtpStreamStats(ssrc, seq);
    // A packet outside the sequence window is left out of the statistics (RFC 3550 A.1) but still
    // played: canned captures and restarted phones jump, and a lost digit is worse than a bad figure.
    this.stats.update(seq, ts, Math.round(performance.now() * 8));
    this.packetsReceived++;
    if (this.negotiated === undefined) this.logger.debug({ session: this.id, from: `${rinfo.address}:${rinfo.port}` }, 'RTP before the remote SDP');
    else if (this.latchWindow > 0) this.latch(rinfo);
    const start = payloadStart(msg);
    const end = payloadEnd(msg);
    if (end < start) return;
    const payload = msg.subarray(start, end);
    const marker = (msg[1]! & 0x80) !== 0;
    const telephoneEvent = this.negotiated?.telephoneEvent;
    if (pt === telephoneEvent) {
      this.dtmfIn.receive(payload, ts, marker);
      this.relayTarget?.relay(payload, 'event', marker, ts, ssrc);
      return;
    }
    const codec = codecByPayloadType(pt);
    if (!codec) return;
    this.relayTarget?.relay(payload, codec, marker, ts, ssrc);
    if (this.decoding) this.jitter.push(seq, payload);
  }

  /**
   * RFC 4961 §4: a symmetric RTP peer "uses the same port for sending and receiving"; behind NAT
   * its SDP shows a private address, so we answer to the packets' real source. Only the first few
   * packets after a negotiation may move the address, so a stray sender cannot take the call later.
   */
  private latch(rinfo: RemoteInfo): void {
    const media = this.negotiated as NegotiatedMedia;
    this.latchWindow--;
    if (media.remoteAddress === rinfo.address && media.remotePort === rinfo.port) return;
    this.logger.info({ session: this.id, sdp: `${media.remoteAddress}:${media.remotePort}`, source: `${rinfo.address}:${rinfo.port}` }, 'RTP latched to the source address');
    this.negotiated = { ...media, remoteAddress: rinfo.address, remotePort: rinfo.port };
    this.latchWindow = 0;
  }

  /** Forwards a packet received by the bridged partner to our peer, with our SSRC and sequence. */
  private relay(payload: Buffer, kind: Codec | 'event', marker: boolean, ts: number, inSsrc: number): void {
    const media = this.negotiated;
    if (this.stateValue !== SessionState.Active || !media || !this.sends) return;
    if (inSsrc !== this.relayInSsrc) {
      this.relayInSsrc = inSsrc;
      this.relayTsOffset = (this.sender.timestamp - ts) >>> 0;
    }
    const payloadLength = payload.length;
    if (kind === 'event' && media.telephoneEvent === undefined) return;
    const out = this.nextSendBuffer(payloadLength);
    payload.copy(out, RTP_HEADER_SIZE);
    const pt = kind === 'event' ? (media.telephoneEvent as number) : media.payloadType;
    if (kind !== 'event' && kind !== media.codec) transcodeInPlace(out.subarray(RTP_HEADER_SIZE, RTP_HEADER_SIZE + payloadLength), kind.name === 'PCMU' ? ULAW_TO_ALAW : ALAW_TO_ULAW);
    this.sender.writeEvent(out, pt, marker, (ts + this.relayTsOffset) >>> 0, payloadLength);
    this.transmit(out, RTP_HEADER_SIZE + payloadLength);
  }

  private get sends(): boolean {
    return this.direction === 'sendrecv' || this.direction === 'sendonly';
  }

  private nextSendBuffer(payloadLength: number): Buffer {
    // send() reads the buffer after it returns: rotate buffers rather than reuse one at once.
    this.ringAt = (this.ringAt + 1) % SEND_RING;
    let out = this.sendRing[this.ringAt] as Buffer;
    if (out.length < RTP_HEADER_SIZE + payloadLength) {
      out = this.sendRing[this.ringAt] = Buffer.alloc(RTP_HEADER_SIZE + payloadLength);
      this.sendPayloads[this.ringAt] = out.subarray(RTP_HEADER_SIZE, RTP_HEADER_SIZE + FRAME_SAMPLES);
    }
    return out;
  }

  private transmit(out: Buffer, length: number): void {
    const media = this.negotiated as NegotiatedMedia;
    this.sentSinceReport = true;
    this.options.ports.rtp.send(out, 0, length, media.remotePort, media.remoteAddress);
  }

  /** Phase 1 of a tick: one decoded frame of received audio to the detectors and sinks. */
  receiveTick(): void {
    if (this.stateValue === SessionState.Closed || !this.decoding) return;
    this.assembler.next(this.rxFrame);
    this.inband?.process(this.rxFrame);
    for (const sink of this.rxSinks) sink.write(this.rxFrame);
  }

  /** Phase 3 of a tick: one packet (audio or DTMF event) to the peer, and RTCP when due. */
  sendTick(): void {
    if (this.stateValue !== SessionState.Active) return;
    const media = this.negotiated as NegotiatedMedia;
    const frame = this.source?.nextFrame();
    if (this.source && frame === undefined) this.source = undefined;
    if (frame) for (const sink of this.txSinks) sink.write(frame);
    if (!this.sends) this.sender.skip(FRAME_SAMPLES);
    else if (this.dtmfOut.busy) this.sendEventTick(media);
    else if (frame) {
      const out = this.nextSendBuffer(FRAME_SAMPLES);
      this.codec.encode(frame.length === FRAME_SAMPLES ? frame : frame.subarray(0, FRAME_SAMPLES), this.sendPayloads[this.ringAt] as Uint8Array);
      this.sender.writeMedia(out, media.payloadType, FRAME_SAMPLES, FRAME_SAMPLES);
      this.transmit(out, RTP_HEADER_SIZE + FRAME_SAMPLES);
    } else this.sender.skip(FRAME_SAMPLES);
    if (this.rtcp.tick(media.remoteAddress, media.remotePort + 1, this.stats, this.sentSinceReport)) {
      this.sentSinceReport = false;
      this.onEvent({ type: 'stats', stats: this.snapshot() });
    }
  }

  private sendEventTick(media: NegotiatedMedia): void {
    const out = this.nextSendBuffer(4);
    const packet = this.dtmfOut.next(out, RTP_HEADER_SIZE);
    if (!packet) {
      this.sender.skip(FRAME_SAMPLES);
      return;
    }
    // RFC 4733 §2.3.1: every packet of an event carries the timestamp of the event's start.
    if (packet.marker) this.dtmfEventTs = this.sender.timestamp;
    this.sender.writeEvent(out, media.telephoneEvent as number, packet.marker, this.dtmfEventTs, 4);
    this.sender.skip(FRAME_SAMPLES);
    this.transmit(out, RTP_HEADER_SIZE + 4);
  }

  snapshot(): SessionStats {
    const stats = this.stats;
    return {
      packetsSent: this.sender.packetCount,
      packetsReceived: this.packetsReceived,
      packetsLost: stats ? Math.max(0, stats.lost) : 0,
      jitterMs: stats ? stats.jitter / 8 : 0,
      ...(this.rtcp.remote ? { remote: this.rtcp.remote } : {}),
    };
  }

  /** Closes the session: stops playback, unhooks bridges and conferences, sends RTCP BYE, frees the ports. Safe twice. */
  close(reason = 'closed'): void {
    if (this.stateValue === SessionState.Closed) return;
    const media = this.negotiated;
    this.transitionTo(SessionState.Closed);
    this.stopPlayback();
    for (const hook of this.closeHooks.splice(0)) {
      try {
        hook();
      } catch (error) {
        this.logger.warn({ err: error, session: this.id }, 'close hook failed');
      }
    }
    try {
      if (media) this.rtcp.send(media.remoteAddress, media.remotePort + 1, this.stats, this.sender.packetCount > 0, true);
    } catch {
      // the socket may already be unusable; the BYE is a courtesy
    }
    this.rxSinks.clear();
    this.txSinks.clear();
    this.relayTarget = undefined;
    this.options.ports.release();
    this.onEvent({ type: 'closed', reason, stats: this.snapshot() });
  }

  private assertOpen(): void {
    if (this.stateValue === SessionState.Closed) throw new InvalidStateError(`media session ${this.id} is closed`);
  }

  private transitionTo(next: SessionState): void {
    if (!ALLOWED[this.stateValue].includes(next)) throw new InvalidStateError(`media session cannot go from ${this.stateValue} to ${next}`);
    this.stateValue = next;
  }
}
