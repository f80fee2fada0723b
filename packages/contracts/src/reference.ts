import { z } from 'zod';
import { CalendarDate, ClockTime, Timestamp } from './common';

const Name = z.string().trim().min(1, '不能为空').max(100);

// ---- Data dictionary: typed, editable lists (ticket categories, not-ready reasons …) ----
export const DictionaryType = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  itemCount: z.number().int(),
});
export type DictionaryType = z.infer<typeof DictionaryType>;

export const DictionaryTypeInput = z.object({
  code: z.string().trim().min(1).max(50).regex(/^[a-z][a-z0-9_]*$/, '编码为小写字母、数字和下划线'),
  name: Name,
  description: z.string().trim().max(500).nullable().optional(),
});

export type DictionaryTypeInput = z.input<typeof DictionaryTypeInput>;
export const DictionaryItem = z.object({
  id: z.number().int(),
  type: z.string(),
  value: z.string(),
  label: z.string(),
  sort: z.number().int(),
  enabled: z.boolean(),
});
export type DictionaryItem = z.infer<typeof DictionaryItem>;

export const DictionaryItemInput = z.object({
  value: z.string().trim().min(1, '不能为空').max(100),
  label: Name,
  sort: z.number().int().default(0),
  enabled: z.boolean().default(true),
});
export type DictionaryItemInput = z.input<typeof DictionaryItemInput>;

// ---- Business calendar: work hours per weekday, holidays and make-up working days 调休 ----
export const TimeInterval = z
  .object({ start: ClockTime, end: ClockTime })
  .refine((i) => i.start < i.end, { message: '结束时间须晚于开始时间', path: ['end'] });

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const Weekday = z.number().int().min(1).max(7);

export const WorkHours = z.object({
  weekday: Weekday,
  intervals: z.array(TimeInterval).max(6),
});
export type WorkHours = z.infer<typeof WorkHours>;

export const SPECIAL_DAY_KINDS = ['holiday', 'workday'] as const;
export const SpecialDay = z.object({
  date: CalendarDate,
  /** `holiday`: closed although a weekday; `workday`: a make-up working day 调休 on a weekend. */
  kind: z.enum(SPECIAL_DAY_KINDS),
  name: Name,
  /** Hours on a make-up working day; the Monday hours when empty. */
  intervals: z.array(TimeInterval).max(6).default([]),
});
export type SpecialDay = z.infer<typeof SpecialDay>;

export const BusinessCalendar = z.object({
  timeZone: z.string(),
  week: z.array(WorkHours),
  specialDays: z.array(SpecialDay),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

export const WeekInput = z.object({ week: z.array(WorkHours).max(7) });

export type WeekInput = z.input<typeof WeekInput>;
export const CalendarCheckQuery = z.object({
  at: z.iso.datetime({ offset: true }),
  addMinutes: z.coerce.number().int().min(0).max(525600).optional(),
});
export const CalendarCheck = z.object({
  at: Timestamp,
  inBusinessHours: z.boolean(),
  due: Timestamp.nullable(),
});

// ---- System parameters ----
export type CalendarCheck = z.infer<typeof CalendarCheck>;
export const PARAMETERS = {
  'system.name': { type: 'string', default: 'Rexian 热线', zh: '系统名称', en: 'System name' },
  'system.timeZone': { type: 'string', default: 'Asia/Shanghai', zh: '时区', en: 'Time zone' },
  'security.lockoutThreshold': { type: 'integer', default: 5, min: 1, max: 100, zh: '连续登录失败锁定次数', en: 'Failed sign-ins before lock-out' },
  'security.lockoutMinutes': { type: 'integer', default: 15, min: 1, max: 1440, zh: '锁定时长（分钟）', en: 'Lock-out duration (minutes)' },
  'security.sessionHours': { type: 'integer', default: 12, min: 1, max: 720, zh: '登录会话有效期（小时）', en: 'Session lifetime (hours)' },
  'security.passwordMinLength': { type: 'integer', default: 8, min: 8, max: 64, zh: '密码最小长度', en: 'Minimum password length' },
} as const satisfies Record<string, ParameterDefinition>;

export interface ParameterDefinition {
  type: 'string' | 'integer' | 'boolean';
  default: string | number | boolean;
  min?: number;
  max?: number;
  zh: string;
  en: string;
}
export type ParameterKey = keyof typeof PARAMETERS;

export const Parameter = z.object({
  key: z.string(),
  type: z.enum(['string', 'integer', 'boolean']),
  value: z.union([z.string(), z.number(), z.boolean()]),
  default: z.union([z.string(), z.number(), z.boolean()]),
  label: z.string(),
  labelEn: z.string(),
  updatedAt: Timestamp.nullable(),
});
export type Parameter = z.infer<typeof Parameter>;

export const ParameterUpdate = z.object({ value: z.union([z.string().max(1000), z.number(), z.boolean()]) });

// ---- Announcements 公告 with read receipts ----
export type ParameterUpdate = z.input<typeof ParameterUpdate>;
export const Announcement = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  pinned: z.boolean(),
  authorName: z.string().nullable(),
  publishedAt: Timestamp,
  readByMe: z.boolean(),
  readCount: z.number().int(),
  recipientCount: z.number().int(),
});
export type Announcement = z.infer<typeof Announcement>;

export const AnnouncementInput = z.object({
  title: z.string().trim().min(1, '请输入标题').max(200),
  body: z.string().trim().min(1, '请输入内容').max(20000),
  pinned: z.boolean().default(false),
});
export type AnnouncementInput = z.input<typeof AnnouncementInput>;

export const AnnouncementReader = z.object({
  userId: z.number().int(),
  account: z.string(),
  name: z.string(),
  readAt: Timestamp.nullable(),
});

export type AnnouncementReader = z.infer<typeof AnnouncementReader>;