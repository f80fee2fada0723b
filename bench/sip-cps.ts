/**
 * SIP calls-per-second benchmark: the highest rate with zero failures of SIPp's UAC against
 * (1) a SIPp UAS — the machine's ceiling, (2) Kamailio as a transaction-stateful proxy in front
 * of a SIPp UAS, (3) our example UAS in its own Node process. Rates step up until a step is not
 * clean, then bisect. Run: `npm run bench -- sip` or `node --import tsx bench/sip-cps.ts`.
 * BENCH_SECONDS sets the step length (default 5 s); BENCH_BISECT the bisections (default 2).
 */
import { createServer } from 'node:net';
import { machineLine, writeBenchmarkSection } from './benchmarks-file';
import { sippStep, type StepResult } from './sip/sipp-step';
import { exampleUasTarget, kamailioTarget, sippTarget, type Target } from './sip/targets';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const BISECT = Number(process.env.BENCH_BISECT ?? 2);

async function freePort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((done) => server.listen(0, '127.0.0.1', () => done((server.address() as { port: number }).port)));
  await new Promise((done) => server.close(done));
  return port;
}

async function maxClean(target: Target, rates: number[], uacPort: number): Promise<{ best: number; steps: StepResult[] }> {
  const steps: StepResult[] = [];
  const attempt = async (rate: number): Promise<boolean> => {
    await target.start();
    try {
      const step = await sippStep(target.port, uacPort, rate, SECONDS);
      steps.push(step);
      console.log(`  ${String(rate).padStart(6)} cps: ok ${step.ok}/${step.calls} failed ${step.failed} retrans ${step.retrans} achieved ${step.achieved.toFixed(0)} → ${step.clean ? 'clean' : 'NOT clean'}`);
      return step.clean;
    } finally {
      // A fresh target for every step: an overloaded step leaves retransmitting calls behind.
      await target.stop();
    }
  };
  let best = 0;
  let bad = 0;
  for (const rate of rates) {
    if (await attempt(rate)) best = rate;
    else {
      bad = rate;
      break;
    }
  }
  for (let i = 0, lo = best, hi = bad; bad > 0 && i < BISECT; i++) {
    const mid = Math.round((lo + hi) / 2 / 100) * 100;
    if (mid <= lo || mid >= hi) break;
    if (await attempt(mid)) lo = best = mid;
    else hi = mid;
  }
  return { best, steps };
}

const uacPort = await freePort();
const uasPort = await freePort();
const targets: [Target, number[]][] = [
  [sippTarget(uasPort), [3200, 6400, 12800, 16000, 20000]],
  [kamailioTarget(await freePort(), uasPort), [800, 1600, 2400, 3200, 4800]],
  [exampleUasTarget(await freePort()), [800, 1600, 2400, 3200, 4800, 6400]],
];
const rows: string[] = [];
for (const [target, rates] of targets) {
  console.log(`\n${target.name} (${SECONDS} s steps)`);
  const { best, steps } = await maxClean(target, rates, uacPort);
  const firstBad = steps.filter((s) => !s.clean).map((s) => s.rate).sort((a, b) => a - b)[0];
  rows.push(`| ${target.name} | **${best.toLocaleString('en-US')}** | ${firstBad === undefined ? 'none reached' : firstBad.toLocaleString('en-US')} | ${steps.map((s) => `${s.rate}${s.clean ? '✓' : '✗'}`).join(' ')} |`);
  console.log(`  max clean: ${best} cps`);
}

writeBenchmarkSection(
  'sip',
  `## SIP calls per second (packages/sip)

${machineLine()}

Command: \`npm run bench -- sip\` (\`BENCH_SECONDS=${SECONDS}\` s per step, ${BISECT} bisections). SIPp 3.6.1 UAC with
\`bench/sip/uac.xml\` (INVITE / 180 / 200 / ACK / BYE / 200, no hold) over UDP on 127.0.0.1. "Clean" = no failed
call, no retransmission, sipp exit 0, every call done, achieved rate ≥ 95 % of target. Load generator and targets
share the machine's cores (and, during development, other jobs: figures vary by ±20 % between runs). Our UAS runs as
\`node --max-semi-space-size=32 --import tsx packages/sip/test/run-example-uas.ts PORT\`.

| path | max clean calls/s | first unclean | steps (✓ clean, ✗ not) |
| --- | --- | --- | --- |
${rows.join('\n')}

Aim (issue 3): at least Kamailio's rate. All three paths run in the same \`npm run bench -- sip\`, one after
the other, so they see the same machine.
`,
);
