import { z } from 'zod';
import { PageQuery, Timestamp } from './common';

export const AUDIT_OUTCOMES = ['success', 'failed', 'denied'] as const;
export const AuditOutcome = z.enum(AUDIT_OUTCOMES);

export const AuditEntry = z.object({
  id: z.number().int(),
  at: Timestamp,
  userId: z.number().int().nullable(),
  account: z.string().nullable(),
  ip: z.string().nullable(),
  /** `users.create`, `auth.login`, `request.denied` … */
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  /** Before/after of the fields that changed, or a reason for a failure. */
  summary: z.record(z.string(), z.unknown()).nullable(),
  outcome: AuditOutcome,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  account: z.string().trim().max(50).optional(),
  action: z.string().trim().max(100).optional(),
  objectType: z.string().trim().max(50).optional(),
  objectId: z.string().trim().max(100).optional(),
  outcome: AuditOutcome.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.input<typeof AuditQuery>;
