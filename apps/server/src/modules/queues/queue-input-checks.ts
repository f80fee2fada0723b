/** Checks a queue's members and overflow against the database before it is saved. */
import { inArray } from 'drizzle-orm';
import type { FieldError, QueueInput } from '@rexian/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import { queues, users } from '../../db/schema';
import { AppError } from '../../http/app-error';

type Input = z.output<typeof QueueInput>;

/**
 * Members must be users with an extension (their phone is what rings), each listed once; overflow
 * to another queue needs that queue, and a chain of overflows must not come back to this one.
 * Returns the overflow queue id to store (null unless overflow is `queue`).
 */
export async function checkQueueInput(db: Db, input: Input, selfId: number | null): Promise<number | null> {
  const problems: FieldError[] = [];
  const ids = input.members.map((m) => m.userId);
  const found = ids.length === 0 ? [] : await db.select({ id: users.id, extension: users.extension }).from(users).where(inArray(users.id, ids));
  input.members.forEach((m, i) => {
    const user = found.find((u) => u.id === m.userId);
    if (!user) problems.push({ field: `members.${i}.userId`, message: '用户不存在' });
    else if (!user.extension) problems.push({ field: `members.${i}.userId`, message: '该用户没有分机号，不能加入队列' });
    else if (ids.indexOf(m.userId) !== i) problems.push({ field: `members.${i}.userId`, message: '同一用户只能加入一次' });
  });

  let overflowQueueId: number | null = null;
  if (input.overflow === 'queue') {
    if (input.overflowQueueId === null) problems.push({ field: 'overflowQueueId', message: '溢出到队列时请选择目标队列' });
    else {
      const all = await db.select({ id: queues.id, overflowQueueId: queues.overflowQueueId }).from(queues);
      const next = new Map(all.map((q) => [q.id, q.overflowQueueId]));
      if (!next.has(input.overflowQueueId)) problems.push({ field: 'overflowQueueId', message: '目标队列不存在' });
      else if (overflowComesBack(next, input.overflowQueueId, selfId)) problems.push({ field: 'overflowQueueId', message: '溢出设置形成了循环' });
      else overflowQueueId = input.overflowQueueId;
    }
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems);
  return overflowQueueId;
}

/** Follows overflow links from `start`; true when they reach `selfId` (bounded by the number of queues). */
function overflowComesBack(next: Map<number, number | null>, start: number, selfId: number | null): boolean {
  let current: number | null | undefined = start;
  for (let steps = 0; current != null && steps <= next.size; steps++) {
    if (current === selfId) return true;
    current = next.get(current);
  }
  return false;
}
