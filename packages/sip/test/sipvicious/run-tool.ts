/** Runs a SIPVicious command with a time limit and collects what it printed; finds free UDP ports. */
import { execFile, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';

export const hasSipvicious = spawnSync('sh', ['-c', 'command -v svwar && command -v svcrack'], { encoding: 'utf8' }).status === 0;

/**
 * Runs `command`; kills it at `timeoutMs`, or as soon as its output matches `stopWhen` (a tool
 * that has given up but still waits out its socket timeout). Resolves with everything it printed.
 */
export function runTool(command: string, args: readonly string[], timeoutMs: number, stopWhen?: RegExp): Promise<string> {
  return new Promise((resolve) => {
    let output = '';
    const child = execFile(command, args, { timeout: timeoutMs, killSignal: 'SIGKILL', encoding: 'utf8' }, () => resolve(output));
    const collect = (data: string) => {
      output += data;
      if (stopWhen?.test(output)) child.kill('SIGKILL');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  });
}

/** A UDP port that was free a moment ago (the tools need a number, not port 0). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}
