import { z } from 'zod';
import { IpRange, Timestamp } from './common';

/** An extension number 分机号: 2–10 digits. */
export const Extension = z.string().trim().regex(/^\d{2,10}$/, '分机号应为 2–10 位数字');

/** A dialled number a trunk brings in (DNIS), e.g. a hotline number 8000 or 12345. */
export const InboundNumber = z.string().trim().regex(/^\+?\d{2,20}$/, '号码应为 2–20 位数字，可带 +');

/** SIP passwords are typed into phones, so they stay printable; 8 characters at least. */
export const SipPassword = z.string().min(8, '密码至少 8 位').max(64).regex(/^[\x21-\x7e]+$/, '密码只能含可见的 ASCII 字符');

/** Where a registered phone can be reached right now, from the registrar's location service. */
export const PhoneRegistration = z.object({
  contact: z.string(),
  transport: z.string(),
  source: z.string().describe('address:port the REGISTER came from'),
  userAgent: z.string().nullable(),
  expiresAt: Timestamp,
});
export type PhoneRegistration = z.infer<typeof PhoneRegistration>;

/** A phone account 分机: an extension that registers with digest authentication. */
export const PhoneAccount = z.object({
  id: z.number().int(),
  extension: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  /** The user whose profile carries this extension, if any. */
  user: z.object({ id: z.number().int(), name: z.string(), account: z.string() }).nullable(),
  registrations: z.array(PhoneRegistration),
  updatedAt: Timestamp,
});
export type PhoneAccount = z.infer<typeof PhoneAccount>;

export const PhoneAccountInput = z.object({
  extension: Extension,
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean().default(true),
  /** Required when creating; when updating, a new password or nothing to keep the old one. */
  password: SipPassword.optional(),
});
export type PhoneAccountInput = z.input<typeof PhoneAccountInput>;

export const TRUNK_KINDS = ['peer', 'register'] as const;

/** Where a registering trunk's registration stands. */
export const TRUNK_REGISTRATION_STATES = ['idle', 'registering', 'registered', 'failed', 'closed'] as const;
export type TrunkRegistrationState = (typeof TRUNK_REGISTRATION_STATES)[number];

/**
 * A trunk 中继 to a carrier or gateway: a `peer` trusted by its source addresses, or one Rexian
 * `register`s to with credentials. Calls to its inbound numbers come in through it.
 */
export const Trunk = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(TRUNK_KINDS),
  enabled: z.boolean(),
  addresses: z.array(z.string()),
  registrar: z.string().nullable(),
  username: z.string().nullable(),
  hasPassword: z.boolean(),
  inboundNumbers: z.array(z.string()),
  /** For `register` trunks: the registration's state as the SIP server last saw it. */
  status: z.enum(TRUNK_REGISTRATION_STATES).nullable(),
  updatedAt: Timestamp,
});
export type Trunk = z.infer<typeof Trunk>;

/** `host[:port]` of a carrier's registrar, e.g. `sip.carrier.example:5060`. */
export const HostPort = z.string().trim().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:.]+\](:\d{1,5})?$/, '格式应为 主机[:端口]');

export const TrunkInput = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(TRUNK_KINDS),
  enabled: z.boolean().default(true),
  addresses: z.array(IpRange).max(50).default([]),
  registrar: HostPort.nullable().default(null),
  username: z.string().trim().max(100).nullable().default(null),
  /** A new password, or nothing to keep the old one. */
  password: z.string().max(100).optional(),
  inboundNumbers: z.array(InboundNumber).max(200).default([]),
}).superRefine((t, ctx) => {
  if (t.kind === 'peer' && t.addresses.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['addresses'], message: '对端中继至少需要一个可信地址' });
  }
  if (t.kind === 'register' && (!t.registrar || !t.username)) {
    ctx.addIssue({ code: 'custom', path: ['registrar'], message: '注册中继需要注册服务器和用户名' });
  }
});
export type TrunkInput = z.input<typeof TrunkInput>;
