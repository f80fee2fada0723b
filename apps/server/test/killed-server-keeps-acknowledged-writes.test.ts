import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DATABASE_KINDS, type DatabaseKind } from './databases';
import { exited, signInOver, startServerProcess, type ServerProcess } from './server-process';

const ADMIN = 'CrashTest2026';

/**
 * A burst of writes, SIGKILL in the middle of it, a restart: every write the server acknowledged
 * with 200 must be there afterwards. Writes in flight at the kill may land or not, never half.
 */
describe.each(DATABASE_KINDS)('a server killed mid-burst loses no acknowledged write (%s)', (kind: DatabaseKind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('keeps every acknowledged write across SIGKILL and restart', async () => {
    const env: Record<string, string> = { REXIAN_ADMIN_PASSWORD: ADMIN };
    if (kind === 'postgres') {
      const created = await createPostgresDatabase();
      cleanups.push(created.dispose);
      env.DATABASE_URL = created.url;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'rexian-crash-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env.REXIAN_DATA_DIR = dir;
    }

    const first = await startServerProcess(env);
    cleanups.push(() => { first.child.kill('SIGKILL'); });
    const headers = await signInOver(first.baseUrl, 'admin', ADMIN);
    await fetch(`${first.baseUrl}api/dictionary/types`, {
      method: 'POST', headers, body: JSON.stringify({ code: 'burst', name: '压测字典' }),
    });

    if (kind === 'pglite') {
      // While the first server holds the data directory, a second one must refuse to open it.
      const second = await startServerProcess(env).catch((error: { code: number; output: string }) => error);
      expect((second as { code: number }).code).toBe(1);
      expect((second as { output: string }).output).toMatch(/in use by another Rexian server/);
    }

    const acknowledged = await burstThenKill(first, headers);
    expect(acknowledged.length).toBeGreaterThan(20);

    const restarted = await startServerProcess(env);
    cleanups.push(() => { restarted.child.kill('SIGKILL'); });
    const after = await signInOver(restarted.baseUrl, 'admin', ADMIN);
    const items = (await (await fetch(`${restarted.baseUrl}api/dictionary/types/burst/items`, { headers: after })).json()) as { value: string }[];
    const stored = new Set(items.map((i) => i.value));
    const lost = acknowledged.filter((value) => !stored.has(value));
    expect(lost).toEqual([]);
    restarted.child.kill('SIGTERM');
    expect(await exited(restarted.child)).toBe(0);
  });
});

/** Four writers in parallel; after 30 acknowledgements (or 400 attempts) the server is killed. */
async function burstThenKill(server: ServerProcess, headers: Record<string, string>): Promise<string[]> {
  const acknowledged: string[] = [];
  let next = 0;
  let killed = false;
  const writer = async () => {
    while (!killed && next < 400) {
      const value = `v${next++}`;
      try {
        const response = await fetch(`${server.baseUrl}api/dictionary/types/burst/items`, {
          method: 'POST', headers, body: JSON.stringify({ value, label: `条目 ${value}` }),
        });
        if (response.status === 200) acknowledged.push(value);
      } catch {
        // Connection cut by the kill: not acknowledged, so no promise was made.
      }
      if (acknowledged.length >= 30 && !killed) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
  await exited(server.child);
  return acknowledged;
}
