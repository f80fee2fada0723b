/** CPU time and resident memory of processes, read from /proc (Linux). */
import { readFileSync } from 'node:fs';

const CLK_TCK = 100;

/** User + system CPU seconds of `pid` (all its threads), or 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** Resident set size of `pid` in MiB, or 0 when it is gone. */
export function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU use of `pids` between two instants, as % of one core. */
export class CpuWindow {
  private start = new Map<number, number>();
  private startAt = 0;

  begin(pids: number[]): void {
    this.start = new Map(pids.map((p) => [p, cpuSeconds(p)]));
    this.startAt = performance.now();
  }

  /** % of one core used by each pid since `begin`. */
  end(): Map<number, number> {
    const seconds = (performance.now() - this.startAt) / 1000;
    return new Map([...this.start].map(([pid, cpu]) => [pid, (100 * (cpuSeconds(pid) - cpu)) / seconds]));
  }
}
