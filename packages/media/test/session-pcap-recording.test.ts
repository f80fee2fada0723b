import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { decodeAlaw } from '../src/codecs/g711.js';
import { decodeWavChannels } from '../src/wav/wav-reader.js';
import { readPcapUdp, replay } from './pcap-reader.js';
import { SessionHarness, sleep } from './session-harness.js';

let harness: SessionHarness;
const dir = mkdtempSync(join(tmpdir(), 'rexian-pcap-'));
afterEach(async () => {
  expect(await harness.close()).toEqual({ sessions: 0, ports: 0 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('G.711 audio from SIPp’s g711a.pcap (30 ms packets)', () => {
  it('is recorded sample for sample: every 30 ms packet lands in the 20 ms frame timeline once', async () => {
    harness = new SessionHarness();
    const leg = await harness.call({ codecs: [8] });
    const path = join(dir, 'g711a.wav');
    await harness.host.handle({ op: 'record', sessionId: leg.id, action: 'start', path, mode: 'mono' });
    const packets = readPcapUdp(fileURLToPath(new URL('./fixtures/g711a.pcap', import.meta.url))).slice(0, 70);
    await replay(packets, (p) => leg.phone.send(p, leg.port));
    await sleep(150);
    await harness.host.handle({ op: 'record', sessionId: leg.id, action: 'stop' });
    const recorded = decodeWavChannels(readFileSync(path))[0] ?? new Int16Array();
    const sent = new Int16Array(packets.length * 240);
    packets.forEach((p, i) => decodeAlaw(p.payload.subarray(12), sent.subarray(i * 240, i * 240 + 240)));
    // align on the first loud sample, then compare the following 1.2 s
    const start = (x: Int16Array): number => x.findIndex((v) => Math.abs(v) > 2000);
    const a = start(sent);
    const b = start(recorded);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThanOrEqual(0);
    const length = Math.min(9600, sent.length - a);
    expect(length).toBeGreaterThan(4000);
    expect([...recorded.subarray(b, b + length)]).toEqual([...sent.subarray(a, a + length)]);
  });
});
