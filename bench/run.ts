/**
 * `npm run bench` runs every benchmark one after another (each in its own process, so one
 * benchmark's heap and timers never disturb the next); `npm run bench -- sip acd` runs some.
 * Each writes its own section of BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const BENCHMARKS: Record<string, string> = {
  http: 'http-api.ts',
  sip: 'sip-cps.ts',
  'sip-register': 'sip-register.ts',
  media: 'media-concurrent.ts',
  acd: 'acd-decisions.ts',
  switch: 'switch.ts',
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (known: ${Object.keys(BENCHMARKS).join(', ')})`);
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : Object.keys(BENCHMARKS)) {
  console.log(`\n=== bench ${name}`);
  const file = resolve(import.meta.dirname, BENCHMARKS[name] as string);
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
