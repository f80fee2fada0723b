import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { PortAllocator, PortsExhaustedError, type PortPair } from './port-allocator.js';

const held: PortPair[] = [];
afterEach(() => held.splice(0).forEach((p) => p.release()));

async function freeBase(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(r));
  return Math.min(port - (port % 2), 64000);
}

describe('RTP port allocator', () => {
  it('hands out even RTP ports with RTCP on the next odd port, and takes them back', async () => {
    const base = await freeBase();
    const ports = new PortAllocator({ min: base, max: base + 40 });
    const a = await ports.allocate();
    const b = await ports.allocate();
    held.push(a, b);
    expect(a.port % 2).toBe(0);
    expect(a.rtcp.address().port).toBe(a.port + 1);
    expect(b.port).not.toBe(a.port);
    expect(ports.inUse).toBe(2);
    a.release();
    a.release();
    expect(ports.inUse).toBe(1);
  });

  it('skips a port another program holds, and fails when the range is exhausted', async () => {
    const base = await freeBase();
    const blocker = createSocket('udp4');
    await new Promise<void>((r) => blocker.bind(base + 1, '127.0.0.1', r));
    try {
      const ports = new PortAllocator({ min: base, max: base + 3 });
      const pair = await ports.allocate();
      held.push(pair);
      expect(pair.port).toBe(base + 2);
      await expect(ports.allocate()).rejects.toThrow(PortsExhaustedError);
      expect(ports.inUse).toBe(1);
    } finally {
      blocker.close();
    }
  });
});
