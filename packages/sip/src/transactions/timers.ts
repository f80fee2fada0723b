/**
 * RFC 3261 §17 timer values (Table 4 / §A), in one place. T1 is the RTT estimate, T2 the cap
 * on non-INVITE retransmission intervals, T4 how long the network may hold a message.
 */
export interface TimerSettings {
  T1: number;
  T2: number;
  T4: number;
}

export const DEFAULT_TIMERS: TimerSettings = { T1: 500, T2: 4000, T4: 5000 };

/** Durations derived from T1/T2/T4; a 0 means "fire at once" (reliable transports). */
export function timerValues(t: TimerSettings, reliable: boolean) {
  return {
    /** INVITE request retransmit interval, for UDP only; starts at T1 and doubles. */
    A: t.T1,
    /** INVITE transaction timeout. */
    B: 64 * t.T1,
    /** Wait time for response retransmits (INVITE client, Completed). */
    D: reliable ? 0 : Math.max(32_000, 64 * t.T1),
    /** non-INVITE request retransmit interval, UDP only; doubles up to T2. */
    E: t.T1,
    /** non-INVITE transaction timeout. */
    F: 64 * t.T1,
    /** INVITE response retransmit interval; doubles up to T2. */
    G: t.T1,
    /** Wait time for ACK receipt. */
    H: 64 * t.T1,
    /** Wait time for ACK retransmits. */
    I: reliable ? 0 : t.T4,
    /** Wait time for non-INVITE request retransmits. */
    J: reliable ? 0 : 64 * t.T1,
    /** Wait time for response retransmits (non-INVITE client, Completed). */
    K: reliable ? 0 : t.T4,
    /** RFC 6026: wait time for accepted INVITE request retransmits (INVITE server, Accepted). */
    L: 64 * t.T1,
    T1: t.T1,
    T2: t.T2,
  };
}

export type TimerValues = ReturnType<typeof timerValues>;
