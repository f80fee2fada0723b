import type { Db } from '../../db/database';
import { departments } from '../../db/schema';

/** A department and every department below it: the reach of the `department` data scope. */
export async function departmentSubtree(db: Db, rootId: number): Promise<number[]> {
  const all = await db.select({ id: departments.id, parentId: departments.parentId }).from(departments);
  const out = [rootId];
  for (let i = 0; i < out.length; i++) for (const d of all) if (d.parentId === out[i]) out.push(d.id);
  return out;
}
