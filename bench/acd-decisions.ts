/**
 * ACD decision benchmark: 500 agents in 50 queues (each agent in four, with skills; a third of them
 * blended voice + chat), 2,000 items kept waiting under a stream of arrivals and completions. Each
 * command that makes a routing decision is timed with process.hrtime.bigint(): an arrival (queued,
 * offered when someone is free), a completion (the freed agent is offered the best waiting item),
 * an acceptance. Bounded in count and time. Writes its section of BENCHMARKS.md.
 *
 *   npm run bench -- acd
 *   BENCH_ACD_DECISIONS=50000 npm run bench -- acd
 */
import { AcdEngine, FakeClock, type Channel, type StrategyName } from '../packages/acd/src/index';
import { machineLine, writeBenchmarkSection } from './benchmarks-file';

const AGENTS = 500;
const QUEUES = 50;
const QUEUES_PER_AGENT = 4;
const WAITING = 2_000;
const DECISIONS = Number(process.env.BENCH_ACD_DECISIONS ?? 200_000);
const MAX_SECONDS = 40;
const STRATEGIES: StrategyName[] = ['longest-idle', 'round-robin', 'fewest-calls', 'least-talk-time', 'skill-weighted', 'linear', 'random'];

/** A small deterministic generator so that every run sees the same load. */
let seed = 12345;
const rand = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};

const clock = new FakeClock(Date.UTC(2026, 0, 5, 8));
const engine = new AcdEngine({ clock, seed: 7 });
const offers: string[] = [];
const assigned: string[] = [];
const waiting = new Set<string>();
engine.on((e) => {
  if (e.type === 'offered') offers.push(e.offerId);
  if (e.type === 'offered' || e.type === 'abandoned') waiting.delete(e.itemId);
  if (e.type === 'offer-withdrawn' || e.type === 'offer-timed-out' || e.type === 'rejected') waiting.add(e.itemId);
  if (e.type === 'accepted') assigned.push(e.itemId);
});

for (let q = 0; q < QUEUES; q++) {
  engine.addQueue({
    id: `q${q}`,
    strategy: STRATEGIES[q % STRATEGIES.length] as StrategyName,
    requiredSkills: { [`skill${q}`]: 3 },
    agingStepMs: q % 2 === 0 ? 30_000 : undefined,
    priority: q % 5,
    ringTimeoutMs: 3_600_000,
  });
}
for (let a = 0; a < AGENTS; a++) {
  const queues = new Set<number>();
  while (queues.size < QUEUES_PER_AGENT) queues.add(Math.floor(rand() * QUEUES));
  const blended = a % 3 === 0;
  engine.addAgent({
    id: `a${a}`,
    queues: [...queues].map((q) => ({ queueId: `q${q}`, penalty: Math.floor(rand() * 2) })),
    skills: Object.fromEntries([...queues].map((q) => [`skill${q}`, 3 + Math.floor(rand() * 8)])),
    capacity: blended ? { voice: 1, chat: 2 } : { voice: 1 },
    callBlocksOtherChannels: !blended,
  });
  engine.login(`a${a}`, { ready: true });
}

let n = 0;
const arrive = (): void => {
  const id = `i${++n}`;
  const channel: Channel = rand() < 0.2 ? 'chat' : 'voice';
  waiting.add(id);
  engine.enqueue({ id, queueId: `q${Math.floor(rand() * QUEUES)}`, channel, priority: rand() < 0.1 ? 3 : 0 });
};
const acceptAll = (): void => {
  while (offers.length > 0) engine.accept(offers.pop() as string);
};

// Fill: every agent busy, then 2,000 waiting.
while (waiting.size < WAITING) {
  arrive();
  acceptAll();
}
console.log(`filled: ${assigned.length} items in hand, ${waiting.size} waiting`);

const samples = { queued: [] as number[], arrivalOffered: [] as number[], completionOffered: [] as number[], completionIdle: [] as number[], acceptance: [] as number[] };
/** Times one command; `offered` tells whether it ended in an offer (the routing decision proper). */
const timed = (command: () => void, into: (offered: boolean) => number[]): void => {
  const before = offers.length;
  const start = process.hrtime.bigint();
  command();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  into(offers.length > before).push(ms);
};

const started = Date.now();
let decisions = 0;
while (decisions < DECISIONS && Date.now() - started < MAX_SECONDS * 1000) {
  clock.advance(50);
  if (waiting.size < WAITING) {
    timed(arrive, (offered) => (offered ? samples.arrivalOffered : samples.queued));
  } else {
    const at = Math.floor(rand() * assigned.length);
    const id = assigned[at] as string;
    assigned[at] = assigned[assigned.length - 1] as string;
    assigned.pop();
    timed(() => engine.complete(id), (offered) => (offered ? samples.completionOffered : samples.completionIdle));
  }
  decisions++;
  while (offers.length > 0) {
    const offerId = offers.pop() as string;
    timed(() => engine.accept(offerId), () => samples.acceptance);
    decisions++;
  }
  if (decisions % 50_000 < 2) console.log(`${decisions} decisions, ${waiting.size} waiting, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const seconds = (Date.now() - started) / 1000;

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const all = Object.values(samples).flat();
const busyMs = all.reduce((s, v) => s + v, 0);
const row = (name: string, values: number[]): string =>
  values.length === 0
    ? `| ${name} | 0 | – | – | – |`
    : `| ${name} | ${values.length.toLocaleString('en')} | ${quantile(values, 0.5).toFixed(4)} | ${quantile(values, 0.99).toFixed(4)} | ${values.reduce((m, v) => Math.max(m, v), 0).toFixed(3)} |`;
const table = [
  '| decision | count | p50 ms | p99 ms | max ms |',
  '|---|---:|---:|---:|---:|',
  row('arrival → queued (no one free)', samples.queued),
  row('arrival → offered (a free agent picked by the strategy)', samples.arrivalOffered),
  row('completion → freed agent offered the best waiting item', samples.completionOffered),
  row('completion → nothing to offer', samples.completionIdle),
  row('acceptance (the offer becomes an assignment)', samples.acceptance),
  row('all decisions', all),
].join('\n');
const throughput = Math.round(all.length / (busyMs / 1000));
console.log(table);
console.log(`throughput ${throughput.toLocaleString('en')} decisions/s; ${waiting.size} waiting at the end; ${seconds.toFixed(1)} s`);

writeBenchmarkSection(
  'acd',
  `## ACD routing decisions

${machineLine()}
Command: \`npm run bench -- acd\` (bench/acd-decisions.ts). ${AGENTS} agents in ${QUEUES} queues (each agent in
${QUEUES_PER_AGENT}, skills 3–10, a third blended voice + 2 chats), ${WAITING.toLocaleString('en')} items kept waiting under a stream
of arrivals and completions; ${all.length.toLocaleString('en')} timed commands on a fake clock (pure engine, no I/O).

${table}

Throughput: ${throughput.toLocaleString('en')} decisions/s on one core (time inside the engine only). Aim: p99 under 1 ms.`,
);
engine.close();
