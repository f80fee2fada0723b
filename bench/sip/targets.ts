/**
 * The three systems the SIP benchmark measures, each started and stopped by the bench (only
 * the processes it started): a SIPp UAS, Kamailio as a transaction-stateful proxy in front of
 * a SIPp UAS, and our example UAS as a separate Node process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Target {
  name: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const UAS_XML = resolve(import.meta.dirname, 'uas.xml');
const KAMAILIO_CFG = resolve(import.meta.dirname, 'kamailio.cfg');
const EXAMPLE_UAS = resolve(import.meta.dirname, '../../packages/sip/test/run-example-uas.ts');

function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.on('exit', () => {
      clearTimeout(killer);
      done();
    });
    child.kill(signal);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function sippUas(port: number): { start(): Promise<void>; stop(): Promise<void> } {
  let child: ChildProcess | undefined;
  return {
    async start() {
      child = spawn('sipp', ['-sf', UAS_XML, '-i', '127.0.0.1', '-p', String(port), '-mi', '127.0.0.1', '-mp', '40000', '-buff_size', '4194304', '-nostdin'], { stdio: 'ignore' });
      await sleep(500);
    },
    stop: () => stopChild(child, 'SIGKILL'),
  };
}

export function sippTarget(port: number): Target {
  const uas = sippUas(port);
  return { name: 'SIPp UAC → SIPp UAS (machine ceiling)', port, start: uas.start, stop: uas.stop };
}

export function kamailioTarget(port: number, uasPort: number): Target {
  const uas = sippUas(uasPort);
  let child: ChildProcess | undefined;
  return {
    name: 'SIPp UAC → Kamailio 5.6 (t_relay, record-route) → SIPp UAS',
    port,
    async start() {
      await uas.start();
      const run = mkdtempSync(join(tmpdir(), 'rexian-kamailio-'));
      mkdirSync(run, { recursive: true });
      child = spawn('kamailio', ['-DD', '-E', '-f', KAMAILIO_CFG, '-m', '512', '-M', '16', '-Y', run,
        '-A', `UAS_URI="sip:127.0.0.1:${uasPort}"`, '-A', `LISTEN_PORT=${port}`, '-A', 'WORKERS=2'], { stdio: 'ignore' });
      await sleep(1500);
    },
    async stop() {
      await stopChild(child);
      await uas.stop();
    },
  };
}

export function exampleUasTarget(port: number): Target {
  let child: ChildProcess | undefined;
  return {
    name: 'SIPp UAC → Rexian example UAS (Node, one process)',
    port,
    async start() {
      // A larger young generation (like Kamailio's -m/-M memory sizes) lets per-call garbage die young.
      child = spawn(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', EXAMPLE_UAS, String(port), '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error('example UAS did not start')), 15_000);
        child?.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('listening')) {
            clearTimeout(timer);
            done();
          }
        });
      });
    },
    stop: () => stopChild(child),
  };
}
