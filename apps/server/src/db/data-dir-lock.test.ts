import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

describe('the data directory lock', () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rexian-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('refuses a second holder while the first is alive, with a message that says what to do', () => {
    const dir = newDir();
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/REXIAN_DATA_DIR/);
    lock.release();
    lockDataDir(dir).release();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = newDir();
    // A PID that existed and has exited: a finished child process.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dir, 'rexian.lock'), JSON.stringify({ pid: dead, host: hostname() }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(dir, 'rexian.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(join(dir, 'rexian.lock'))).toBe(false);
  });

  it('refuses a lock held from another host, whose liveness it cannot check', () => {
    const dir = newDir();
    writeFileSync(join(dir, 'rexian.lock'), JSON.stringify({ pid: 1, host: 'another-machine' }));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });
});
