import { describe, expect, it } from 'vitest';
import { FakeClock } from '../transactions/fake-clock';
import { InMemoryLocationService } from './in-memory-location-service';
import type { Binding, LocationChange } from './location-service';

const source = { transport: 'udp', address: '127.0.0.1', port: 5070 } as const;
const binding = (contact: string, expiresAt: number, q?: number): Binding => ({
  aor: 'sip:1001@r',
  contact,
  expiresAt,
  callId: 'c',
  cseq: 1,
  source,
  ...(q === undefined ? {} : { q }),
});

describe('InMemoryLocationService', () => {
  it('returns bindings highest q first and drops each one when it expires, reporting it', () => {
    const clock = new FakeClock();
    const location = new InMemoryLocationService(clock);
    const changes: LocationChange[] = [];
    location.onChange((c) => changes.push(c));
    location.register(binding('sip:a@h', 60_000, 0.5));
    location.register(binding('sip:b@h', 120_000, 0.9));
    expect(location.lookup('sip:1001@r').map((b) => b.contact)).toEqual(['sip:b@h', 'sip:a@h']);
    clock.advance(60_000);
    expect(location.lookup('sip:1001@r').map((b) => b.contact)).toEqual(['sip:b@h']);
    clock.advance(60_000);
    expect(location.lookup('sip:1001@r')).toEqual([]);
    expect(location.aors()).toEqual([]);
    expect(changes.map((c) => `${c.kind} ${c.binding.contact}`)).toEqual([
      'added sip:a@h',
      'added sip:b@h',
      'expired sip:a@h',
      'expired sip:b@h',
    ]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps a refreshed binding past its first expiry', () => {
    const clock = new FakeClock();
    const location = new InMemoryLocationService(clock);
    location.register(binding('sip:a@h', 60_000));
    clock.advance(50_000);
    location.register(binding('sip:a@h', 110_000));
    clock.advance(20_000);
    expect(location.lookup('sip:1001@r')).toHaveLength(1);
  });

  it('removes on request, survives a throwing listener, and close() clears its timer twice safely', () => {
    const clock = new FakeClock();
    const location = new InMemoryLocationService(clock);
    location.onChange(() => {
      throw new Error('listener bug');
    });
    location.register(binding('sip:a@h', 60_000));
    location.register(binding('sip:b@h', 60_000));
    location.remove('sip:1001@r', 'sip:a@h');
    expect(location.lookup('sip:1001@r').map((b) => b.contact)).toEqual(['sip:b@h']);
    location.close();
    location.close();
    expect(clock.pendingTimers).toBe(0);
  });
});
