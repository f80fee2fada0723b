import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DialogLayer } from '../dialogs/dialog-layer';
import { CallFailedError } from '../dialogs/dialog-errors';
import { Endpoint } from '../user-agent-core/endpoint';
import { ExampleUas, type AnswerHook } from './example-uas';

let caller: Endpoint;
let dialogs: DialogLayer;
let uas: ExampleUas | undefined;

beforeEach(async () => {
  caller = await Endpoint.listen({ host: '127.0.0.1', port: 0, tcp: false });
  dialogs = new DialogLayer(caller);
});

afterEach(async () => {
  dialogs.close();
  await caller.close();
  await uas?.close();
});

const call = (port: number) =>
  dialogs.invite({ uri: `sip:8000@127.0.0.1:${port}`, from: '<sip:caller@127.0.0.1>', to: `<sip:8000@127.0.0.1:${port}>`, destination: { transport: 'udp', address: '127.0.0.1', port }, sdp: 'v=0\r\nm=audio 4000 RTP/AVP 0\r\n' });

describe('example UAS', () => {
  it('answers INVITE with 180 then 200 OK and a static PCMU/telephone-event SDP, and BYE with 200', async () => {
    uas = await ExampleUas.listen({ host: '127.0.0.1', port: 0 });
    const provisional: number[] = [];
    const port = uas.endpoint.port;
    const dialog = await dialogs.invite({ uri: `sip:8000@127.0.0.1:${port}`, from: '<sip:c@127.0.0.1>', to: `<sip:8000@127.0.0.1:${port}>`, destination: { transport: 'udp', address: '127.0.0.1', port }, sdp: 'v=0\r\n', onProvisional: (r) => provisional.push(r.status) });
    expect(provisional).toEqual([180]);
    expect(dialog.remoteSdp).toMatch(/m=audio \d+ RTP\/AVP 0 101/);
    expect(dialog.remoteSdp).toContain('telephone-event/8000');
    expect(uas.activeCalls).toBe(1);
    expect((await dialogs.bye(dialog)).status).toBe(200);
    expect(uas.activeCalls).toBe(0);
  });

  it('hands the offer to the answer hook and calls onEnd when the call ends', async () => {
    const offers: string[] = [];
    let ended = 0;
    const answer: AnswerHook = async ({ offerSdp }) => {
      offers.push(offerSdp);
      return { sdp: 'v=0\r\nm=audio 5555 RTP/AVP 0\r\n', onEnd: () => ended++ };
    };
    uas = await ExampleUas.listen({ host: '127.0.0.1', port: 0, answer });
    const dialog = await call(uas.endpoint.port);
    expect(offers).toEqual(['v=0\r\nm=audio 4000 RTP/AVP 0\r\n']);
    expect(dialog.remoteSdp).toContain('5555');
    await dialogs.bye(dialog);
    expect(ended).toBe(1);
  });

  it('a call cancelled while the hook is still answering gets 487 and onEnd, and leaves nothing open', async () => {
    let ended = 0;
    let release: () => void = () => {};
    const answer: AnswerHook = () => new Promise((resolve) => (release = () => resolve({ sdp: 'v=0\r\n', onEnd: () => ended++ })));
    uas = await ExampleUas.listen({ host: '127.0.0.1', port: 0, answer });
    const controller = new AbortController();
    const attempt = dialogs.invite({ uri: `sip:8000@127.0.0.1:${uas.endpoint.port}`, from: '<sip:c@127.0.0.1>', to: '<sip:8000@127.0.0.1>', destination: { transport: 'udp', address: '127.0.0.1', port: uas.endpoint.port }, onProvisional: () => controller.abort(), signal: controller.signal });
    await expect(attempt).rejects.toEqual(new CallFailedError(487, 'Request Terminated'));
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(ended).toBe(1);
    expect(uas.activeCalls).toBe(0);
    expect(uas.endpoint.counts().awaitingAck).toBe(0);
  });
});
