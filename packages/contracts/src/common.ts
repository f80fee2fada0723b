import { z } from 'zod';

/** Database identifiers are integers; path parameters arrive as strings and are coerced. */
export const Id = z.coerce.number().int().positive();
export const IdParams = z.object({ id: Id });

export const Timestamp = z.string().describe('ISO 8601 instant');

/** `HH:MM` on a 24-hour clock. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

/** `YYYY-MM-DD`. */
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** An IPv4/IPv6 address or CIDR range, e.g. `10.0.0.0/8`; checked by the server too. */
export const IpRange = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, 'IP 地址或网段格式不正确，例如 10.0.0.0/8');

export const Ok = z.object({ ok: z.literal(true) });

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
