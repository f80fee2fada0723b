/**
 * Runs SIPp (Debian package sip-tester) as a child process, bounded by -timeout and a kill
 * timer, and reads its final statistics from the -trace_stat CSV.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SippResult {
  exitCode: number | null;
  stats: Record<string, string>;
  errors: string;
}

/** A port free on 127.0.0.1 for both UDP and TCP at the time of asking. */
export async function freePort(): Promise<number> {
  for (;;) {
    const server = createServer();
    const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
    await new Promise((resolve) => server.close(resolve));
    const udp = createSocket('udp4');
    const ok = await new Promise<boolean>((resolve) => {
      udp.once('error', () => resolve(false));
      udp.bind(port, '127.0.0.1', () => resolve(true));
    });
    await new Promise<void>((resolve) => udp.close(() => resolve()));
    if (ok) return port;
  }
}

export class SippRun {
  readonly done: Promise<SippResult>;
  private readonly child: ChildProcess;

  constructor(args: string[], killAfterMs: number) {
    const dir = mkdtempSync(join(tmpdir(), 'rexian-sipp-'));
    const statFile = join(dir, 'stat.csv');
    const errorFile = join(dir, 'errors.log');
    this.child = spawn('sipp', [...args, '-nostdin', '-trace_stat', '-stf', statFile, '-fd', '1', '-trace_err', '-error_file', errorFile], { stdio: 'ignore' });
    const killer = setTimeout(() => this.child.kill('SIGKILL'), killAfterMs);
    this.done = new Promise((resolve) => {
      this.child.on('exit', (exitCode) => {
        clearTimeout(killer);
        const read = (file: string): string => {
          try {
            return readFileSync(file, 'latin1');
          } catch {
            return '';
          }
        };
        const lines = read(statFile).trim().split('\n');
        const names = (lines[0] ?? '').split(';');
        const values = (lines.at(-1) ?? '').split(';');
        const stats = Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
        const errors = read(errorFile);
        rmSync(dir, { recursive: true, force: true });
        resolve({ exitCode, stats, errors });
      });
    });
  }

  stop(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
