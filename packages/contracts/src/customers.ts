/**
 * Customer records (CRM-1, CRM-2): a person or organisation with several phone numbers, addresses
 * and accounts (meter or account numbers 户号/表号), tags, a VIP level and a blacklist flag that
 * feed the switch's caller lists; one timeline of calls and interaction records 服务记录.
 */
import { z } from 'zod';
import { Timestamp } from './common';

export const CUSTOMER_KINDS = ['person', 'organisation'] as const;

/** What an interaction record is about (the agent picks one while or after talking). */
export const INTERACTION_KINDS = ['consultation', 'complaint', 'suggestion', 'fault', 'business', 'praise'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

const PhoneNumber = z.string().trim().regex(/^\+?\d{3,20}$/, '号码应为 3–20 位数字');

export const CustomerPhone = z.object({ number: PhoneNumber, label: z.string().trim().max(20).default('') });
export const CustomerAddress = z.object({ address: z.string().trim().min(1).max(200), area: z.string().trim().max(40).default('') });
export const CustomerAccount = z.object({ accountNo: z.string().trim().min(1).max(40), kind: z.string().trim().max(20).default('') });

export const Customer = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(CUSTOMER_KINDS),
  phones: z.array(z.object({ number: z.string(), label: z.string() })),
  addresses: z.array(z.object({ address: z.string(), area: z.string() })),
  accounts: z.array(z.object({ accountNo: z.string(), kind: z.string() })),
  tags: z.array(z.string()),
  /** 0 ordinary, 1–3 VIP levels (any VIP level puts the numbers on the switch's VIP list). */
  vipLevel: z.number().int().min(0).max(3),
  blacklisted: z.boolean(),
  note: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Customer = z.infer<typeof Customer>;

export const CustomerInput = z.object({
  name: z.string().trim().min(1, '请填写客户名称').max(100),
  kind: z.enum(CUSTOMER_KINDS).default('person'),
  phones: z.array(CustomerPhone).max(10).default([]),
  addresses: z.array(CustomerAddress).max(10).default([]),
  accounts: z.array(CustomerAccount).max(20).default([]),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  vipLevel: z.number().int().min(0).max(3).default(0),
  blacklisted: z.boolean().default(false),
  note: z.string().trim().max(1000).nullable().default(null),
});
export type CustomerInput = z.input<typeof CustomerInput>;

export const CustomerQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  /** Number (any of the phones, partial), name (partial) or account number (exact or partial). */
  q: z.string().trim().max(60).optional(),
});

/** An interaction record 服务记录: what the caller wanted, saved with the call and the customer. */
export const Interaction = z.object({
  id: z.number().int(),
  customerId: z.number().int().nullable(),
  callId: z.string().nullable(),
  kind: z.enum(INTERACTION_KINDS),
  summary: z.string(),
  content: z.string().nullable(),
  agent: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  createdAt: Timestamp,
});
export type Interaction = z.infer<typeof Interaction>;

export const InteractionInput = z.object({
  customerId: z.number().int().nullable().default(null),
  callId: z.string().max(100).nullable().default(null),
  kind: z.enum(INTERACTION_KINDS),
  summary: z.string().trim().min(1, '请填写摘要').max(200),
  content: z.string().trim().max(4000).nullable().default(null),
});
export type InteractionInput = z.input<typeof InteractionInput>;

/** One entry of a customer's timeline: a call (from the CDR) or an interaction record. */
export const TimelineEntry = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call'), at: Timestamp, callId: z.string(), direction: z.string(), number: z.string(), outcome: z.string(),
    agentName: z.string().nullable(), talkMs: z.number().int().nullable(),
  }),
  z.object({ type: z.literal('interaction'), at: Timestamp, interaction: Interaction }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** The screen pop's customer part: who has this number, and what happened with them lately. */
export const CustomerLookup = z.object({
  customer: Customer.nullable(),
  /** Other customers sharing the number (a family phone); the first is `customer`. */
  others: z.array(z.object({ id: z.number().int(), name: z.string() })),
  recent: z.array(TimelineEntry),
});
export type CustomerLookup = z.infer<typeof CustomerLookup>;
