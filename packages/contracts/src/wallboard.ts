/**
 * The wallboard 大屏 (SUP-3): today's figures from the call records, and the thresholds an
 * administrator sets beyond which a figure turns red and the leaders are alarmed.
 */
import { z } from 'zod';

export const WallboardFigures = z.object({
  /** Today's date in the organisation's time zone (`YYYY-MM-DD`). */
  date: z.string(),
  calls: z.number().int(),
  answered: z.number().int(),
  abandoned: z.number().int(),
  /** Answered within 20 s ÷ answered (0–1), null before the first answer. */
  serviceLevel: z.number().nullable(),
  /** Average speed of answer: mean wait of answered calls, ms. */
  asaMs: z.number().nullable(),
  /** Average handling time: talk + hold + wrap-up of answered calls, ms. */
  ahtMs: z.number().nullable(),
  /** Mean wait of every queued call (answered or not), ms. */
  avgWaitMs: z.number().nullable(),
  /** Abandoned ÷ (answered + abandoned), 0–1. */
  abandonRate: z.number().nullable(),
  byHour: z.array(z.object({ hour: z.number().int(), answered: z.number().int(), abandoned: z.number().int(), other: z.number().int() })),
});
export type WallboardFigures = z.infer<typeof WallboardFigures>;

/** Null: no threshold for that figure. Unknown fields are refused (a typo must not clear thresholds). */
export const WallboardThresholds = z.strictObject({
  maxWaiting: z.number().int().min(0).max(1000).nullable().default(null),
  maxLongestWaitSec: z.number().int().min(0).max(3600).nullable().default(null),
  minServiceLevel: z.number().min(0).max(1).nullable().default(null),
  maxAbandonRate: z.number().min(0).max(1).nullable().default(null),
});
export type WallboardThresholds = z.infer<typeof WallboardThresholds>;
