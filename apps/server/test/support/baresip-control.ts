/**
 * A client of baresip's ctrl_tcp module (baresip 1.0.0): JSON objects framed as netstrings
 * (`<length>:<json>,`) both ways. We send `{command, params, token}`; baresip answers
 * `{response: true, ok, data, token}` and pushes `{event: true, type, id, param, …}` for every
 * registration and call event (`id` is the call's SIP Call-ID).
 */
import { connect, type Socket } from 'node:net';

export interface BaresipEvent {
  type: string;
  class?: string;
  accountaor?: string;
  direction?: string;
  peeruri?: string;
  /** The SIP Call-ID, for call events. */
  id?: string;
  param?: string;
}

export class BaresipControl {
  private buffer = Buffer.alloc(0);
  private nextToken = 1;
  private readonly pending = new Map<string, { resolve: (data: string) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly socket: Socket,
    private readonly onEvent: (event: BaresipEvent) => void,
  ) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('baresip control connection closed'));
      this.pending.clear();
    });
  }

  /** Connects to ctrl_tcp at `port`, retrying while baresip starts (up to `ms`). */
  static async connect(port: number, onEvent: (event: BaresipEvent) => void, ms = 5000): Promise<BaresipControl> {
    const end = Date.now() + ms;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
        socket.on('error', () => {}); // a dying baresip resets the connection; 'close' rejects what waits
        return new BaresipControl(socket, onEvent);
      } catch (error) {
        if (Date.now() > end) throw new Error(`baresip ctrl_tcp on port ${port} did not accept: ${(error as Error).message}`, { cause: error });
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /**
   * Runs a menu command, e.g. `/hangup`, `/accept`, `/dial sip:1002@127.0.0.1:5060`; resolves with
   * baresip's reply text, rejects when baresip says it failed or after `ms`.
   */
  command(line: string, ms = 5000): Promise<string> {
    const trimmed = line.trim().replace(/^\//, '');
    const space = trimmed.indexOf(' ');
    const command = space < 0 ? trimmed : trimmed.slice(0, space);
    const params = space < 0 ? undefined : trimmed.slice(space + 1);
    const token = String(this.nextToken++);
    const json = JSON.stringify({ command, ...(params === undefined ? {} : { params }), token });
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(token);
        reject(new Error(`baresip did not answer "${line}" within ${ms} ms`));
      }, ms);
      this.pending.set(token, {
        resolve: (data) => (clearTimeout(timer), resolve(data)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      this.socket.write(`${Buffer.byteLength(json)}:${json},`);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  /** Splits the stream into netstrings (one chunk may hold several, or half of one). */
  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('latin1'));
      if (!Number.isInteger(length)) {
        this.buffer = Buffer.alloc(0); // not a netstring: nothing after it can be framed again
        return;
      }
      if (this.buffer.length < colon + 1 + length + 1) return;
      const text = this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8');
      this.buffer = this.buffer.subarray(colon + 1 + length + 1);
      this.dispatch(JSON.parse(text) as Record<string, unknown>);
    }
  }

  private dispatch(message: Record<string, unknown>): void {
    if (message.event === true) {
      this.onEvent(message as unknown as BaresipEvent);
      return;
    }
    const waiter = this.pending.get(String(message.token));
    if (!waiter) return;
    this.pending.delete(String(message.token));
    const data = typeof message.data === 'string' ? message.data : '';
    if (message.ok === false) waiter.reject(new Error(`baresip refused the command: ${data}`));
    else waiter.resolve(data);
  }
}
