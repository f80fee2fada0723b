import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { flowProblemsOf } from './flow-problems';

const problem = { nodeId: 'menu', outcome: '2', message: '按键 2 指向不存在的节点 nowhere' };

describe('flow problems of a refused publish', () => {
  it('reads the problems inside the error body', () => {
    const error = ApiError.fromAnswer(400, { error: { code: 'FLOW_INVALID', message: '流程有错误', problems: [problem] } });
    expect(flowProblemsOf(error)).toEqual([problem]);
  });

  it('reads the problems beside the error body', () => {
    const error = ApiError.fromAnswer(400, { error: { code: 'FLOW_INVALID', message: '流程有错误' }, problems: [problem] });
    expect(flowProblemsOf(error)).toEqual([problem]);
  });

  it('gives null for other errors, so they are reported as usual', () => {
    expect(flowProblemsOf(ApiError.fromAnswer(403, { error: { code: 'FORBIDDEN', message: '没有权限' } }))).toBeNull();
    expect(flowProblemsOf(new Error('boom'))).toBeNull();
  });
});
