import type { Socket } from 'node:dgram';
import { buildRtcpCompound, ntpNow, parseRtcpCompound } from '../rtcp/rtcp-packet.js';
import type { RtpSender } from '../rtp/rtp-sender.js';
import type { RtpStreamStats } from '../rtp/rtp-stream-stats.js';
import type { SessionStats } from './session-events.js';

/** RFC 3550 §6.2: the recommended minimum interval between reports is 5 seconds. */
export const RTCP_INTERVAL_TICKS = 250;

/**
 * Sends our RTCP compound packets on the session's tick and reads the peer's: one per session.
 * RFC 3550 §6.3.5: the interval is randomised (0.5–1.5 × the nominal one) so that sessions
 * started together do not report in lock-step.
 */
export class RtcpReporter {
  private countdown: number;
  /** What the peer said about our stream in its last report. */
  remote: SessionStats['remote'];

  constructor(
    private readonly socket: Socket,
    private readonly sender: RtpSender,
    private readonly cname: string,
    private readonly intervalTicks = RTCP_INTERVAL_TICKS,
  ) {
    this.countdown = this.nextInterval();
  }

  private nextInterval(): number {
    return Math.max(1, Math.round(this.intervalTicks * (0.5 + Math.random())));
  }

  /** Called every tick; sends a report when due. Returns true when it sent one. */
  tick(remoteAddress: string | undefined, remotePort: number, stats: RtpStreamStats | undefined, sentSinceLast: boolean): boolean {
    if (--this.countdown > 0 || remoteAddress === undefined || remotePort === 0) return false;
    this.countdown = this.nextInterval();
    this.send(remoteAddress, remotePort, stats, sentSinceLast, false);
    return true;
  }

  /** Sends a report now, with BYE when `bye` (RFC 3550 §6.6, at session end). */
  send(address: string, port: number, stats: RtpStreamStats | undefined, asSender: boolean, bye: boolean): void {
    const s = this.sender;
    const info = asSender ? { ...ntpNow(), rtpTimestamp: s.lastTimestamp, packetCount: s.packetCount, octetCount: s.octetCount } : undefined;
    const packet = buildRtcpCompound(s.ssrc, this.cname, stats ? [stats.report()] : [], info, bye);
    this.socket.send(packet, port, address);
  }

  /** Reads an incoming compound packet; keeps the report block about our SSRC. */
  receive(data: Buffer): void {
    try {
      for (const report of parseRtcpCompound(data).reports) {
        const about = report.reports.find((r) => r.ssrc === this.sender.ssrc);
        if (about) this.remote = { fractionLost: about.fractionLost / 256, cumulativeLost: about.cumulativeLost, jitterMs: about.jitter / 8 };
      }
    } catch {
      // a malformed report from the peer: keep the previous figures
    }
  }
}
