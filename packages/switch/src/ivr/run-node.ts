/**
 * What each kind of node does, except the sub-flow (in run-flow.ts, which runs graphs) and the
 * nodes that read keys (menu-node, collect-node, survey-node).
 *
 * Type-ahead: a key that stopped a barge-in prompt stays pending and skips the following barge-in
 * prompts until a menu, collect or survey uses it, so a caller who knows the menus is not made to
 * listen again; a prompt without barge-in, a recording, a transfer or a hang-up drops it.
 */
import type { IvrNode } from '@rexian/contracts';
import { conditionHolds, DEFAULT_TIME_ZONE } from './condition-test';
import { runCollect } from './collect-node';
import type { FlowFrame, FlowRun, NodeResult } from './flow-run';
import { httpLookup } from './http-lookup';
import { interpolate } from './interpolate';
import { runMenu } from './menu-node';
import { sayText } from './prompts-to-playlist';
import { runSurvey } from './survey-node';

/** An extension or an outside number, after the target template is filled in. */
const DIALLABLE = /^\+?[0-9*#]{1,32}$/;

async function playNode(run: FlowRun, play: () => Promise<string | undefined>, bargeIn: boolean): Promise<NodeResult> {
  if (bargeIn && run.pendingDigit !== undefined) return { outcome: 'next' };
  run.pendingDigit = undefined;
  run.pendingDigit = await play();
  return { outcome: 'next' };
}

export async function runNode(node: Exclude<IvrNode, { type: 'subflow' }>, frame: FlowFrame, run: FlowRun): Promise<NodeResult> {
  switch (node.type) {
    case 'play':
      return playNode(run, () => run.play(node.prompts, node.bargeIn), node.bargeIn);
    case 'say': {
      const text = sayText(node.text, node.sayAs, run.variables).trim();
      if (text === '') return { outcome: 'next' };
      return playNode(run, () => run.playItems([{ kind: 'tts', text }], node.bargeIn), node.bargeIn);
    }
    case 'menu':
      return runMenu(node, frame, run);
    case 'collect':
      return runCollect(node, run);
    case 'survey':
      return runSurvey(node, run);
    case 'condition': {
      let holds = false;
      try {
        holds = conditionHolds(node.test, {
          now: run.env.now(),
          timeZone: frame.graph.settings.timeZone ?? DEFAULT_TIME_ZONE,
          calendar: run.env.calendar,
          variables: run.variables,
        });
      } catch {
        // A calendar that cannot answer is taken as "no" (after hours, not in range).
      }
      return { outcome: holds ? 'true' : 'false' };
    }
    case 'http': {
      const result = await httpLookup({ node, variables: run.variables, fetch: run.env.fetch, signal: run.signal });
      if (result.kind === 'hung-up') run.throwIfHungUp();
      if (result.kind !== 'ok') return { outcome: 'failure' };
      for (const [name, value] of Object.entries(result.values)) run.set(name, value);
      return { outcome: 'ok' };
    }
    case 'set':
      run.set(node.variable, interpolate(node.value, run.variables));
      return { outcome: 'next' };
    case 'queue':
      return { end: { kind: 'queue', queueId: node.queueId, ...(node.priority === undefined ? {} : { priority: node.priority }) } };
    case 'transfer':
      return transfer(node.target, node.timeoutMs, run);
    case 'record':
      return record(node, run);
    case 'voicemail':
      return voicemail(node, run);
    case 'goto':
      return { jump: node.target };
    case 'hangup':
      run.pendingDigit = undefined;
      await run.play(node.prompts ?? [], false);
      return { end: { kind: 'hangup' } };
    case 'return':
      return { end: { kind: 'return' } };
  }
}

async function transfer(template: string, timeoutMs: number, run: FlowRun): Promise<NodeResult> {
  run.pendingDigit = undefined;
  const target = interpolate(template, run.variables).trim();
  if (!DIALLABLE.test(target)) return { outcome: 'failure' };
  run.throwIfHungUp();
  let result;
  try {
    result = await run.env.channel.transfer(target, { timeoutMs });
  } catch {
    run.throwIfHungUp();
    result = 'failed' as const;
  }
  if (result === 'answered') return { end: { kind: 'transferred', target } };
  return { outcome: result === 'failed' ? 'failure' : result };
}

async function record(node: Extract<IvrNode, { type: 'record' }>, run: FlowRun): Promise<NodeResult> {
  run.pendingDigit = undefined;
  await run.play(node.prompts, true);
  run.throwIfHungUp();
  try {
    const recording = await run.env.channel.record({ maxMs: node.maxMs, beep: node.beep, purpose: 'recording' });
    run.set(node.variable, recording.path);
  } catch {
    // Nothing recorded: the flow goes on without the variable.
    run.throwIfHungUp();
  }
  return { outcome: 'next' };
}

async function voicemail(node: Extract<IvrNode, { type: 'voicemail' }>, run: FlowRun): Promise<NodeResult> {
  run.pendingDigit = undefined;
  await run.play(node.prompts, true);
  run.throwIfHungUp();
  try {
    const recording = await run.env.channel.record({ maxMs: node.maxMs, beep: node.beep, purpose: 'voicemail' });
    await run.env.channel.leaveVoicemail(recording);
  } catch {
    // The message could not be recorded or stored: the call ends without one.
    run.throwIfHungUp();
    return { end: { kind: 'hangup' } };
  }
  return { end: { kind: 'voicemail' } };
}
