/**
 * SIPVicious against our server: svwar must not tell the real extensions (1001–1005) from the
 * others, and svcrack must be stopped by the failure rate limit before it reaches the right
 * password. Each attack also runs against a control (a leaky registrar; the guard with its limit
 * lifted) to show that the tools do work and that our answers are what stops them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticPhoneDirectory } from '../../src/auth/phone-directory';
import type { DigestBaseAlgorithm } from '../../src/auth/digest-algorithm';
import { createSipServer, type SipServer } from '../../src/sip-server';
import { startLeakyRegistrar } from './leaky-registrar';
import { freeUdpPort, hasSipvicious, runTool } from './run-tool';

const realm = 'rexian.test';
const extensions = ['1001', '1002', '1003', '1004', '1005'];
const servers: SipServer[] = [];
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rexian-sipvicious-'));
});
afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function startServer(options: { maxFailures?: number; algorithms?: DigestBaseAlgorithm[] } = {}): Promise<SipServer> {
  const server = createSipServer({
    host: '127.0.0.1',
    port: 0,
    transports: ['udp'],
    realm,
    phones: staticPhoneDirectory(realm, extensions.map((e) => ({ username: e, password: `pw-${e}` }))),
    trunks: [],
    hotlineNumbers: ['8000'],
    security: {
      ...(options.maxFailures ? { maxFailures: options.maxFailures } : {}),
      ...(options.algorithms ? { digestAlgorithms: options.algorithms } : {}),
    },
  });
  servers.push(server);
  await server.start();
  return server;
}

const portOf = (server: SipServer) => server.address?.port ?? 0;

/** Extensions svwar lists in its result table as found. */
function found(output: string): string[] {
  return [...output.matchAll(/^\|\s*(\d+)\s*\|\s*(reqauth|noauth|weird)/gm)].map((m) => m[1] ?? '');
}

async function svwar(port: number, method: string, force: boolean): Promise<string> {
  const args = ['-e', '990-1010', '-m', method, '-p', String(port), '-P', String(await freeUdpPort()), '--maximumtime=1'];
  return runTool('svwar', [...(force ? ['--force'] : []), ...args, '127.0.0.1'], 15_000);
}

describe.skipIf(!hasSipvicious)('SIPVicious against the guard', { timeout: 40_000 }, () => {
  it('svwar finds the extensions of a leaky registrar (control)', async () => {
    const leaky = await startLeakyRegistrar(extensions);
    try {
      const output = await runTool('svwar', ['-e', '990-1010', '-p', String(leaky.port), '-P', String(await freeUdpPort()), '--maximumtime=1', '127.0.0.1'], 15_000);
      expect(found(output).sort()).toEqual(extensions);
    } finally {
      await leaky.close();
    }
  });

  it('svwar finds no extension with REGISTER, INVITE or OPTIONS, forced or not', async () => {
    const port = portOf(await startServer());
    // Unforced, svwar gives up at once: even a random extension is challenged. Forced, it takes
    // the answer for a random extension as "no such user" and sees the same for every other one.
    const runs: [string, boolean][] = [['REGISTER', false], ['REGISTER', true], ['INVITE', true], ['OPTIONS', true]];
    const outputs = await Promise.all(runs.map(([method, force]) => svwar(port, method, force)));
    runs.forEach(([method, force], i) => {
      expect(outputs[i], `${method} force=${force}`).toMatch(/found nothing/);
      expect(found(outputs[i] ?? ''), `${method} force=${force}`).toEqual([]);
    });
  });

  // svcrack 0.3.3 computes MD5 only and crashes on a SHA-256 challenge it reads first, so these
  // servers offer MD5 alone: the attacker's best case.
  const dictionary = () => {
    const file = join(dir, 'passwords.txt');
    writeFileSync(file, [...Array.from({ length: 10 }, (_, i) => `guess${i}`), 'pw-1001', ''].join('\n'));
    return file;
  };
  // Once svcrack has tried its last password, or stopped for lack of answers, it only waits out
  // a 10 s socket timeout before printing its (empty) result.
  const svcrack = async (port: number) =>
    runTool('svcrack', ['-v', '-u', '1001', '-d', dictionary(), '-p', String(port), '-P', String(await freeUdpPort()), '--maximumtime=1', '127.0.0.1'], 25_000, /no more passwords|since we last received a response - stopping/);

  it('svcrack finds the password when the failure limit is lifted (control)', async () => {
    const server = await startServer({ maxFailures: 1000, algorithms: ['MD5'] });
    expect(await svcrack(portOf(server))).toMatch(/\|\s*1001\s*\|\s*pw-1001\s*\|/);
  });

  it('svcrack is stopped by the failure limit before it reaches the right password', async () => {
    const server = await startServer({ algorithms: ['MD5'] });
    const output = await svcrack(portOf(server));
    expect(output).not.toMatch(/pw-1001/);
    expect(server.guard.isBlocked('127.0.0.1', '1001')).toBe(true);
    // It went through the whole dictionary (the right password is the last word): every guess
    // after the fifth, the right one included, went unanswered.
    expect(output).toMatch(/no more passwords/);
  });
});
