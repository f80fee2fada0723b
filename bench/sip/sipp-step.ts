/**
 * One fixed-rate step of the SIP benchmark: SIPp's bench UAC (bench/sip/uac.xml) places
 * RATE calls/s for SECONDS against 127.0.0.1:PORT; "clean" as in the shared bench kit: no failed
 * call, no retransmission, sipp exit 0, every call done, achieved rate ≥ 95 % of the target.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface StepResult {
  rate: number;
  calls: number;
  ok: number;
  failed: number;
  retrans: number;
  achieved: number;
  exitCode: number | null;
  clean: boolean;
}

const UAC_XML = resolve(import.meta.dirname, 'uac.xml');

export async function sippStep(targetPort: number, uacPort: number, rate: number, seconds: number): Promise<StepResult> {
  const calls = Math.round(rate * seconds);
  const dir = mkdtempSync(join(tmpdir(), 'rexian-bench-sip-'));
  const stat = join(dir, 'stat.csv');
  const args = [
    '-sf', UAC_XML, `127.0.0.1:${targetPort}`, '-i', '127.0.0.1', '-p', String(uacPort), '-mi', '127.0.0.1', '-mp', '20000',
    '-r', String(rate), '-m', String(calls), '-l', String(Math.max(1000, rate * 10)), '-d', '0',
    '-recv_timeout', '10000', '-timeout', `${seconds + 60}s`, '-timeout_error', '-buff_size', '4194304', '-nostdin',
    '-trace_stat', '-stf', stat, '-fd', '1',
  ];
  const child = spawn('sipp', args, { stdio: 'ignore' });
  const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 90) * 1000);
  const exitCode = await new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  clearTimeout(killer);
  let text = '';
  try {
    text = readFileSync(stat, 'latin1');
  } catch {
    // no stats: counted as unclean below
  }
  rmSync(dir, { recursive: true, force: true });
  const lines = text.trim().split('\n');
  const names = (lines[0] ?? '').split(';');
  const values = (lines.at(-1) ?? '').split(';');
  const get = (name: string): number => Number(values[names.indexOf(name)] ?? NaN);
  const ok = get('SuccessfulCall(C)');
  const failed = get('FailedCall(C)');
  const retrans = get('Retransmissions(C)');
  const achieved = get('CallRate(C)');
  const clean = exitCode === 0 && failed === 0 && retrans === 0 && ok === calls && achieved >= 0.95 * rate;
  return { rate, calls, ok, failed, retrans, achieved, exitCode, clean };
}
