import { describe, expect, it } from 'vitest';
import type { CtiSnapshot } from '@rexian/contracts';
import { CtiSocket, type CtiSocketNews, type SocketLike } from './cti-socket';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closed = false;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onerror?.({});
    this.onclose?.({});
  }
  receive(message: unknown) {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
}

/** A clock the test steps: timers run when `advance` passes their time. */
class FakeClock {
  now = 0;
  private timers = new Map<number, { at: number; run: () => void }>();
  private next = 1;
  set = (run: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, run });
    return id;
  };
  clear = (id: unknown) => {
    this.timers.delete(id as number);
  };
  advance(ms: number) {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].run();
    }
    this.now = end;
  }
}

const snapshot: CtiSnapshot = { agents: [], queues: [], calls: [] };

function setUp() {
  const clock = new FakeClock();
  const sockets: FakeSocket[] = [];
  const news: CtiSocketNews[] = [];
  const cti = new CtiSocket({
    url: 'ws://test/ws',
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    setTimer: clock.set,
    clearTimer: clock.clear,
    commandTimeoutMs: 5000,
  });
  cti.subscribe((n) => news.push(n));
  cti.start();
  return { clock, sockets, news, cti, last: () => sockets[sockets.length - 1]! };
}

describe('CTI socket', () => {
  it('reconnects after 1 s, 2 s, 4 s, 8 s, then every 10 s while the server stays away', () => {
    const { clock, sockets } = setUp();
    sockets[0]!.drop();
    const opensAt: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = sockets.length;
      const start = clock.now;
      while (sockets.length === before && clock.now - start < 20_000) clock.advance(100);
      opensAt.push(clock.now - start);
      sockets[sockets.length - 1]!.drop();
    }
    expect(opensAt).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('starts again from 1 s once a connection has opened', () => {
    const { clock, sockets, last } = setUp();
    sockets[0]!.drop();
    clock.advance(1000);
    last().drop();
    clock.advance(2000);
    last().open();
    last().drop();
    const count = sockets.length;
    clock.advance(999);
    expect(sockets.length).toBe(count);
    clock.advance(1);
    expect(sockets.length).toBe(count + 1);
  });

  it('asks for a snapshot after every reconnect, and passes it on', () => {
    const { clock, news, last } = setUp();
    last().open();
    expect(last().sent).toEqual([]);
    last().drop();
    clock.advance(1000);
    last().open();
    expect(last().sent).toEqual([{ type: 'cti.sync' }]);
    last().receive({ type: 'cti.snapshot', snapshot });
    expect(news.filter((n) => n.kind !== 'event').map((n) => n.kind)).toEqual(['connection', 'connection', 'connection', 'snapshot']);
    expect(news.filter((n) => n.kind === 'connection').map((n) => n.kind === 'connection' && n.connected)).toEqual([true, false, true]);
  });

  it('settles a command with the cti.result that carries its id', async () => {
    const { last, cti } = setUp();
    last().open();
    const first = cti.command({ command: 'agent.ready' });
    const second = cti.command({ command: 'call.dial', target: '1002' });
    const [a, b] = last().sent as { id: string }[];
    last().receive({ type: 'cti.result', id: b!.id, result: { ok: false, callId: null, message: '分机未注册' } });
    last().receive({ type: 'cti.result', id: a!.id, result: { ok: true, callId: null, message: null } });
    await expect(first).resolves.toEqual({ ok: true, callId: null, message: null });
    await expect(second).resolves.toEqual({ ok: false, callId: null, message: '分机未注册' });
  });

  it('fails a command at once while disconnected, and a waiting one when the connection drops', async () => {
    const { last, cti } = setUp();
    await expect(cti.command({ command: 'agent.ready' })).rejects.toThrow('连接中断');
    last().open();
    const waiting = cti.command({ command: 'agent.logout' });
    last().drop();
    await expect(waiting).rejects.toThrow('连接中断');
  });

  it('fails a command that gets no answer in time', async () => {
    const { clock, last, cti } = setUp();
    last().open();
    const waiting = cti.command({ command: 'agent.ready' });
    clock.advance(5000);
    await expect(waiting).rejects.toThrow('没有应答');
  });

  it('ignores messages that do not match the contract', () => {
    const { news, last } = setUp();
    last().open();
    last().receive('not json');
    last().receive({ type: 'cti.event', event: { event: 'agent.state', agentId: 'x' } });
    last().receive({ type: 'cti.snapshot', snapshot });
    expect(news.map((n) => n.kind)).toEqual(['connection', 'snapshot']);
  });

  it('stops reconnecting once stopped', () => {
    const { clock, sockets, cti, last } = setUp();
    last().open();
    cti.stop();
    expect(sockets[0]!.closed).toBe(true);
    clock.advance(60_000);
    expect(sockets.length).toBe(1);
  });
});
