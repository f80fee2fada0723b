/**
 * What the end-to-end hotline tests share: whether the real SIP peers are installed, the demo
 * passwords they start the server with, and polling the REST API until a record shows up.
 */
import { spawnSync } from 'node:child_process';
import { hasBaresip } from './agent-phone';

export const hasSipPeers = hasBaresip && spawnSync('sh', ['-c', 'command -v sipp']).status === 0;

export const ADMIN_PASSWORD = 'Admin12345';
export const STAFF_PASSWORD = 'Staff12345';

/** The server process's environment: demo passwords known, MD5 digest for baresip 1.0. */
export const hotlineEnv = (dataDir: string): Record<string, string> => ({
  REXIAN_DATA_DIR: dataDir, REXIAN_ADMIN_PASSWORD: ADMIN_PASSWORD, REXIAN_DEMO_PASSWORD: STAFF_PASSWORD, REXIAN_SIP_DIGEST_ALGORITHMS: 'MD5',
});

/** Calls `read` every 200 ms until it gives something, or `ms` pass (then undefined). */
export async function poll<T>(read: () => Promise<T | undefined>, ms: number): Promise<T | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}
