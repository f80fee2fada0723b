import fc from 'fast-check';
import { IVR_NODE_OUTCOMES, IVR_NODE_TYPES, type IvrNodeType } from '@rexian/contracts';
import { describe, expect, it } from 'vitest';
import { flow, say, type NodeInput } from './flow-builder';
import { runFlow, STEP_LIMIT_NODE } from './run-flow';
import { scriptedCall, type CallerAction } from './scripted-channel';

const MAX_STEPS = 40;

/** The kind-specific fields of a node of each type, so that every generated node passes the schema. */
function props(type: IvrNodeType, pick: number, ids: string[]): Record<string, unknown> {
  switch (type) {
    case 'play': return { prompts: say('提示'), bargeIn: pick % 2 === 0 };
    case 'menu': return { prompts: say('菜单'), maxRetries: pick % 3 };
    case 'collect': return { variable: 'v', prompts: say('请输入'), maxDigits: 1 + (pick % 4), terminator: '#', pattern: pick % 2 ? '\\d+' : undefined, maxRetries: pick % 2 };
    case 'say': return { text: '值${v}', sayAs: (['text', 'digits', 'number', 'money'] as const)[pick % 4] };
    case 'condition': return { test: [{ kind: 'business-hours' }, { kind: 'time', from: '22:00', to: '06:00' }, { kind: 'weekday', days: [1, 7] }, { kind: 'variable', variable: 'v', op: 'gt', value: '5' }][pick % 4] };
    case 'http': return { url: pick % 2 ? 'http://127.0.0.1/x/${v}' : 'nonsense ${v}', assign: { v: 'balance' }, timeoutMs: 100 };
    case 'set': return { variable: 'v', value: '${v}' + String(pick % 10) };
    case 'queue': return { queueId: pick };
    case 'transfer': return { target: pick % 2 ? '1001' : '${v}' };
    case 'voicemail': return { prompts: [] };
    case 'record': return { variable: 'r', prompts: [] };
    case 'survey': return { prompts: say('请评价'), variable: 's' };
    case 'subflow': return { flowId: 1 };
    case 'goto': return { target: ids[pick % ids.length] };
    case 'hangup': return {};
    case 'return': return {};
  }
}

const nodeArbitrary = fc.record({
  type: fc.constantFrom(...IVR_NODE_TYPES),
  pick: fc.nat(1000),
  /** For each outcome: an index into the node list, or past it for "no edge". */
  targets: fc.array(fc.nat(15), { minLength: 14, maxLength: 14 }),
});

const actionArbitrary: fc.Arbitrary<CallerAction> = fc.oneof(
  fc.record({ press: fc.stringMatching(/^[0-9*#]{1,5}$/) }),
  fc.record({ bargeIn: fc.constantFrom('1', '2', '0', '*', '#', '9') }),
  fc.constant({ silence: true as const }),
  fc.constant({ listen: true as const }),
  fc.constant({ fail: true as const }),
  fc.record({ transfer: fc.constantFrom('answered' as const, 'busy' as const, 'no-answer' as const, 'failed' as const) }),
  fc.constant({ hangUp: true as const }),
);

describe('runFlow on random graphs', () => {
  it('never throws and always ends within maxSteps, whatever the caller does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(nodeArbitrary, { minLength: 1, maxLength: 12 }), fc.array(actionArbitrary, { maxLength: 30 }), fc.boolean(), async (specs, script, open) => {
        const ids = specs.map((_, i) => `n${i}`);
        const nodes = specs.map((spec, i): NodeInput => {
          const next: Record<string, string> = {};
          IVR_NODE_OUTCOMES[spec.type].forEach((outcome, k) => {
            const target = ids[spec.targets[k % spec.targets.length] ?? 99];
            if (target !== undefined) next[outcome] = target;
          });
          return { id: ids[i] ?? '', type: spec.type, next, ...props(spec.type, spec.pick, ids) } as NodeInput;
        });
        const graph = flow(nodes, { maxSteps: MAX_STEPS, agentQueueId: open ? 5 : null });
        const fakeFetch: typeof fetch = async (input) =>
          String(input).endsWith('/1') ? new Response(JSON.stringify({ balance: '12.5' })) : new Response('nope', { status: 500 });
        const call = scriptedCall(script, { open, fetch: fakeFetch, flows: { 1: graph } });
        const outcome = await runFlow(graph, call.env, { flowId: 1, variables: { v: '1' } });
        expect(['queue', 'agent', 'transferred', 'voicemail', 'hangup', 'caller-hung-up']).toContain(outcome.kind);
        expect(call.path.length).toBeLessThanOrEqual(MAX_STEPS + 1);
        if (call.path.includes(STEP_LIMIT_NODE)) expect(outcome).toEqual({ kind: 'hangup' });
      }),
      { numRuns: 300 },
    );
  });
});
