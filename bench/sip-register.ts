/**
 * SIP registrations per second with digest authentication: SIPp as the phones (REGISTER, 401,
 * REGISTER with MD5 credentials, 200 — bench/sip/register-digest.xml) against our server
 * (registrar + toll-fraud guard) in its own Node process. Rates step up until a step is not clean
 * (a failed registration, a retransmission, or under 95 % of the rate achieved).
 * Run: `npm run bench -- sip-register`; BENCH_SECONDS sets the step length (default 5).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { machineLine, writeBenchmarkSection } from './benchmarks-file';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RATES = (process.env.BENCH_RATES ?? '1000,2000,3000,4000,5000,6000').split(',').map(Number);
const SCENARIO = resolve(import.meta.dirname, 'sip/register-digest.xml');
const SERVER = resolve(import.meta.dirname, 'sip/run-registrar.ts');

async function freePort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((done) => server.listen(0, '127.0.0.1', () => done((server.address() as { port: number }).port)));
  await new Promise((done) => server.close(done));
  return port;
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((done, fail) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && done());
    child.once('exit', (code) => fail(new Error(`server exited ${code}`)));
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(killer);
}

async function step(rate: number): Promise<{ rate: number; ok: number; failed: number; retrans: number; achieved: number; clean: boolean }> {
  const port = await freePort();
  const server = await startServer(port);
  const dir = mkdtempSync(join(tmpdir(), 'rexian-bench-reg-'));
  const stat = join(dir, 'stat.csv');
  const calls = rate * SECONDS;
  try {
    const sipp = spawn('sipp', ['-sf', SCENARIO, `127.0.0.1:${port}`, '-i', '127.0.0.1', '-p', String(await freePort()), '-r', String(rate), '-m', String(calls),
      '-l', String(rate * 10), '-recv_timeout', '10000', '-timeout', `${SECONDS + 30}s`, '-timeout_error', '-buff_size', '4194304', '-nostdin',
      '-trace_stat', '-stf', stat, '-fd', '1'], { stdio: 'ignore' });
    const killer = setTimeout(() => sipp.kill('SIGKILL'), (SECONDS + 45) * 1000);
    const exitCode = await new Promise<number | null>((done) => sipp.on('exit', done));
    clearTimeout(killer);
    const lines = readFileSync(stat, 'latin1').trim().split('\n');
    const names = (lines[0] ?? '').split(';');
    const values = (lines.at(-1) ?? '').split(';');
    const get = (name: string) => Number(values[names.indexOf(name)] ?? NaN);
    const [ok, failed, retrans, achieved] = [get('SuccessfulCall(C)'), get('FailedCall(C)'), get('Retransmissions(C)'), get('CallRate(C)')];
    return { rate, ok, failed, retrans, achieved, clean: exitCode === 0 && failed === 0 && retrans === 0 && ok === calls && achieved >= 0.95 * rate };
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`digest-authenticated REGISTER, ${SECONDS} s steps`);
const results = [];
let best = 0;
for (const rate of RATES) {
  const r = await step(rate);
  results.push(r);
  console.log(`  ${String(rate).padStart(5)} reg/s: ok ${r.ok} failed ${r.failed} retrans ${r.retrans} achieved ${r.achieved.toFixed(0)} → ${r.clean ? 'clean' : 'NOT clean'}`);
  if (!r.clean) break;
  best = rate;
}
console.log(`max clean: ${best} registrations/s`);

// BENCH_DRY=1 checks the bench without touching BENCHMARKS.md.
if (process.env.BENCH_DRY !== '1') writeBenchmarkSection(
  'sip-register',
  `## SIP registrations per second with digest authentication (packages/sip)

${machineLine()}

Command: \`npm run bench -- sip-register\` (bench/sip-register.ts, \`BENCH_SECONDS=${SECONDS}\`). SIPp 3.6.1 as the phones
(\`bench/sip/register-digest.xml\`: REGISTER → 401 → REGISTER with MD5 digest → 200, two transactions per
registration) against \`createSipServer\` (toll-fraud guard, digest check, registrar, in-memory location service)
in its own Node process, UDP on 127.0.0.1. "Clean" = no failed registration, no retransmission, sipp exit 0,
achieved rate ≥ 95 % of target.

| target | max clean registrations/s | steps |
| --- | --- | --- |
| SIPp → Rexian registrar (MD5 digest) | **${best.toLocaleString('en-US')}** | ${results.map((r) => `${r.rate}${r.clean ? '✓' : '✗'}`).join(' ')} |
`,
);
