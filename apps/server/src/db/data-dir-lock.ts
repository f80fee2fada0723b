/**
 * An exclusive lock on the embedded database's directory. PGlite has no lock between processes:
 * two servers on one directory silently lose committed rows. So the first server writes its PID into
 * `rexian.lock`; a second one finds a live PID there and refuses to start. A lock left by a killed
 * process names a dead PID and is taken over.
 */
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(
      `The data directory ${dir} is in use by another Rexian server (PID ${pid}). ` +
        'Stop that server, or set REXIAN_DATA_DIR to another directory. ' +
        '数据目录正被另一个 Rexian 进程使用，请先停止该进程或指定其他数据目录。',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

interface LockOwner { pid: number; host: string }

export function lockDataDir(dir: string): DataDirLock {
  const path = join(dir, 'rexian.lock');
  const mine: LockOwner = { pid: process.pid, host: hostname() };
  // Write the claim to a private file, then hard-link it into place: link() fails if the lock
  // exists, so two servers starting at once cannot both win.
  const claim = `${path}.${process.pid}`;
  writeFileSync(claim, JSON.stringify(mine));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(claim, path);
        return { release: () => releaseIfMine(path, mine) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = readOwner(path);
      // A lock from another host (a shared disk) cannot be checked for liveness: refuse rather than guess.
      if (owner && (owner.host !== mine.host || isAlive(owner.pid))) throw new DataDirLockedError(dir, owner.pid);
      // Stale: move it aside atomically (only one contender's rename succeeds), then try again.
      try {
        renameSync(path, `${path}.stale.${process.pid}`);
        unlinkSync(`${path}.stale.${process.pid}`);
      } catch {
        /* another contender took it over first; the next attempt decides */
      }
    }
    const owner = readOwner(path);
    throw new DataDirLockedError(dir, owner?.pid ?? -1);
  } finally {
    unlinkSync(claim);
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfMine(path: string, mine: LockOwner): void {
  const owner = readOwner(path);
  if (owner?.pid === mine.pid && owner.host === mine.host) unlinkSync(path);
}
