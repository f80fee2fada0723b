import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHotlineFlow } from './demo-hotline-flow';
import { validateFlow } from './flow-validator';
import { sendJson, startJsonServer, type JsonTestServer } from './json-test-server';
import { runFlow } from './run-flow';
import { scriptedCall, type CallerAction } from './scripted-channel';

const queues = { billing: 11, fault: 12, consult: 13 };
const graph = demoHotlineFlow({ queues });
let server: JsonTestServer;

beforeAll(async () => {
  server = await startJsonServer((request, response) => {
    const account = /^\/api\/demo-billing\/accounts\/(\d+)$/.exec(request.url)?.[1];
    if (account === '12345678') return sendJson(response, 200, { account, name: '张三', balance: '128.50', dueDate: '2026-12-15' });
    return sendJson(response, 404, { code: 'NOT_FOUND' });
  });
});

afterAll(() => server.close());

async function call(script: CallerAction[], open = true) {
  const scripted = scriptedCall(script, { open, fetch });
  const variables = { callId: 'c1', callerNumber: '13800000000', calledNumber: '8000', serverUrl: server.url };
  const outcome = await runFlow(graph, scripted.env, { flowId: 1, variables });
  return { outcome, ...scripted };
}

describe('the demo hotline flow', () => {
  it('is publishable with the demo queues, and names every node in Chinese', () => {
    expect(validateFlow(graph, { knownQueueIds: Object.values(queues), knownFlowIds: [] })).toEqual([]);
    for (const node of graph.nodes) expect(node.name, node.id).toMatch(/[\u4e00-\u9fff]/);
  });

  it('after hours: announces the hours and takes a voicemail', async () => {
    const { outcome, channel, path } = await call([], false);
    expect(outcome).toEqual({ kind: 'voicemail' });
    expect(path).toEqual(['1:hours', '1:after-hours', '1:after-hours-voicemail']);
    expect(channel.heard[0]).toContain('现在是非工作时间');
    expect(channel.voicemails).toHaveLength(1);
  });

  it('1: looks up the bill, says the balance in 元角分, repeats it on 1, goes back on * and to consultation on 3', async () => {
    const { outcome, channel, variables, path } = await call([{ press: '1' }, { press: '12345678#' }, { press: '1' }, { press: '*' }, { press: '3' }]);
    expect(outcome).toEqual({ kind: 'queue', queueId: queues.consult });
    const balance = '张三您好，您的账户余额为128元5角。';
    expect(channel.heard.filter((text) => text === balance)).toHaveLength(2);
    expect(variables).toEqual({ account: '12345678', name: '张三', balance: '128.50', dueDate: '2026-12-15' });
    expect(path.filter((id) => id === '1:main-menu')).toHaveLength(2);
    expect(server.requests.at(-1)?.url).toBe('/api/demo-billing/accounts/12345678');
  });

  it('1: an agent for billing questions on 0 in the bill menu', async () => {
    const { outcome } = await call([{ press: '1' }, { bargeIn: '1' }, { press: '2345678#' }, { bargeIn: '0' }]);
    expect(outcome).toEqual({ kind: 'queue', queueId: queues.billing });
  });

  it('1: an unknown account gets an apology and goes to the billing queue', async () => {
    const { outcome, channel } = await call([{ press: '1' }, { press: '99999#' }]);
    expect(outcome).toEqual({ kind: 'queue', queueId: queues.billing });
    expect(channel.heard.at(-1)).toContain('暂时无法查询到该户号的账单信息');
  });

  it('2: collects the area code, reads it back digit by digit and queues for fault reports', async () => {
    const { outcome, channel, variables } = await call([{ press: '2' }, { press: '0571#' }]);
    expect(outcome).toEqual({ kind: 'queue', queueId: queues.fault });
    expect(variables.areaCode).toBe('0571');
    expect(channel.heard.at(-1)).toBe('您输入的区号是0 5 7 1，正在为您转接故障报修人工服务，请稍候。');
  });

  it('3 and 0: consultation, and an agent from the consultation queue', async () => {
    expect((await call([{ press: '3' }])).outcome).toEqual({ kind: 'queue', queueId: queues.consult });
    expect((await call([{ bargeIn: '0' }])).outcome).toEqual({ kind: 'queue', queueId: queues.consult });
  });

  it('says goodbye and hangs up when the caller presses nothing', async () => {
    const { outcome, channel } = await call([{ silence: true }, { silence: true }, { silence: true }]);
    expect(outcome).toEqual({ kind: 'hangup' });
    expect(channel.heard.at(-1)).toBe('感谢您的来电，再见。');
  });
});
