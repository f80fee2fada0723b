import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A UDP receiver in a child process (so a busy main thread cannot delay it) that timestamps every
 * datagram on a monotonic clock. `finish()` returns the arrival times in ms.
 */
const SCRIPT = `
const s = require('node:dgram').createSocket('udp4');
const t = [];
s.on('message', () => t.push(Number(process.hrtime.bigint()) / 1e6));
s.bind(0, '127.0.0.1', () => console.log(JSON.stringify({ port: s.address().port })));
process.stdin.on('data', () => { console.log(JSON.stringify({ arrivals: t })); s.close(); process.exit(0); });
setTimeout(() => process.exit(2), 60000).unref();
`;

export class ArrivalRecorder {
  private constructor(
    private readonly child: ChildProcess,
    private readonly lines: AsyncIterator<string>,
    readonly port: number,
  ) {}

  static async start(): Promise<ArrivalRecorder> {
    const child = spawn(process.execPath, ['-e', SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
    const first = await lines.next();
    return new ArrivalRecorder(child, lines, (JSON.parse(String(first.value)) as { port: number }).port);
  }

  async finish(): Promise<number[]> {
    this.child.stdin?.write('x');
    const line = await this.lines.next();
    return (JSON.parse(String(line.value)) as { arrivals: number[] }).arrivals;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** p-th percentile (0–100) of `values`. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
