/** Runs `src/server.ts` as a real process, the way `npm start` does, for tests that kill it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const SERVER = resolve(import.meta.dirname, '../src/server.ts');

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** The SIP port (UDP and TCP), when SIP started. */
  sipPort: number | undefined;
  output(): string;
}

export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  // One process (no tsx wrapper), so that SIGKILL reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: {
      ...process.env, REXIAN_HTTP_PORT: '0', REXIAN_HTTP_HOST: '127.0.0.1', REXIAN_SIP_PORT: '0', REXIAN_SIP_HOST: '127.0.0.1',
      REXIAN_LOG_LEVEL: 'warn', REXIAN_WEB_DIR: '/nonexistent', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/is listening on (http:\/\/localhost:\d+\/)/);
      if (match) {
        clearTimeout(timer);
        // Keep draining the pipes (a full pipe would stall the server) but stop collecting.
        child.stdout!.off('data', onData).resume();
        child.stderr!.off('data', onData).resume();
        const sip = output.match(/SIP \S+ listening on udp\+tcp \S+:(\d+)/);
        resolvePromise({
          child, baseUrl: match[1]!.replace('localhost', '127.0.0.1'), sipPort: sip ? Number(sip[1]) : undefined, output: () => output,
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited with ${code}:\n${output}`), { code, output }));
    });
  });
}

/** Resolves with the exit code once the process has ended. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

export async function signInOver(baseUrl: string, account: string, password: string) {
  const response = await fetch(`${baseUrl}api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
}
