/**
 * The call switch under load (issue 6): BENCH_CONCURRENT (200) callers at once dial hotline 8000,
 * press the IVR key of a queue (3 → 业务咨询) as RFC 2833 events, and are offered to simulated
 * agents — BENCH_AGENTS (200) phone accounts registered by SIPp processes (50 phones each) that
 * also answer their INVITEs on the same port (bench/switch/register-phones.ts + agents-answer.xml). Measures the latency from
 * the caller's last digit to the agent's INVITE (p50/p95/p99, bench/switch/latency-logs.ts), and
 * the server's CPU and resident memory while the calls run.
 * The server is the product itself (`src/server.ts` as a process, as `npm start` runs it) on a
 * fresh data directory; agents are set up and signed in through the REST API (bench-agents.ts).
 * Run: `npm run bench -- switch`. BENCH_REGISTER_ONLY=1 stops after the registrations;
 * BENCH_DRY=1 leaves BENCHMARKS.md alone; BENCH_KEEP=1 keeps the run's SIPp logs. Other knobs: BENCH_CALLS, BENCH_RATE (calls/s),
 * BENCH_TALK_MS, BENCH_IVR_MS (listening before the key), BENCH_DIGIT, BENCH_QUEUE.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CallRecord, PhoneAccount } from '@rexian/contracts';
import { exited, startServerProcess } from '../apps/server/test/server-process';
import { freePort } from '../packages/sip/test/support/sipp';
import { machineLine, writeBenchmarkSection } from './benchmarks-file';
import { CpuWindow, rssMiB } from './media/process-sampler';
import { signIn, type ApiSession } from './switch/admin-api';
import { createAgents, signInAgents } from './switch/bench-agents';
import { offerLatencies, percentile } from './switch/latency-logs';
import { PHONES_PER_SIPP, registerPhonesScenario } from './switch/register-phones';

const env = process.env;
const AGENTS = Number(env.BENCH_AGENTS ?? 200);
const CONCURRENT = Number(env.BENCH_CONCURRENT ?? 200);
const CALLS = Number(env.BENCH_CALLS ?? 2 * CONCURRENT);
const RATE = Number(env.BENCH_RATE ?? 20);
const TALK_MS = Number(env.BENCH_TALK_MS ?? 10_000);
const IVR_MS = Number(env.BENCH_IVR_MS ?? 3000);
const DIGIT = env.BENCH_DIGIT ?? '3';
const QUEUE = env.BENCH_QUEUE ?? '业务咨询';
const ADMIN_PASSWORD = env.REXIAN_ADMIN_PASSWORD ?? 'Bench-Admin-2026';
const PCAPS = '/usr/share/sip-tester';
const HERE = resolve(import.meta.dirname, 'switch');
/** Longest the callers can take: ramp-up, each call's IVR, key and talk, and retransmission slack. */
const CALLS_SECONDS = Math.ceil(CALLS / RATE + (IVR_MS + TALK_MS) / 1000 + 60);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const children: ChildProcess[] = [];

function sipp(args: string[], killAfterSeconds: number): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn('sipp', [...args, '-nostdin', '-buff_size', '4194304'], { stdio: 'ignore' });
  children.push(child);
  const killer = setTimeout(() => child.kill('SIGKILL'), killAfterSeconds * 1000);
  const done = new Promise<number | null>((r) => child.once('exit', (code) => (clearTimeout(killer), r(code))));
  return { child, done };
}

/** SIGINT lets SIPp flush its logs and statistics; SIGKILL if it has not gone in 5 s. */
async function stopSipp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  const late = setTimeout(() => child.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(late);
}

function lastStat(file: string, column: string): number {
  try {
    const rows = readFileSync(file, 'latin1').trim().split('\n').map((l) => l.split(';'));
    return Number(rows.at(-1)?.[rows[0]?.indexOf(column) ?? -1] ?? NaN);
  } catch {
    return NaN;
  }
}

/** Waits until each extension is registered from its SIPp's address (`sources`: extension → address:port). */
async function waitRegistered(admin: ApiSession, sources: Map<string, string>): Promise<number> {
  const started = performance.now();
  let ready = 0;
  for (let i = 0; i < 120; i++) {
    const phones = await admin.call<PhoneAccount[]>('GET', '/api/phones');
    ready = phones.filter((p) => p.registrations.some((r) => r.source === sources.get(p.extension))).length;
    if (ready === sources.size) return performance.now() - started;
    await sleep(500);
  }
  let errors = '';
  try {
    errors = readFileSync(join(dir, 'agents-0-errors.log'), 'latin1').slice(0, 3000);
  } catch {
    // no errors written
  }
  throw new Error(`${ready} of ${sources.size} bench phones registered within 60 s; SIPp said:\n${errors}`);
}

async function outcomes(admin: ApiSession): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let page = 1; page <= Math.ceil(CALLS / 200) + 1; page++) {
    const { items } = await admin.call<{ items: CallRecord[] }>('GET', `/api/calls?pageSize=200&page=${page}`);
    for (const call of items) counts[call.outcome] = (counts[call.outcome] ?? 0) + 1;
    if (items.length < 200) break;
  }
  return counts;
}


/** Everything between starting the server and stopping it. */
async function run(): Promise<void> {
  const sipPort = server.sipPort!;
  const admin = await signIn(server.baseUrl, 'admin', ADMIN_PASSWORD);
  const { agents, queue } = await createAgents(admin, { count: AGENTS, firstExtension: 2001, queueName: QUEUE });
  console.log(`${agents.length} agents in queue ${queue.name} (#${queue.id}), wrap-up ${queue.wrapUpSec} s`);

  // One SIPp per PHONES_PER_SIPP phones, each registering its phones from the port it answers on.
  const groups = Array.from({ length: Math.ceil(agents.length / PHONES_PER_SIPP) }, (_, g) => agents.slice(g * PHONES_PER_SIPP, (g + 1) * PHONES_PER_SIPP));
  const phoneSipps = await Promise.all(groups.map(async (group, g) => {
    const port = await freePort();
    const scenario = join(dir, `register-phones-${g}.xml`);
    writeFileSync(scenario, registerPhonesScenario(group));
    const log = join(dir, `agents-${g}.log`);
    const run = sipp(['-sf', scenario, '-oocsf', join(HERE, 'agents-answer.xml'), `127.0.0.1:${sipPort}`, '-i', '127.0.0.1', '-p', String(port),
      '-mi', '127.0.0.1', '-mp', String(await freePort()), '-m', '1', '-d', String((CALLS_SECONDS + 300) * 1000), '-trace_logs', '-log_file', log,
      '-trace_err', '-error_file', join(dir, `agents-${g}-errors.log`)], CALLS_SECONDS + 400);
    return { run, log, port, group };
  }));
  const sources = new Map(phoneSipps.flatMap(({ port, group }) => group.map((a) => [a.extension, `127.0.0.1:${port}`] as const)));
  const registerMs = await waitRegistered(admin, sources);
  console.log(`${agents.length} phones registered from ${phoneSipps.length} SIPp processes in ${(registerMs / 1000).toFixed(1)} s`);
  if (env.BENCH_REGISTER_ONLY === '1') return;

  const refused = await signInAgents(server.baseUrl, agents);
  if (refused.length > 0) throw new Error(`${refused.length} agents could not sign in: ${refused.slice(0, 5).join('; ')}`);
  console.log(`${agents.length} agents signed in, ready`);

  const callersLog = join(dir, 'callers.log');
  const callersStat = join(dir, 'callers-stat.csv');
  const rssBefore = rssMiB(serverPid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMiB(serverPid))), 500);
  const cpu = new CpuWindow();
  const callersRun = sipp(['-sf', join(HERE, 'callers.xml'), '-s', '8000', `127.0.0.1:${sipPort}`, '-i', '127.0.0.1', '-p', String(await freePort()),
    '-mi', '127.0.0.1', '-mp', String(await freePort()), '-m', String(CALLS), '-r', String(RATE), '-l', String(CONCURRENT), '-d', String(TALK_MS),
    '-set', 'ivr_ms', String(IVR_MS), '-key', 'digit_pcap', join(PCAPS, `dtmf_2833_${{ '*': 'star', '#': 'pound' }[DIGIT] ?? DIGIT}.pcap`),
    '-key', 'audio_pcap', join(PCAPS, 'g711a.pcap'), '-recv_timeout', '30000', '-timeout', `${CALLS_SECONDS}s`, '-timeout_error',
    '-trace_logs', '-log_file', callersLog, '-trace_stat', '-stf', callersStat, '-fd', '1',
    '-trace_err', '-error_file', join(dir, 'callers-errors.log')], CALLS_SECONDS + 30);
  cpu.begin([serverPid]);
  const started = performance.now();
  const callersExit = await callersRun.done;
  const seconds = (performance.now() - started) / 1000;
  const serverCpu = cpu.end().get(serverPid) ?? NaN;
  clearInterval(sampler);
  await sleep(1000);
  for (const { run } of phoneSipps) await stopSipp(run.child);

  const ok = lastStat(callersStat, 'SuccessfulCall(C)');
  const failed = lastStat(callersStat, 'FailedCall(C)');
  const { latencies, unmatched } = offerLatencies(readFileSync(callersLog, 'latin1'), phoneSipps.map(({ log }) => readFileSync(log, 'latin1')).join('\n'));
  const records = await outcomes(admin);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(latencies, p).toFixed(1));
  const max = (latencies.at(-1) ?? NaN).toFixed(1);
  console.log(`callers: exit ${callersExit}, ok ${ok}, failed ${failed} in ${seconds.toFixed(1)} s; offered ${latencies.length}, unmatched ${unmatched}`);
  console.log(`last digit → agent INVITE: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${max} ms`);
  console.log(`server: CPU ${serverCpu.toFixed(0)} % of one core, RSS ${rssBefore.toFixed(0)} → peak ${rssPeak.toFixed(0)} MiB; CDR outcomes ${JSON.stringify(records)}`);

  if (env.BENCH_DRY !== '1') writeBenchmarkSection('switch', `## The call switch: ${CONCURRENT} concurrent calls through IVR and queue to agents (packages/switch)

${machineLine()}

Command: \`npm run bench -- switch\` (bench/switch.ts). The server is \`src/server.ts\` as a process on a fresh data directory
(PGlite), SIP over UDP on 127.0.0.1. ${AGENTS} agents (phone account, user, member of 「${queue.name}」 with wrap-up 0 s, signed in
ready through \`POST /api/cti/commands\`); their phones are SIPp processes that register the extensions with MD5 digest and
answers each INVITE after 180 and a 300 ms ring (bench/switch/agents-answer.xml), ${PHONES_PER_SIPP} phones per SIPp. Callers (bench/switch/callers.xml): SIPp at
${RATE} calls/s up to ${CONCURRENT} at once, ${CALLS} calls, dial 8000, listen ${IVR_MS} ms, press ${DIGIT} (RFC 2833), talk ${TALK_MS} ms of G.711 A-law, hang up.
Latency: from the caller's log line after its key's last RFC 2833 packet to the agent's log line on INVITE (both SIPp
gettimeofday on this machine), paired by the caller number the switch presents to the agent. CPU and RSS of the server
process (all its threads, media workers included) while the callers ran.

| calls ok / failed | offered to an agent | last digit → agent INVITE p50 / p95 / p99 / max | server CPU (% of one core) | server RSS before → peak |
| --- | --- | --- | --- | --- |
| ${ok} / ${failed} | ${latencies.length} (unmatched ${unmatched}) | ${p50} / ${p95} / **${p99}** / ${max} ms | ${serverCpu.toFixed(0)} % | ${rssBefore.toFixed(0)} → ${rssPeak.toFixed(0)} MiB |

CDR outcomes: ${Object.entries(records).map(([k, v]) => `${k} ${v}`).join(', ')}.
`);
}

const dir = mkdtempSync(join(tmpdir(), 'rexian-bench-switch-'));
const server = await startServerProcess({
  REXIAN_DATA_DIR: join(dir, 'data'), REXIAN_ADMIN_PASSWORD: ADMIN_PASSWORD, REXIAN_SIP_DIGEST_ALGORITHMS: 'MD5', REXIAN_LOG_LEVEL: 'warn',
});
const serverPid = server.child.pid ?? 0;
try {
  await run();
} finally {
  for (const child of children) await stopSipp(child);
  server.child.kill('SIGTERM');
  const late = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await exited(server.child);
  clearTimeout(late);
  // BENCH_KEEP=1 keeps the SIPp logs and scenarios (and the data directory) to look at.
  if (env.BENCH_KEEP === '1') console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
