/**
 * BENCHMARKS.md is shared by every benchmark: each one owns a section between
 * `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` and replaces only that, so running one
 * benchmark leaves the others' figures in place.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';

const FILE = resolve(import.meta.dirname, '../BENCHMARKS.md');
const HEADER = `# Benchmarks

Figures from \`npm run bench\` (all benchmarks) or \`npm run bench -- NAME\` (one of them). Load
generators and the system under test share the machine, so these are lower bounds for a server with
the machine to itself. Each section names its machine, date and command.
`;

/** One line naming the machine and the day, for the top of a section. */
export function machineLine(): string {
  const cpu = cpus();
  return `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`;
}

/** Replaces (or appends) the section `name` of BENCHMARKS.md with `markdown`. */
export function writeBenchmarkSection(name: string, markdown: string): void {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const block = `${open}\n${markdown.trim()}\n${close}`;
  const start = current.indexOf(open);
  const end = current.indexOf(close);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + close.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, next);
  process.stdout.write(`\nwritten to BENCHMARKS.md (section ${name})\n`);
}
