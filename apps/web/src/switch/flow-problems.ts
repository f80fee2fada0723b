import { FlowProblem } from '@rexian/contracts';
import { ApiError } from '../api/api-error';

const Problems = FlowProblem.array();

/**
 * The validator's problems carried by a refused publish (400 FLOW_INVALID), or null when the error
 * is something else. The problems may sit inside `error` or beside it; both are read.
 */
export function flowProblemsOf(error: unknown): FlowProblem[] | null {
  if (!(error instanceof ApiError)) return null;
  const answer = error.answer as { problems?: unknown; error?: { problems?: unknown } } | null;
  const parsed = Problems.safeParse(answer?.error?.problems ?? answer?.problems);
  return parsed.success ? parsed.data : null;
}
