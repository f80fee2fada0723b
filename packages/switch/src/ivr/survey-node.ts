/**
 * The `survey` node: a satisfaction score, one key 1–5, saved for the call through the channel and
 * put into the node's variable. Any other key repeats the question; after `maxRetries` the flow goes
 * on without a score.
 */
import type { IvrPrompt, IvrSurveyNode } from '@rexian/contracts';
import type { FlowRun, NodeResult } from './flow-run';
import { promptsAsText } from './prompts-to-playlist';

export const DEFAULT_SURVEY_INVALID_PROMPTS: IvrPrompt[] = [{ kind: 'tts', text: '请按1到5之间的数字键进行评价。' }];

export async function runSurvey(node: IvrSurveyNode, run: FlowRun): Promise<NodeResult> {
  for (let failures = 0; ; ) {
    const key = run.takePendingDigit() ?? (await run.play(node.prompts, true)) ?? (await run.oneKey(node.timeoutMs));
    if (key !== undefined && /^[1-5]$/.test(key)) {
      run.set(node.variable, key);
      const question = promptsAsText(node.prompts, run.variables) || node.name || node.id;
      try {
        await run.env.channel.saveSurvey(Number(key), question);
      } catch {
        // The score is in the variable (and the CDR) even when storing it failed.
        run.throwIfHungUp();
      }
      return { outcome: 'next' };
    }
    failures += 1;
    if (failures > node.maxRetries) return { outcome: 'next' };
    if (key !== undefined) run.pendingDigit = await run.play(node.invalidPrompts ?? DEFAULT_SURVEY_INVALID_PROMPTS, true);
  }
}
