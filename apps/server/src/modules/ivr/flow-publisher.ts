import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { ivrFlows, ivrFlowVersions } from '../../db/schema';

/**
 * Makes `version` the one calls run: the version published until now is archived (kept for a
 * rollback), this one becomes `published`. Run inside the caller's transaction.
 */
export async function publishFlowVersion(db: Db, flowId: number, version: number, at = new Date()): Promise<void> {
  await db.update(ivrFlowVersions).set({ status: 'archived' })
    .where(and(eq(ivrFlowVersions.flowId, flowId), eq(ivrFlowVersions.status, 'published')));
  await db.update(ivrFlowVersions).set({ status: 'published', publishedAt: at })
    .where(and(eq(ivrFlowVersions.flowId, flowId), eq(ivrFlowVersions.version, version)));
  await db.update(ivrFlows).set({ publishedVersion: version, updatedAt: at }).where(eq(ivrFlows.id, flowId));
}
