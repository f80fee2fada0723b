/**
 * Media benchmark (issue 4): 100 and 300 concurrent calls, each playing a prompt, receiving the
 * caller's audio and recording it, against our SIP example UAS + media engine (bench/media/
 * rexian-uas.ts, its own process); then the same load against SIPp's own echoing UAS (-rtp_echo).
 * Reports CPU and memory per call of each target, RTP sent back, loss (RTP sequence gaps) and the
 * packet-interval deviation from 20 ms measured at the receiver on kernel timestamps.
 *
 *   node --import tsx bench/media-concurrent.ts [--calls 100,300] [--hold 30] [--no-write]
 * A short check while others share the machine: --calls 20 --hold 10 --no-write
 * Needs sipp (sip-tester), gcc; espeak-ng for the spoken prompt (a tone otherwise).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineLine, writeBenchmarkSection } from './benchmarks-file.js';
import { writePcmuPcap } from './media/rtp-pcap-writer.js';
import { runLoad, type LoadResult } from './media/sipp-load.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const levels = option('--calls', '100,300').split(',').map(Number);
const hold = Number(option('--hold', '30'));
const write = !args.includes('--no-write');
const DTMF_PCAP = '/usr/share/sip-tester/dtmf_2833_1.pcap';

for (const tool of ['sipp', 'gcc']) {
  if (spawnSync('which', [tool]).status !== 0) {
    console.error(`media bench skipped: ${tool} not found (apt-get install sip-tester gcc)`);
    process.exit(0);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'rexian-media-bench-'));
const sink = join(dir, 'udpsink-intervals');
if (spawnSync('gcc', ['-O2', '-o', sink, join(import.meta.dirname, 'media/udpsink-intervals.c')], { stdio: 'inherit' }).status !== 0) throw new Error('cannot build udpsink-intervals');
const audioPcap = join(dir, `pcmu-${hold + 1}s.pcap`);
writePcmuPcap(audioPcap, hold + 1);
const base = 21000 + Math.floor(Math.random() * 20) * 100; // SIP ports of this run
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

async function startRexian(): Promise<{ port: number; pid: number; stop: () => Promise<string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'media/rexian-uas.ts'), String(base), '50000', '59999'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  const ready = String((await lines.next()).value);
  const port = Number(/ready (\d+)/.exec(ready)?.[1]);
  return {
    port,
    pid: child.pid as number,
    stop: async () => {
      child.kill('SIGTERM');
      return String((await lines.next()).value ?? '{}');
    },
  };
}

function startSippEcho(): { port: number; pid: number; stop: () => void } {
  const port = base + 1;
  const child = spawn('sipp', ['-sf', join(import.meta.dirname, 'media/uas.xml'), '-i', '127.0.0.1', '-p', String(port), '-mi', '127.0.0.1', '-mp', String(39000 + Math.floor(Math.random() * 200) * 4), '-rtp_echo', '-buff_size', '4194304', '-nostdin'], { stdio: 'ignore' });
  children.push(child);
  return { port, pid: child.pid as number, stop: () => child.kill('SIGKILL') };
}

const rows: { target: string; calls: number; r: LoadResult }[] = [];
const load = (target: { port: number; pid: number }, calls: number, k: number): Promise<LoadResult> =>
  runLoad({ targetPort: target.port, targetPid: target.pid, calls, holdSeconds: hold, uacSipPort: base + 10 + k, uacMediaPort: 30000 + k * 2000, audioPcap, dtmfPcap: DTMF_PCAP, sinkBinary: sink, runDir: dir });

const started = performance.now();
const rexian = await startRexian();
const echo = startSippEcho();
await new Promise((r) => setTimeout(r, 500));
let k = 0;
for (const calls of levels) {
  for (const [name, target] of [['rexian (play + record)', rexian], ['sipp -rtp_echo', echo]] as const) {
    process.stdout.write(`${name}: ${calls} calls × ${hold} s …\n`);
    const r = await load(target, calls, k++);
    rows.push({ target: name, calls, r });
    process.stdout.write(`  ok=${r.ok} failed=${r.failed} cpu=${r.targetCpu.toFixed(1)}% rtp_back=${r.sink.packets} lost=${r.sink.lost} dev_p99=${((r.sink.dev_p99_us ?? NaN) / 1000).toFixed(2)} ms\n`);
    await new Promise((r) => setTimeout(r, 5000)); // sipp UAS timewait, sockets drain
  }
}
const totals = JSON.parse(await rexian.stop()) as Record<string, number>;
echo.stop();
rmSync(dir, { recursive: true, force: true });

const f = (x: number, d = 1): string => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
// RSS moves with garbage collection too: a negative growth means "lost in the GC noise".
const perCallKiB = (r: LoadResult, calls: number): string => {
  const kib = ((r.targetRssPlateau - r.targetRssBefore) * 1024) / calls;
  return kib > 0 ? `+${f(kib, 0)}` : '≈0';
};
const lines = [
  '## Media: concurrent calls (`bench/media-concurrent.ts`)',
  '',
  machineLine(),
  `Command: \`node --import tsx bench/media-concurrent.ts --calls ${levels.join(',')} --hold ${hold}\` (SIPp UAC \`uac_rtp.xml\`: PCMU from a pcap + one RFC 2833 digit per call; ramp max(20, calls/10)/s). ` +
    'rexian = packages/sip example UAS + packages/media engine (one worker per core) playing a looping espeak-ng prompt and recording each call to a stereo WAV; ' +
    'sipp = SIPp UAS with `-rtp_echo` under the same load. CPU in % of one core, on the plateau (all calls up); interval = |arrival gap − 20 ms| at the receiver (kernel timestamps).',
  '',
  '| target | calls | ok / failed | CPU % | CPU % per call | RSS MiB (growth per call, KiB) | RTP back | lost | interval p50 / p99 / max ms | generator CPU % |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(({ target, calls, r }) =>
    `| ${target} | ${calls} | ${r.ok} / ${r.failed} | ${f(r.targetCpu)} | ${f(r.targetCpu / calls, 3)} | ${f(r.targetRssPlateau, 0)} (${perCallKiB(r, calls)}) | ${r.sink.packets ?? 'n/a'} | ${r.sink.lost ?? 'n/a'} | ${f((r.sink.dev_p50_us ?? NaN) / 1000, 2)} / ${f((r.sink.dev_p99_us ?? NaN) / 1000, 2)} / ${f((r.sink.dev_max_us ?? NaN) / 1000, 2)} | ${f(r.generatorCpu)} |`,
  ),
  '',
  ...levels.map((calls) => {
    const ours = rows.find((x) => x.calls === calls && x.target.startsWith('rexian'))?.r;
    const theirs = rows.find((x) => x.calls === calls && x.target.startsWith('sipp'))?.r;
    return `- ${calls} calls: CPU per call rexian / sipp echo = ${ours && theirs ? f(ours.targetCpu / theirs.targetCpu, 2) : 'n/a'}× (aim ≤ 3×).`;
  }),
  `- Receive side (rexian, all runs): ${totals.packetsReceived} RTP packets received, ${totals.packetsLost} lost, max interarrival jitter ${f(totals.jitterMsMax ?? NaN, 2)} ms, ${totals.dtmf} digits detected for ${totals.calls} calls; sessions / ports left after the run: ${totals.leftoverSessions} / ${totals.leftoverPorts}; pacer ticks late by more than 10 ms: ${totals.lateTicks}, worst ${f(totals.worstLateMs ?? NaN)} ms.`,
  `- Run time ${f((performance.now() - started) / 1000, 0)} s.`,
];
const markdown = lines.join('\n');
process.stdout.write(`\n${markdown}\n`);
if (write) writeBenchmarkSection('media', markdown);
process.exit(0);
