/**
 * One load step for bench/media-concurrent.ts, the same as ../shared/sip-bench/concurrent.sh:
 * SIPp's UAC (media/uac_rtp.xml) sets up CALLS calls to a target, each streaming PCMU from a pcap
 * (play_pcap_audio) for HOLD seconds, then one RFC 2833 digit, then BYE. udpsink-intervals binds
 * the UAC's advertised RTP ports and measures what the target sends back. CPU is sampled on the
 * plateau, when every call is up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CpuWindow, rssMiB } from './process-sampler.js';

export interface LoadSettings {
  targetPort: number;
  targetPid: number;
  calls: number;
  holdSeconds: number;
  uacSipPort: number;
  uacMediaPort: number;
  audioPcap: string;
  dtmfPcap: string;
  sinkBinary: string;
  runDir: string;
}

export interface LoadResult {
  ok: number;
  failed: number;
  targetCpu: number;
  generatorCpu: number;
  targetRssBefore: number;
  targetRssPlateau: number;
  plateauSeconds: number;
  sink: Record<string, number>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const exited = (child: ChildProcess): Promise<void> => new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));

function lastStat(csv: string, column: string): number {
  const rows = csv.trim().split('\n').map((l) => l.split(';'));
  const index = rows[0]?.indexOf(column) ?? -1;
  return index < 0 ? NaN : Number(rows.at(-1)?.[index]);
}

export async function runLoad(s: LoadSettings): Promise<LoadResult> {
  const ramp = Math.max(20, Math.ceil(s.calls / 10));
  const rampSeconds = Math.ceil(s.calls / ramp);
  const sink = spawn(s.sinkBinary, [String(s.uacMediaPort + 4), '4', String(Math.max(1, s.calls - 1))], { stdio: ['ignore', 'pipe', 'ignore'] });
  let sinkOut = '';
  sink.stdout?.on('data', (d: Buffer) => (sinkOut += d.toString()));
  await sleep(300);
  const rssBefore = rssMiB(s.targetPid);
  const timeout = s.holdSeconds + rampSeconds + 60;
  const stat = join(s.runDir, `stat-${s.targetPort}-${s.calls}.csv`);
  const sipp = spawn('sipp', ['-sf', join(import.meta.dirname, 'uac_rtp.xml'), `127.0.0.1:${s.targetPort}`, '-i', '127.0.0.1', '-p', String(s.uacSipPort), '-mi', '127.0.0.1', '-mp', String(s.uacMediaPort), '-key', 'audio_pcap', s.audioPcap, '-key', 'dtmf_pcap', s.dtmfPcap, '-r', String(ramp), '-m', String(s.calls), '-l', String(s.calls), '-d', String(s.holdSeconds * 1000), '-recv_timeout', '10000', '-timeout', `${timeout}s`, '-timeout_error', '-buff_size', '4194304', '-nostdin', '-trace_stat', '-stf', stat, '-fd', '1'], { stdio: 'ignore' });
  const killer = setTimeout(() => sipp.kill('SIGKILL'), (timeout + 30) * 1000);
  const t0 = performance.now();
  // plateau: after the last call is set up, before the first one ends
  const window = new CpuWindow();
  await sleep((rampSeconds + 1) * 1000);
  window.begin([s.targetPid, sipp.pid ?? 0, sink.pid ?? 0]);
  await sleep(Math.max(2, s.holdSeconds - rampSeconds - 1.5) * 1000);
  const rssPlateau = rssMiB(s.targetPid);
  const cpu = window.end();
  const plateauSeconds = (performance.now() - t0) / 1000 - rampSeconds - 1;
  process.stdout.write(`  plateau measured (${plateauSeconds.toFixed(1)} s); waiting for the calls to end\n`);
  await exited(sipp);
  clearTimeout(killer);
  await sleep(500);
  sink.kill('SIGTERM');
  await exited(sink);
  const sinkFields = Object.fromEntries([...sinkOut.matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1] as string, Number(m[2])]));
  let csv = '';
  try {
    csv = readFileSync(stat, 'utf8');
  } catch {
    // sipp failed before writing statistics: reported as 0 ok
  }
  return {
    ok: lastStat(csv, 'SuccessfulCall(C)') || 0,
    failed: lastStat(csv, 'FailedCall(C)') || 0,
    targetCpu: cpu.get(s.targetPid) ?? NaN,
    generatorCpu: (cpu.get(sipp.pid ?? 0) ?? 0) + (cpu.get(sink.pid ?? 0) ?? 0),
    targetRssBefore: rssBefore,
    targetRssPlateau: rssPlateau,
    plateauSeconds,
    sink: sinkFields,
  };
}
