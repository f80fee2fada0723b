/**
 * The `collect` node: several keys into a variable (account, meter, area number). Keys pressed
 * while the prompt plays are the start of the input. Too few keys, a pattern that does not match,
 * or only the terminator are `invalid`; no key at all is `timeout`; each repeats the prompt up to
 * `maxRetries` times. Keys typed before a pause are accepted when they are enough (callers
 * often forget the terminator).
 */
import type { IvrCollectNode } from '@rexian/contracts';
import { matchesWhole } from './condition-test';
import type { CollectResult } from './ivr-channel';
import type { FlowRun, NodeResult } from './flow-run';
import { DEFAULT_INVALID_PROMPTS } from './menu-node';

async function readInput(node: IvrCollectNode, run: FlowRun, initial: string | undefined): Promise<CollectResult> {
  if (initial !== undefined && initial === node.terminator) return { digits: '', reason: 'terminator' };
  if (initial !== undefined && initial.length >= node.maxDigits) return { digits: initial.slice(0, node.maxDigits), reason: 'max' };
  return run.collect({
    maxDigits: node.maxDigits,
    terminator: node.terminator,
    firstDigitTimeoutMs: node.firstDigitTimeoutMs,
    interDigitTimeoutMs: node.interDigitTimeoutMs,
    ...(initial === undefined ? {} : { initial }),
  });
}

function judge(node: IvrCollectNode, result: CollectResult): 'ok' | 'invalid' | 'timeout' {
  if (result.digits === '') return result.reason === 'timeout' ? 'timeout' : 'invalid';
  if (result.digits.length < node.minDigits) return 'invalid';
  if (node.pattern !== undefined && !matchesWhole(result.digits, node.pattern)) return 'invalid';
  return 'ok';
}

export async function runCollect(node: IvrCollectNode, run: FlowRun): Promise<NodeResult> {
  for (let failures = 0; ; ) {
    const initial = run.takePendingDigit() ?? (await run.play(node.prompts, true));
    const result = await readInput(node, run, initial);
    const verdict = judge(node, result);
    if (verdict === 'ok') {
      run.set(node.variable, result.digits);
      return { outcome: 'ok' };
    }
    failures += 1;
    if (failures > node.maxRetries) return { outcome: verdict };
    if (verdict === 'invalid') run.pendingDigit = await run.play(node.invalidPrompts ?? DEFAULT_INVALID_PROMPTS, true);
  }
}
